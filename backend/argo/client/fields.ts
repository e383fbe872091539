/**
 * `fields` projections, so lists carry only what the plugin reads. Include mode must name the bare
 * `metadata` path, or the list's own metadata (continue, remainingItemCount) is cut away too.
 * Projections apply to the live list and single GETs only; the archive list and cron lists ignore them.
 */
const ITEM_METADATA = ['uid', 'name', 'namespace', 'creationTimestamp', 'labels', 'annotations'].map(
  (f) => `items.metadata.${f}`
);
const ITEM_STATUS = [
  'phase',
  'startedAt',
  'finishedAt',
  'estimatedDuration',
  'progress',
  'resourcesDuration',
  'message',
].map((f) => `items.status.${f}`);

/** A run summary: identity, labels/annotations (cron, template, scheduled time) and status without nodes. */
export const RUN_SUMMARY_FIELDS = [
  'metadata',
  ...ITEM_METADATA,
  ...ITEM_STATUS,
  'items.spec.arguments',
  'items.spec.workflowTemplateRef',
];

/** A run summary plus node data in whichever form the server holds it. */
export const NODE_LIST_FIELDS = [
  ...RUN_SUMMARY_FIELDS,
  'items.status.nodes',
  'items.status.compressedNodes',
  'items.status.offloadNodeStatusVersion',
];

/** GET of one workflow for its nodes: everything except the heavy parts nobody reads (exclusion mode). */
export const NODE_DETAIL_GET_FIELDS =
  '-metadata.managedFields,spec.templates,status.storedTemplates,status.storedWorkflowTemplateSpec';

/** A named projection, or explicit `fields` paths. */
export type Projection = 'summary' | 'nodes' | 'full' | string[];

/** The `fields` parameter for a list projection, or undefined for whole objects. */
export function listFields(projection: Projection): string | undefined {
  if (projection === 'full') {
    return undefined;
  }
  const fields = projection === 'summary' ? RUN_SUMMARY_FIELDS : projection === 'nodes' ? NODE_LIST_FIELDS : projection;
  return fields.includes('metadata') ? fields.join(',') : ['metadata', ...fields].join(',');
}

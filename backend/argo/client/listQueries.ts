import { listFields, type Projection } from './fields';
import type { ServerFeatures } from './serverVersion';

/**
 * The query parameters of each list, per server version: which field selectors it understands, how the
 * archive takes a namespace, and the v4.0–v4.1 `continue` work-around.
 */
export interface WorkflowListQuery {
  /** '' or undefined = all namespaces. */
  namespace?: string;
  labelSelector?: string;
  /** Items per page (listOptions.limit); default from the client. */
  pageSize?: number;
  /** Resume from this token. */
  continue?: string;
  /** What each item carries (live list only); default 'summary'. */
  projection?: Projection;
  /** Runs that started at or after / at or before (RFC 3339 or Date). */
  startedAfter?: string | Date;
  startedBefore?: string | Date;
  /** Stop after this many items (the result then says it is incomplete). */
  maxItems?: number;
  /** On servers before v3.5 (no merged archive), page through the archive after the live list. */
  includeArchive?: boolean;
}

/** What a cron workflow list asks for. */
export interface CronWorkflowListQuery {
  namespace?: string;
  labelSelector?: string;
  pageSize?: number;
  continue?: string;
  /** Stop after this many items (the result then says it is incomplete). */
  maxItems?: number;
}

/** RFC 3339 in UTC with whole seconds, as the server parses it. */
export function rfc3339(value: string | Date): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new Error(`not a time: ${String(value)}`);
  }
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function startedAtSelectors(query: WorkflowListQuery): string[] {
  return [
    ...(query.startedAfter ? [`spec.startedAt>${rfc3339(query.startedAfter)}`] : []),
    ...(query.startedBefore ? [`spec.startedAt<${rfc3339(query.startedBefore)}`] : []),
  ];
}

function common(
  query: { labelSelector?: string },
  pageSize: number,
  token: string | undefined,
  fieldSelectors: string[]
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.labelSelector) {
    params.set('listOptions.labelSelector', query.labelSelector);
  }
  if (fieldSelectors.length) {
    params.set('listOptions.fieldSelector', fieldSelectors.join(','));
  }
  if (pageSize > 0) {
    params.set('listOptions.limit', String(pageSize));
  }
  if (token) {
    params.set('listOptions.continue', token);
  }
  return params;
}

/** /api/v1/workflows/{namespace} parameters. */
export function liveListParams(
  query: WorkflowListQuery,
  features: ServerFeatures,
  pageSize: number,
  token?: string
): URLSearchParams {
  // v4.0–v4.1 only set `continue` reliably when asked to count the rest (issue #15639); the count costs a
  // query on the archive, so older servers are not asked.
  const selectors = features.argoFieldSelectors
    ? [
        ...startedAtSelectors(query),
        ...(features.continueNeedsRemainingCount ? ['ext.showRemainingItemCount=true'] : []),
      ]
    : [];
  const params = common(query, pageSize, token, selectors);
  const fields = listFields(query.projection ?? 'summary');
  if (fields) {
    params.set('fields', fields);
  }
  return params;
}

/** /api/v1/archived-workflows parameters (offset paging and Argo's selectors in every version). */
export function archiveListParams(
  query: WorkflowListQuery,
  features: ServerFeatures,
  pageSize: number,
  token?: string
): URLSearchParams {
  const namespace = query.namespace ?? '';
  const selectors = [
    ...(namespace && !features.archiveNamespaceParam ? [`metadata.namespace=${namespace}`] : []),
    ...startedAtSelectors(query),
  ];
  const params = common(query, pageSize, token, selectors);
  if (namespace && features.archiveNamespaceParam) {
    params.set('namespace', namespace);
  }
  return params;
}

/** /api/v1/cron-workflows/{namespace} parameters (a Kubernetes list). */
export function cronListParams(query: CronWorkflowListQuery, pageSize: number, token?: string): URLSearchParams {
  return common(query, pageSize, token, []);
}

import { LABELS } from '../client/argoTypes';
import { type JsonObject, isObject, readObject, readRequiredString } from './argoFields';
import type { WorkflowRef } from './documents';
import type { Problems } from './problems';
import { labelsFromArgo } from './stringMaps';
import { workflowTemplateOf } from './workflowTemplate';

/**
 * What every document of one run repeats. The objects are shared by all of the run's documents and
 * frozen: treat documents as read-only (copy one before changing it).
 */
export interface RunFields {
  namespace?: string;
  workflow: Readonly<WorkflowRef>;
  labels?: Readonly<Record<string, string>>;
  collectedAt?: string;
}

/**
 * The fields every document of one run repeats (namespace, `workflow.*`, labels), read once per
 * workflow and shared, frozen, by its documents.
 */
export function runFieldsOf(name: string, metadata: JsonObject | undefined, spec: unknown, collectedAt: string | undefined, problems: Problems): RunFields {
  const labels = labelsFromArgo(metadata?.labels, 'metadata.labels', problems);
  const workflow: WorkflowRef = { name };
  const uid = readRequiredString(metadata?.uid, 'metadata.uid', problems);
  if (uid !== undefined) {
    workflow.uid = uid;
  }
  workflow.template = workflowTemplateOf(name, metadata, isObject(spec) ? spec : undefined, labels);
  const cron = labels?.[LABELS.cronWorkflow];
  if (cron) {
    workflow.cron = cron;
  }
  const namespace = readRequiredString(metadata?.namespace, 'metadata.namespace', problems);
  return {
    namespace,
    workflow: Object.freeze(workflow),
    labels: labels && Object.freeze(labels),
    collectedAt,
  };
}

/** The metadata object, or undefined with a problem. */
export function metadataOf(workflow: JsonObject, problems: Problems): JsonObject | undefined {
  const metadata = readObject(workflow.metadata, 'metadata', problems);
  if (workflow.metadata === undefined || workflow.metadata === null) {
    problems.add('metadata', 'missing');
  }
  return metadata;
}

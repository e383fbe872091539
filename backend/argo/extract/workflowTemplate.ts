import { LABELS } from '../client/argoTypes';
import { type JsonObject, isObject } from './argoFields';

/** Kubernetes' generateName suffix: 5 characters from its vowel-free alphabet, after a dash. */
const GENERATED_SUFFIX = /-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `workflow.template` groups the runs of one workflow for baselines: the WorkflowTemplate it was
 * submitted from, else the workflow's name without its generated suffix.
 *
 * In order: `spec.workflowTemplateRef.name`; the workflow-template or cluster-workflow-template label;
 * the cron-workflow label (a cron names its runs `<cron>-<unix seconds>`); `metadata.generateName`
 * without its trailing dash; the name without a Kubernetes generated suffix; the name itself.
 */
export function workflowTemplateOf(name: string, metadata: JsonObject | undefined, spec: JsonObject | undefined, labels: Record<string, string> | undefined): string {
  const ref = spec?.workflowTemplateRef;
  const fromRef = isObject(ref) ? nonEmpty(ref.name) : undefined;
  if (fromRef) {
    return fromRef;
  }
  const fromLabel = labels?.[LABELS.workflowTemplate] || labels?.[LABELS.clusterWorkflowTemplate] || labels?.[LABELS.cronWorkflow];
  if (fromLabel) {
    return fromLabel;
  }
  const generateName = nonEmpty(metadata?.generateName);
  if (generateName) {
    const trimmed = generateName.replace(/-+$/, '');
    return trimmed === '' ? generateName : trimmed;
  }
  return name.replace(GENERATED_SUFFIX, '');
}

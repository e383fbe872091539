import type { GroupKey, PlainGroupKey } from '../../src/query/groupBy';
import type { Filters, Level } from '../../src/query/model';

/**
 * Document field names of our index template (docs/contracts.md). The datasource's field mapping
 * (for teams with their own documents) will override these in one place.
 */
export const FIELDS = {
  kind: 'doc_kind',
  start: '@timestamp',
  durationMs: 'duration_ms',
  phase: 'phase',
  /** Why a run or step failed (Argo's status message), a keyword. */
  message: 'message',
  labels: 'labels',
  /** Fields of one run or step, read by the runs table. */
  end: 'end',
  namespace: 'namespace',
  workflowName: 'workflow.name',
  workflowUid: 'workflow.uid',
  workflowTemplate: 'workflow.template',
  task: 'node.display_name',
  nodeName: 'node.name',
  nodeTemplate: 'node.template',
  retryAttempt: 'node.retry_attempt',
  /** Resource-seconds of a run or step (from Argo's resourcesDuration), read by baseline. */
  cpuCoreSeconds: 'resources.cpu_core_seconds',
  memoryMibSeconds: 'resources.memory_mib_seconds',
  gpuSeconds: 'resources.gpu_seconds',
  /** Parent of the numbers a workflow reports about its own work (`metrics.<name>`). */
  metrics: 'metrics',
} as const;

const GROUP_FIELDS: Record<Level, Record<PlainGroupKey, string>> = {
  workflow: {
    namespace: 'namespace',
    workflow: 'workflow.name',
    template: 'workflow.template',
    task: 'node.display_name',
    cron: 'workflow.cron',
    node: 'node.name',
    phase: 'phase',
  },
  node: {
    namespace: 'namespace',
    workflow: 'workflow.name',
    template: 'node.template',
    task: 'node.display_name',
    cron: 'workflow.cron',
    node: 'node.name',
    phase: 'phase',
  },
};

export function groupField(key: GroupKey, level: Level): string {
  return key.startsWith('label:') ? `${FIELDS.labels}.${key.slice('label:'.length)}` : GROUP_FIELDS[level][key as PlainGroupKey];
}

export const FILTER_FIELDS: Record<keyof Filters, PlainGroupKey> = {
  namespaces: 'namespace',
  workflows: 'workflow',
  templates: 'template',
  tasks: 'task',
  crons: 'cron',
  phases: 'phase',
};

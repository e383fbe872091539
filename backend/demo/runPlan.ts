/** What the generator decides about one run, before it becomes an Argo Workflow object (workflowObject.ts). */
export type StepPhase = 'Succeeded' | 'Failed' | 'Error' | 'Running' | 'Pending';

/** One pod: an attempt of a step (or of one loop item). */
export interface AttemptPlan {
  startMs: number;
  /** Absent while running. */
  endMs?: number;
  phase: StepPhase;
  message?: string;
  cores: number;
  memoryMiB: number;
  gpus: number;
  host: string;
  /** `metric-<name>` output parameters. */
  metrics?: Record<string, number>;
}

/** One loop item: `shard(12:part-12)`. */
export interface ItemPlan {
  index: number;
  value: string;
  attempts: AttemptPlan[];
}

/** One DAG task. */
export interface TaskPlan {
  task: string;
  template: string;
  /** Tasks it waits for. */
  after: string[];
  /** A retryStrategy: attempts are children of a Retry node. */
  retries?: number;
  /** Without items: the task's attempts. */
  attempts: AttemptPlan[];
  /** A loop (`withItems`): one node (or Retry node) per item under a TaskGroup. */
  items?: ItemPlan[];
}

export interface RunPlan {
  namespace: string;
  name: string;
  uid: string;
  /** Submitted from this WorkflowTemplate (`spec.workflowTemplateRef`). */
  template?: string;
  /** Started by this CronWorkflow at this tick. */
  cron?: { name: string; scheduledMs: number };
  labels: Record<string, string>;
  parameters: Record<string, string>;
  createdMs: number;
  startMs: number;
  endMs?: number;
  phase: StepPhase;
  message?: string;
  /** Argo's estimate (seconds) for runs in progress. */
  estimatedSeconds?: number;
  tasks: TaskPlan[];
}

/**
 * The parts of Argo Server objects this plugin reads. Argo publishes no TypeScript types, so these are the
 * fields named in swagger.json that we use; everything else passes through untouched (index signatures).
 * Timestamps are RFC 3339 strings, or null while unset (Go's encoding of an empty metav1.Time).
 */
export type Timestamp = string | null;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  [key: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  generateName?: string;
  resourceVersion?: string;
  creationTimestamp?: Timestamp;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [key: string]: unknown;
}

export interface NodeStatus {
  id: string;
  name: string;
  displayName?: string;
  type: string;
  templateName?: string;
  templateScope?: string;
  phase?: string;
  boundaryID?: string;
  message?: string;
  startedAt?: Timestamp;
  finishedAt?: Timestamp;
  progress?: string;
  estimatedDuration?: number;
  resourcesDuration?: Record<string, number>;
  hostNodeName?: string;
  children?: string[];
  outboundNodes?: string[];
  outputs?: { exitCode?: string; [key: string]: unknown };
  nodeFlag?: { hooked?: boolean; retried?: boolean };
  [key: string]: unknown;
}

export interface WorkflowStatus {
  phase?: string;
  startedAt?: Timestamp;
  finishedAt?: Timestamp;
  estimatedDuration?: number;
  progress?: string;
  message?: string;
  resourcesDuration?: Record<string, number>;
  nodes?: Record<string, NodeStatus> | null;
  /** base64 of the compressed JSON node map (gzip; zstd or brotli from v4.1). */
  compressedNodes?: string;
  /** Set when the node map lives in the server's database instead of the object. */
  offloadNodeStatusVersion?: string;
  [key: string]: unknown;
}

export interface Workflow {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: WorkflowStatus;
}

export interface ListMeta {
  continue?: string;
  resourceVersion?: string;
  remainingItemCount?: number;
}

/** WorkflowList and CronWorkflowList; `items` is null when empty (Go's nil slice). */
export interface ObjectList<T> {
  apiVersion?: string;
  kind?: string;
  metadata: ListMeta;
  items: T[] | null;
}

export type WorkflowList = ObjectList<Workflow>;

export interface CronWorkflowSpec {
  /** v3.6+; null from a v4 server when unset (no omitempty). */
  schedules?: string[] | null;
  /** v3.4–v3.7; removed in v4.0. */
  schedule?: string;
  timezone?: string;
  suspend?: boolean;
  concurrencyPolicy?: string;
  startingDeadlineSeconds?: number;
  workflowSpec?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface CronWorkflowStatus {
  active?: OwnerReference[] | null;
  lastScheduledTime?: Timestamp;
  conditions?: Array<{ type?: string; status?: string; message?: string }> | null;
  succeeded?: number;
  failed?: number;
  phase?: string;
  [key: string]: unknown;
}

export interface CronWorkflow {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: CronWorkflowSpec;
  status?: CronWorkflowStatus;
}

export type CronWorkflowList = ObjectList<CronWorkflow>;

/** GET /api/v1/version. */
export interface ArgoVersionInfo {
  version: string;
  buildDate?: string;
  gitCommit?: string;
  gitTag?: string;
  gitTreeState?: string;
  goVersion?: string;
  compiler?: string;
  platform?: string;
}

/** Argo's label keys used by the client, the document extraction and the test server. */
export const LABELS = {
  phase: 'workflows.argoproj.io/phase',
  completed: 'workflows.argoproj.io/completed',
  cronWorkflow: 'workflows.argoproj.io/cron-workflow',
  workflowTemplate: 'workflows.argoproj.io/workflow-template',
  clusterWorkflowTemplate: 'workflows.argoproj.io/cluster-workflow-template',
  archivingStatus: 'workflows.argoproj.io/workflow-archiving-status',
  creator: 'workflows.argoproj.io/creator',
} as const;

export const ANNOTATIONS = {
  scheduledTime: 'workflows.argoproj.io/scheduled-time',
  podNameFormat: 'workflows.argoproj.io/pod-name-format',
  lastUsedSchedule: 'cronworkflows.argoproj.io/last-used-schedule',
} as const;

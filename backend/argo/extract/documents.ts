/**
 * The two documents of docs/document-model.md, exactly as the index template maps them
 * (backend/elasticsearch/indexTemplate.ts, `dynamic: strict`): a workflow-run document and a node
 * document. The collector bulk-indexes them and the live queries turn them into frames, so no field
 * may appear here that the template does not map. Times are RFC 3339 strings in UTC.
 */

/** The run a document belongs to (`workflow.*`). */
export interface WorkflowRef {
  name: string;
  /** Absent only in hand-made objects; the Argo Server always sets it. */
  uid?: string;
  /** The WorkflowTemplate it came from, else the workflow's name without its generated suffix. */
  template?: string;
  /** The CronWorkflow that started it; absent for ad hoc runs. */
  cron?: string;
}

/** One node execution (`node.*`). */
export interface NodeRef {
  id: string;
  /** The full name, such as `run.train(1)`. */
  name: string;
  /** The step or task name without the retry suffix `(n)`: the `task` of the queries. */
  display_name: string;
  /**
   * The step name: display_name without the loop item suffix `(n:item)` (src/query/stepName.ts), the
   * `step` of the queries. Absent on documents collected before document model version 2.
   */
  step?: string;
  /** `templateName` (or `templateRef.template`). */
  template?: string;
  /** Argo's node type: `Pod`, `Suspend`, `Skipped`, `HTTP`, ... */
  type: string;
  /** 0 for the first attempt, n for the retry `(n)`. */
  retry_attempt: number;
  /** The Kubernetes node that ran the pod (`hostNodeName`). */
  host?: string;
  /**
   * Since document model version 3, on attempts (not on grouping nodes): the displayName of the nested
   * steps/DAG it runs in (the run's name at top level), the ids of the attempts or junctions it ran after,
   * and the junctions it is one of the predecessors of (backend/timeline/stepGraph.ts). Stored, not indexed.
   */
  group?: string;
  after?: string[];
  feeds?: string[];
}

/** Resource-seconds from Argo's `resourcesDuration`, converted to the model's units. */
export interface Resources {
  cpu_core_seconds?: number;
  memory_mib_seconds?: number;
  gpu_seconds?: number;
}

/** Numbers a workflow reports about its own work; nested objects allowed (`metrics.*` is dynamic). */
export interface Metrics {
  [name: string]: number | Metrics;
}

/** Fields both kinds of document share. */
interface CommonFields {
  /** Start: `startedAt`. */
  '@timestamp': string;
  /** Finish: `finishedAt`; absent while running. */
  end?: string;
  /** `end` − `@timestamp` in milliseconds; absent while running. */
  duration_ms?: number;
  /** Argo's phase; absent only when Argo gave none for something that has finished. */
  phase?: string;
  namespace?: string;
  workflow: WorkflowRef;
  resources?: Resources;
  /** The workflow's labels. */
  labels?: Record<string, string>;
  /** Workflow arguments, or the node's input parameters, as strings. */
  parameters?: Record<string, string>;
  /** Why a Failed or Error run or node failed; absent otherwise. */
  message?: string;
  metrics?: Metrics;
  /** When the collector wrote the document. */
  collected_at?: string;
}

/** One document per workflow run (`doc_kind: "workflow"`). */
export interface WorkflowDocument extends CommonFields {
  doc_kind: 'workflow';
  /** Cron runs: the tick that started them. */
  scheduled_at?: string;
}

/** One document per node execution (`doc_kind: "node"`). */
export interface NodeDocument extends CommonFields {
  doc_kind: 'node';
  node: NodeRef;
}

export type ArgoDocument = WorkflowDocument | NodeDocument;

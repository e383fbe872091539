/**
 * A generated Argo history for integration tests: workflow-run and node documents in the shape of
 * docs/contracts.md, with cron and ad hoc workflows, several namespaces, retries, failures and
 * durations that drift upward over time. Deterministic for a given seed.
 */
export interface HistoryDoc {
  doc_kind: 'workflow' | 'node';
  '@timestamp': string;
  end?: string;
  duration_ms?: number;
  phase: string;
  namespace: string;
  workflow: { name: string; uid: string; template?: string; cron?: string };
  node?: { id: string; name: string; display_name: string; template: string; type: string; retry_attempt?: number };
  labels: Record<string, string>;
  /** Why a failed run or step failed (Argo's status message); absent otherwise. */
  message?: string;
  resources?: { cpu_core_seconds: number; memory_mib_seconds: number; gpu_seconds?: number };
  metrics?: Record<string, number>;
}

/**
 * Resource-seconds of one step, derived from its duration and position (no random draws, so the
 * documents and answers of tests written before these fields stay as they were): 1–3 cores,
 * 500–1500 MiB in Argo's 100Mi units, and one GPU for training steps.
 */
export function stepResources(task: string, taskIndex: number, attempt: number, seconds: number): NonNullable<HistoryDoc['resources']> {
  return {
    cpu_core_seconds: seconds * (1 + ((taskIndex + attempt) % 3)),
    memory_mib_seconds: seconds * 100 * (5 + 5 * (taskIndex % 3)),
    ...(task === 'train' ? { gpu_seconds: seconds } : {}),
  };
}

function addResources(total: NonNullable<HistoryDoc['resources']>, step: NonNullable<HistoryDoc['resources']>): void {
  total.cpu_core_seconds += step.cpu_core_seconds;
  total.memory_mib_seconds += step.memory_mib_seconds;
  if (step.gpu_seconds !== undefined) {
    total.gpu_seconds = (total.gpu_seconds ?? 0) + step.gpu_seconds;
  }
}

/** Failure messages as Argo reports them; chosen from the run and step index, not drawn at random. */
export const FAILURE_REASONS = ['Error (exit code 1)', 'OOMKilled', 'pod deleted', 'Error (exit code 137)'];

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface WorkflowSpec {
  name: string;
  namespace: string;
  cron?: string;
  everyMs: number;
  baseSeconds: number;
  team: string;
  tasks: string[];
}

export const WORKFLOWS: WorkflowSpec[] = [
  { name: 'nightly-train', namespace: 'ml', cron: 'nightly-train', everyMs: 6 * 3600_000, baseSeconds: 1800, team: 'vision', tasks: ['fetch', 'train', 'evaluate'] },
  { name: 'hourly-ingest', namespace: 'data', cron: 'hourly-ingest', everyMs: 3600_000, baseSeconds: 120, team: 'platform', tasks: ['extract', 'load'] },
  { name: 'adhoc-eval', namespace: 'ml', everyMs: 4 * 3600_000, baseSeconds: 300, team: 'vision', tasks: ['evaluate'] },
];

export function generateHistory(fromMs: number, toMs: number, seed = 42): HistoryDoc[] {
  const random = seededRandom(seed);
  const docs: HistoryDoc[] = [];
  for (const spec of WORKFLOWS) {
    let run = 0;
    for (let scheduled = fromMs; scheduled < toMs; scheduled += spec.everyMs, run++) {
      const start = scheduled + Math.floor(random() * 90_000);
      const drift = 1 + (0.5 * (scheduled - fromMs)) / (toMs - fromMs);
      const uid = `${spec.name}-${run}-${Math.floor(random() * 1e9).toString(16)}`;
      const failed = random() < 0.1;
      let cursor = start;
      let workflowMessage: string | undefined;
      const workflowResources: NonNullable<HistoryDoc['resources']> = { cpu_core_seconds: 0, memory_mib_seconds: 0 };
      for (const [taskIndex, task] of spec.tasks.entries()) {
        const attempts = random() < 0.15 ? 2 : 1;
        for (let attempt = 0; attempt < attempts; attempt++) {
          const seconds = Math.max(1, Math.round((spec.baseSeconds / spec.tasks.length) * drift * (0.6 + random() * 0.8)));
          const phase = attempt < attempts - 1 || (failed && task === spec.tasks[spec.tasks.length - 1]) ? 'Failed' : 'Succeeded';
          const message = phase === 'Failed' ? FAILURE_REASONS[(run + taskIndex + attempt) % FAILURE_REASONS.length] : undefined;
          const resources = stepResources(task, taskIndex, attempt, seconds);
          addResources(workflowResources, resources);
          if (message && attempt === attempts - 1) {
            workflowMessage = message;
          }
          docs.push({
            doc_kind: 'node',
            '@timestamp': new Date(cursor).toISOString(),
            end: new Date(cursor + seconds * 1000).toISOString(),
            duration_ms: seconds * 1000,
            phase,
            namespace: spec.namespace,
            workflow: { name: spec.name, uid, template: spec.name, cron: spec.cron },
            node: { id: `${uid}-${task}-${attempt}`, name: `${uid}.${task}(${attempt})`, display_name: task, template: task, type: 'Pod', retry_attempt: attempt },
            labels: { team: spec.team },
            ...(message ? { message } : {}),
            resources,
          });
          cursor += seconds * 1000;
        }
      }
      docs.push({
        doc_kind: 'workflow',
        '@timestamp': new Date(start).toISOString(),
        end: new Date(cursor).toISOString(),
        duration_ms: cursor - start,
        phase: failed ? 'Failed' : 'Succeeded',
        namespace: spec.namespace,
        workflow: { name: spec.name, uid, template: spec.name, cron: spec.cron },
        labels: { team: spec.team },
        ...(failed && workflowMessage ? { message: workflowMessage } : {}),
        resources: workflowResources,
        // What the run reports about its own work, derived from its length and number (not drawn).
        metrics: { images_processed: Math.round((cursor - start) / 1000) * 10, val_accuracy: 0.8 + (run % 10) / 100 },
      });
    }
  }
  return docs;
}

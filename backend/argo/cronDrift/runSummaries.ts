import { LABELS, type Workflow } from '../client/argoTypes';
import type { RunSummary } from '../cron/cronDrift';

/** A listed Workflow as the drift report reads it (metadata and status times). */
export function runSummary(workflow: Workflow): RunSummary | undefined {
  const { metadata, status } = workflow;
  if (typeof metadata?.name !== 'string' || metadata.name === '') {
    return undefined;
  }
  return {
    name: metadata.name,
    uid: metadata.uid,
    namespace: metadata.namespace,
    labels: metadata.labels,
    annotations: metadata.annotations,
    creationTimestamp: metadata.creationTimestamp,
    startedAt: status?.startedAt,
    finishedAt: status?.finishedAt,
    phase: status?.phase,
  };
}

/**
 * The runs of each cron, keyed `namespace/name`. A run goes to the cron its label names; a run without
 * labels (v3.4 archive rows) goes to every cron of its namespace, and the drift report keeps it only when
 * its name is `<cron>-<unix seconds>`.
 */
export function runsByCron(workflows: Workflow[], cronKeys: string[]): Map<string, RunSummary[]> {
  const byCron = new Map<string, RunSummary[]>(cronKeys.map((key) => [key, []]));
  // namespace → cron name → runs: no `namespace/name` string to build and hash per run.
  const byNamespace = new Map<string, Map<string, RunSummary[]>>();
  for (const [key, runs] of byCron) {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const crons = byNamespace.get(namespace) ?? new Map<string, RunSummary[]>();
    crons.set(key.slice(slash + 1), runs);
    byNamespace.set(namespace, crons);
  }
  for (const workflow of workflows) {
    const run = runSummary(workflow);
    if (!run) {
      continue;
    }
    const crons = byNamespace.get(run.namespace ?? '');
    if (!crons) {
      continue;
    }
    if (run.labels) {
      crons.get(run.labels[LABELS.cronWorkflow] ?? '')?.push(run);
    } else {
      for (const runs of crons.values()) {
        runs.push(run);
      }
    }
  }
  return byCron;
}

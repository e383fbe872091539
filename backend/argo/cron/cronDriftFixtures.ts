/** Test fixtures for the cron drift tests: a CronWorkflow named "report" and runs its cron engine would make. */
import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import type { RunSummary, TickReport } from './cronTypes';

/*
 * Hand-worked times. 2024-05-02T00:00:00Z = 1 714 608 000 s (19 845 days since 1970: 54 × 365 + 13 leap days
 * + 122 days into 2024). Each hour adds 3 600 s. An hourly schedule in UTC ticks at every whole hour.
 */
export const T0 = 1_714_608_000;
export const at = (iso: string) => Date.parse(iso);
export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function cron(
  spec: Record<string, unknown>,
  status: Record<string, unknown> = {},
  created = '2024-05-01T00:00:00Z'
): unknown {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: { name: 'report', namespace: 'argo', uid: 'c1', creationTimestamp: created },
    spec: { workflowSpec: { entrypoint: 'main' }, ...spec },
    status,
  };
}

/** A run the cron engine made for the tick `seconds`, created 1 s after it. */
export function child(seconds: number, extra: Partial<RunSummary> = {}): RunSummary {
  return {
    name: `report-${seconds}`,
    uid: `u-${seconds}`,
    namespace: 'argo',
    labels: { [LABELS.cronWorkflow]: 'report' },
    annotations: { [ANNOTATIONS.scheduledTime]: iso(seconds * 1000) },
    creationTimestamp: iso(seconds * 1000 + 1000),
    startedAt: iso(seconds * 1000 + 5000),
    finishedAt: iso(seconds * 1000 + 600_000),
    phase: 'Succeeded',
    ...extra,
  };
}

export const statuses = (ticks: TickReport[]) => ticks.map((t) => `${iso(t.scheduledMs).slice(11, 16)} ${t.status}`);
export const range = (from: string, to: string) => ({ fromMs: at(from), toMs: at(to) });

import type { RunningWorkflow } from './runningWorkflows';
import { templateKey, type TemplateBaseline } from './templateP95';
import { progressOf } from './workflowProgress';

/**
 * One running workflow as the live query shows it. Times in seconds. `started` is status.startedAt, or
 * the creation time of a Pending workflow the controller has not started yet (as in the run documents).
 */
export interface LiveRow {
  name: string;
  namespace: string;
  /** workflow.template: the WorkflowTemplate, cron or generateName it came from. */
  template: string;
  phase: string;
  startedMs: number;
  elapsed: number;
  /** Argo's status.estimatedDuration; null when absent or 0 (Argo had no successful run to go by). */
  estimate: number | null;
  progress: string | null;
  progressFraction: number | null;
  /** elapsed ÷ estimate. */
  vsEstimate: number | null;
  /** p95 of the template's finished runs over the baseline days; null when not read or too few runs. */
  p95: number | null;
  /** elapsed ÷ p95. */
  vsP95: number | null;
}

const ratio = (value: number, reference: number | null) => (reference && reference > 0 ? value / reference : null);

export function liveRow(
  { doc, object }: RunningWorkflow,
  nowMs: number,
  baselines?: Map<string, TemplateBaseline>
): LiveRow {
  const startedMs = Date.parse(doc['@timestamp']);
  // A start a little ahead of our clock (clock skew) counts as just started.
  const elapsed = Math.max(0, nowMs - startedMs) / 1000;
  const estimated = object.status?.estimatedDuration;
  const estimate = typeof estimated === 'number' && estimated > 0 ? estimated : null;
  const progress = progressOf(object.status?.progress);
  const p95 = baselines?.get(templateKey(doc))?.p95Seconds ?? null;
  return {
    name: doc.workflow.name,
    namespace: doc.namespace ?? '',
    template: doc.workflow.template ?? '',
    phase: doc.phase ?? '',
    startedMs,
    elapsed,
    estimate,
    progress: progress.text,
    progressFraction: progress.fraction,
    vsEstimate: ratio(elapsed, estimate),
    p95,
    vsP95: ratio(elapsed, p95),
  };
}

/** Longest-running first; namespace and name break ties. */
export function longestFirst(a: LiveRow, b: LiveRow): number {
  return b.elapsed - a.elapsed || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}

/** The notice when the query's limit cuts the running workflows (table rows or overrun numbers). */
export const longestRunningCut = (limit: number, total: number): string =>
  `Only the ${limit} longest-running of ${total} running workflows are shown; raise Limit in the query to see the others.`;

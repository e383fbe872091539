/**
 * What the progress query knows about one run's steps, the same from either source: Elasticsearch
 * aggregations (progressSearch.ts) or the run's node documents counted in memory (tallyDocuments).
 * A step is one node document (a pod, a retry attempt, a skipped step; nodeKinds.ts).
 */
export interface RunTally {
  /** Steps per phase (every phase, running ones too). */
  byPhase: Record<string, number>;
  /** Steps that are retry attempts (retry_attempt > 0). */
  retries: number;
  /** Steps that finished in [now − rateMinutes, now). */
  finishedRecently: number;
  /** Steps that finished before the time range, per phase (the start of the cumulative lines). */
  finishedBefore: Record<string, number>;
  /** Time buckets in the range with steps that finished in them, per phase; ascending. */
  finishedOverTime: Array<{ time: number; byPhase: Record<string, number> }>;
  /** Failure messages of Failed and Error steps, most frequent first, at most `limit`. */
  failures: Array<{ message: string; count: number }>;
  /** Failed and Error steps whose message is not among `failures`. */
  otherFailures: number;
}

/** Phases of steps that have not finished yet. */
export const ACTIVE_STEP_PHASES: readonly string[] = ['Running', 'Pending'];
/** Phases whose steps count as failures. */
export const FAILED_STEP_PHASES: readonly string[] = ['Failed', 'Error'];
/** Shown for a step without a phase, and as the reason of a failure without a message. */
export const NO_PHASE = '(no phase)';
export const NO_MESSAGE = '(no message)';

/** The windows a tally is made for: the time range, its buckets, "now" and the throughput window. */
export interface TallyWindows {
  fromMs: number;
  toMs: number;
  intervalMs: number;
  nowMs: number;
  rateMinutes: number;
  limit: number;
}

/** The fields of a step the tally reads (a node document, or its Elasticsearch equivalent). */
export interface StepFacts {
  phase?: string;
  endMs?: number;
  retryAttempt?: number;
  message?: string;
}

const add = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** The tally of steps held in memory (source argo). */
export function tallySteps(steps: Iterable<StepFacts>, windows: TallyWindows): RunTally {
  const tally: RunTally = { byPhase: {}, retries: 0, finishedRecently: 0, finishedBefore: {}, finishedOverTime: [], failures: [], otherFailures: 0 };
  const buckets = new Map<number, Record<string, number>>();
  const messages: Record<string, number> = {};
  const rateFromMs = windows.nowMs - windows.rateMinutes * 60_000;
  for (const step of steps) {
    const phase = step.phase ?? NO_PHASE;
    add(tally.byPhase, phase);
    if ((step.retryAttempt ?? 0) > 0) {
      tally.retries++;
    }
    if (FAILED_STEP_PHASES.includes(phase)) {
      add(messages, step.message ?? NO_MESSAGE);
    }
    const end = step.endMs;
    if (end === undefined) {
      continue;
    }
    if (end >= rateFromMs && end < windows.nowMs) {
      tally.finishedRecently++;
    }
    if (end < windows.fromMs) {
      add(tally.finishedBefore, phase);
    } else if (end < windows.toMs) {
      const bucket = Math.floor(end / windows.intervalMs) * windows.intervalMs;
      const counts = buckets.get(bucket) ?? {};
      add(counts, phase);
      buckets.set(bucket, counts);
    }
  }
  tally.finishedOverTime = [...buckets.keys()].sort((a, b) => a - b).map((time) => ({ time, byPhase: buckets.get(time)! }));
  const ranked = Object.entries(messages).sort(([ma, a], [mb, b]) => b - a || ma.localeCompare(mb));
  tally.failures = ranked.slice(0, windows.limit).map(([message, count]) => ({ message, count }));
  tally.otherFailures = ranked.slice(windows.limit).reduce((sum, [, count]) => sum + count, 0);
  return tally;
}

import { isObject } from '../extract/argoFields';
import { markReplaced } from './concurrency';
import { CRON_MESSAGES as M } from './cronMessages';
import { readCronSchedules } from './cronSchedules';
import type {
  CronDriftCounts,
  CronDriftOptions,
  CronDriftReport,
  CronProblem,
  LastSuccess,
  ManualRun,
  RunSummary,
  ScheduledRun,
  TickReport,
  TimeRange,
} from './cronTypes';
import { matchRuns } from './matchRuns';
import { DEFAULT_MAX_TICKS, scheduleTicks, scheduleTickTest } from './scheduleTicks';
import { oldestKnownTick, tickStatuses } from './tickStatus';

export type {
  CronDriftOptions,
  CronDriftReport,
  CronProblem,
  ManualRun,
  RunSummary,
  ScheduledRun,
  TickReport,
  TickStatus,
  TimeRange,
} from './cronTypes';

/** The controller polls and the run list may lag: a tick is not missed, nor a run late, within this. */
export const DEFAULT_GRACE_MS = 60_000;
/** Argo's CRON_SYNC_PERIOD default: how long a finished run may stay in status.active. */
export const DEFAULT_ACTIVE_LAG_MS = 10_000;

/**
 * Cron drift of one CronWorkflow over [range.fromMs, range.toMs), judged at `nowMs`. Pure: no clock, no network.
 *
 * - `cron`: the CronWorkflow object as the Argo API returns it (any version; anything else gives problems).
 * - `runs`: summaries of its Workflows, live and archived (others are ignored by label and namespace).
 * - Ticks: every instant in the range at which Argo's cron engine fires one of the schedules, in the cron's
 *   time zone with robfig/cron's DST rules (see scheduleTicks), each with what happened (see tickStatuses).
 * - Runs: scheduled runs whose tick is in the range, with start delay (start − tick), pending time
 *   (start − creation), duration, phase and timing; manual runs created in the range.
 * - Counts, and the time since the last succeeded run (any run given, in the range or not).
 * - More than maxTicks ticks in the range (per cron, whatever other crons hold): only the latest maxTicks
 *   are evaluated, with the runs of that window (`capped`, `evaluated`), and a warning says so.
 * - `options.argoVersion`: the cron is read with that Argo version's rules (see readCronSchedules).
 * Never throws for bad input: the report carries problems (what is wrong, in which field, what to do).
 */
export function cronDrift(
  cron: unknown,
  runs: readonly RunSummary[],
  range: TimeRange,
  nowMs: number,
  options: CronDriftOptions = {}
): CronDriftReport {
  const {
    problems: readProblems,
    notes,
    ...info
  } = readCronSchedules(cron, {
    controllerTimeZone: options.controllerTimeZone,
    argoVersion: options.argoVersion,
  });
  const problems: CronProblem[] = [...readProblems];
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const rangeOk = Number.isFinite(range.fromMs) && Number.isFinite(range.toMs) && range.fromMs < range.toMs;
  if (!rangeOk) {
    problems.push({ level: 'error', field: 'range', message: M.badRange });
  }
  const now = Number.isFinite(nowMs) ? nowMs : rangeOk ? range.toMs : 0;
  if (!Number.isFinite(nowMs)) {
    problems.push({ level: 'error', field: 'nowMs', message: M.badNow });
  }
  const maxTicks = options.maxTicks ?? DEFAULT_MAX_TICKS;
  const expected = rangeOk ? scheduleTicks(info.schedules, range, maxTicks) : { ticksMs: [], truncated: false };
  // Capped: the report covers the window of the latest maxTicks ticks, runs included, so its counts agree.
  const evaluated = expected.truncated ? { fromMs: expected.ticksMs[0], toMs: range.toMs } : range;
  if (expected.truncated) {
    problems.push({ level: 'warning', field: 'range', message: M.capped(maxTicks) });
  }
  const inRange = (ms: number | undefined) => ms !== undefined && ms >= evaluated.fromMs && ms < evaluated.toMs;
  const tickSet = new Set(expected.ticksMs);
  const onSchedule = scheduleTickTest(info.schedules);
  const isTick = (ms: number) => (inRange(ms) ? tickSet.has(ms) : onSchedule(ms));

  const usable = Array.isArray(runs) ? runs.filter((run) => isObject(run) && typeof run.name === 'string') : [];
  const matched = matchRuns(info, usable, { nowMs: now, graceMs, isTick });
  if (info.concurrencyPolicy === 'Replace') {
    markReplaced(matched.scheduled, [...matched.scheduled, ...matched.manual]);
  }
  const ticks = tickStatuses(info, expected.ticksMs, matched.scheduled, matched.manual, {
    nowMs: now,
    graceMs,
    activeLagMs: options.activeLagMs ?? DEFAULT_ACTIVE_LAG_MS,
    prunedHistory: options.prunedHistory ?? false,
  });
  const runsInRange = matched.scheduled.filter((run) => inRange(run.scheduledMs));
  const manualInRange = matched.manual.filter((run) => inRange(run.createdMs ?? run.startedMs));
  const all = [...matched.scheduled, ...matched.manual];
  const oldestKnownMs = oldestKnownTick(info.lastScheduledMs, matched.scheduled, matched.manual);
  if (!options.prunedHistory && mayBePruned(ticks, all.length, oldestKnownMs, info)) {
    problems.push({
      level: 'warning',
      field: 'spec.successfulJobsHistoryLimit',
      message: M.maybePruned(info.successfulJobsHistoryLimit, info.failedJobsHistoryLimit),
    });
  }
  return {
    cron: info,
    range,
    nowMs: now,
    ticks,
    runs: runsInRange,
    manualRuns: manualInRange,
    lastSuccess: lastSuccess(all, now),
    counts: countDrift(ticks, runsInRange, manualInRange, matched.ignored),
    evaluated,
    capped: expected.truncated,
    problems,
    notes,
  };
}

function countDrift(
  ticks: TickReport[],
  runs: ScheduledRun[],
  manual: ManualRun[],
  ignoredRuns: number
): CronDriftCounts {
  const status = (s: TickReport['status']) => ticks.filter((t) => t.status === s).length;
  return {
    ticks: ticks.length,
    ran: status('ran'),
    missed: status('missed'),
    pending: status('pending'),
    upcoming: status('upcoming'),
    skippedForbid: status('skipped-forbid'),
    suspended: status('suspended') + status('stopped'),
    runs: runs.length,
    manualRuns: manual.length,
    late: runs.filter((r) => r.timing === 'late' || r.timing === 'late-beyond-deadline').length,
    lateBeyondDeadline: runs.filter((r) => r.timing === 'late-beyond-deadline').length,
    replaced: [...runs, ...manual].filter((r) => r.replacedBy !== undefined).length,
    ignoredRuns,
  };
}

function lastSuccess(runs: ReadonlyArray<ScheduledRun | ManualRun>, nowMs: number): LastSuccess | undefined {
  let best: LastSuccess | undefined;
  for (const run of runs) {
    const finishedMs = run.finishedMs;
    if (run.phase !== 'Succeeded' || finishedMs === undefined || finishedMs > nowMs) {
      continue;
    }
    if (!best || finishedMs > best.finishedMs) {
      best = { name: run.name, finishedMs, sinceMs: nowMs - finishedMs };
    }
  }
  return best;
}

/** Missed ticks older than every run we have, with some runs but no more than the history limits keep. */
function mayBePruned(
  ticks: TickReport[],
  runCount: number,
  oldestKnownMs: number,
  limits: { successfulJobsHistoryLimit: number; failedJobsHistoryLimit: number }
): boolean {
  if (runCount === 0 || runCount > limits.successfulJobsHistoryLimit + limits.failedJobsHistoryLimit) {
    return false;
  }
  return ticks.some((t) => t.status === 'missed' && t.scheduledMs < oldestKnownMs);
}

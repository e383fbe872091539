import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import { isoTime, rfc3339Ms } from './cronJson';
import { RUN_MESSAGES as M } from './cronMessages';
import type { CronInfo, ManualRun, RunSummary, RunTimes, RunTiming, ScheduledRun } from './cronTypes';

/** Unix seconds with 9 to 11 digits (1973–5138): never a 5-character generateName suffix such as "24567". */
const UNIX_SECONDS = /^[1-9]\d{8,10}$/;
/** The engine creates a run at or after its tick; allow for clock skew between controller and API server. */
const CLOCK_SKEW_MS = 60_000;
const FINISHED_PHASES = new Set(['Succeeded', 'Failed', 'Error']);

export interface RunContext {
  nowMs: number;
  graceMs: number;
  /** Whether an instant is a tick of the cron's current schedules. */
  isTick: (ms: number) => boolean;
}

export interface MatchedRuns {
  scheduled: ScheduledRun[];
  manual: ManualRun[];
  /** Runs of other crons or namespaces. */
  ignored: number;
}

/**
 * Sorts the runs of one cron into scheduled runs (with their tick) and manual ones.
 * A run belongs to the cron by the `workflows.argoproj.io/cron-workflow` label. The cron engine names a run
 * `<cron>-<unix seconds of the tick>` and writes the tick in the scheduled-time annotation; a run submitted by
 * hand (`argo submit --from cronwf/…`) gets a generated name and a scheduled-time of *now*, which is not a tick.
 * So: a `<cron>-<unix>` name makes a scheduled run (tick from the annotation, checked against the name);
 * without it, the annotation makes a scheduled run only when it is a tick of the schedules; the rest is manual.
 */
export function matchRuns(cron: CronInfo, runs: readonly RunSummary[], ctx: RunContext): MatchedRuns {
  const matched: MatchedRuns = { scheduled: [], manual: [], ignored: 0 };
  const secondsInName = childNameReader(cron.name);
  for (const run of uniqueRuns(runs)) {
    const nameSeconds = secondsInName(run.name);
    const notes: string[] = [];
    if (!belongsTo(run, cron, nameSeconds !== undefined, notes)) {
      matched.ignored++;
      continue;
    }
    const times = runTimes(run, ctx.nowMs);
    const annotation = run.annotations?.[ANNOTATIONS.scheduledTime];
    const annotationMs = rfc3339Ms(annotation);
    let tickMs: number | undefined;
    let tickFrom: ScheduledRun['scheduledFrom'] = 'annotation';
    let reason: string = M.noMarks;
    if (nameSeconds !== undefined) {
      const nameMs = nameSeconds * 1000;
      if (annotation !== undefined && annotationMs === undefined) {
        notes.push(M.badAnnotation(annotation));
      }
      // Both come from the same tick; they differ only when spec.workflowMetadata.annotations overrides the
      // annotation (Argo copies those over it), so the name wins then.
      if (annotationMs !== undefined && annotationMs !== nameMs) {
        notes.push(M.disagree(String(annotation), isoTime(nameMs)));
      }
      tickMs = nameMs;
      tickFrom = annotationMs === nameMs ? 'annotation' : 'name';
    } else if (annotationMs !== undefined) {
      if (ctx.isTick(annotationMs)) {
        notes.push(M.annotationOnly);
        tickMs = annotationMs;
      } else {
        reason = M.offTick(String(annotation));
      }
    }
    if (tickMs !== undefined && times.createdMs !== undefined && times.createdMs < tickMs - CLOCK_SKEW_MS) {
      reason = M.createdBeforeTick(isoTime(tickMs));
      tickMs = undefined;
    }
    if (tickMs === undefined) {
      matched.manual.push(manualRun(times, reason));
      continue;
    }
    const onExpectedTick = ctx.isTick(tickMs);
    if (!onExpectedTick) {
      notes.push(M.offSchedule);
    }
    const startDelayMs = times.startedMs !== undefined ? times.startedMs - tickMs : undefined;
    const timing = runTiming(startDelayMs, ctx.graceMs, cron.startingDeadlineSeconds);
    matched.scheduled.push(scheduledRun(times, tickMs, tickFrom, onExpectedTick, startDelayMs, timing, notes));
  }
  matched.scheduled.sort((a, b) => a.scheduledMs - b.scheduledMs || a.name.localeCompare(b.name));
  matched.manual.sort((a, b) => (a.createdMs ?? a.startedMs ?? 0) - (b.createdMs ?? b.startedMs ?? 0));
  return matched;
}

/*
 * The runs' objects are written field by field, not spread from their times: spreading a dozen fields
 * cost more than the rest of the matching for hundreds of thousands of runs.
 */
function scheduledRun(
  t: RunTimes,
  scheduledMs: number,
  scheduledFrom: ScheduledRun['scheduledFrom'],
  onExpectedTick: boolean,
  startDelayMs: number | undefined,
  timing: RunTiming,
  notes: string[]
): ScheduledRun {
  return {
    ...t,
    scheduledMs,
    scheduledFrom,
    onExpectedTick,
    startDelayMs,
    timing,
    notes,
  };
}

function manualRun(t: RunTimes, reason: string): ManualRun {
  return {
    ...t,
    reason,
  };
}

/** The seconds in a `<cron>-<unix seconds>` name, or undefined. */
export function unixSecondsInName(name: string, cronName: string): number | undefined {
  return childNameReader(cronName)(name);
}

/** unixSecondsInName for one cron, its `<cron>-` prefix made once. */
function childNameReader(cronName: string): (name: string) => number | undefined {
  const prefix = `${cronName}-`;
  return (name) => {
    if (cronName === '' || !name.startsWith(prefix)) {
      return undefined;
    }
    const rest = name.slice(prefix.length);
    return UNIX_SECONDS.test(rest) ? Number(rest) : undefined;
  };
}

function belongsTo(run: RunSummary, cron: CronInfo, namedLikeChild: boolean, notes: string[]): boolean {
  if (run.namespace && cron.namespace && run.namespace !== cron.namespace) {
    return false;
  }
  if (run.labels) {
    return run.labels[LABELS.cronWorkflow] === cron.name && cron.name !== '';
  }
  if (namedLikeChild) {
    notes.push(M.noLabels);
  }
  return namedLikeChild;
}

/**
 * Live and archived copies of one run share a uid: keep the most finished copy, in the place of the first
 * copy. Runs without a uid are told apart by namespace and name (in a map of their own, so keys need no prefix).
 */
function uniqueRuns(runs: readonly RunSummary[]): RunSummary[] {
  const kept: RunSummary[] = [];
  const byUid = new Map<string, number>();
  const byName = new Map<string, number>();
  const rank = (run: RunSummary) => (run.finishedAt ? 2 : run.startedAt ? 1 : 0);
  for (const run of runs) {
    const places = run.uid ? byUid : byName;
    const key = run.uid ? run.uid : `${run.namespace ?? ''}/${run.name}`;
    const at = places.get(key);
    if (at === undefined) {
      places.set(key, kept.length);
      kept.push(run);
    } else if (rank(run) > rank(kept[at])) {
      kept[at] = run;
    }
  }
  return kept;
}

export function runTimes(run: RunSummary, nowMs: number): RunTimes {
  const createdMs = rfc3339Ms(run.creationTimestamp);
  const startedMs = rfc3339Ms(run.startedAt);
  const finishedMs = rfc3339Ms(run.finishedAt);
  const phase = run.phase ?? '';
  const running = finishedMs === undefined && !FINISHED_PHASES.has(phase);
  const end = finishedMs ?? (running ? nowMs : undefined);
  return {
    name: run.name,
    uid: run.uid,
    namespace: run.namespace,
    phase,
    createdMs,
    startedMs,
    finishedMs,
    pendingMs: startedMs !== undefined && createdMs !== undefined ? startedMs - createdMs : undefined,
    durationMs: startedMs !== undefined && end !== undefined ? end - startedMs : undefined,
    running,
  };
}

/**
 * Within the grace period a run is on time. Beyond it, it is late, or late beyond the deadline when
 * spec.startingDeadlineSeconds is set and passed. The grace covers the controller's own delay, so that
 * a deadline of 0 (catch-up disabled) does not make every run "late beyond deadline".
 */
export function runTiming(startDelayMs: number | undefined, graceMs: number, deadlineSeconds?: number): RunTiming {
  if (startDelayMs === undefined) {
    return 'not-started';
  }
  if (startDelayMs <= graceMs) {
    return 'on-time';
  }
  return deadlineSeconds !== undefined && startDelayMs > deadlineSeconds * 1000 ? 'late-beyond-deadline' : 'late';
}

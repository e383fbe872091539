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
  for (const run of uniqueRuns(runs)) {
    const nameSeconds = unixSecondsInName(run.name, cron.name);
    const notes: string[] = [];
    if (!belongsTo(run, cron, nameSeconds !== undefined, notes)) {
      matched.ignored++;
      continue;
    }
    const times = runTimes(run, ctx.nowMs);
    const annotation = run.annotations?.[ANNOTATIONS.scheduledTime];
    const annotationMs = rfc3339Ms(annotation);
    let tick: { ms: number; from: 'annotation' | 'name' } | undefined;
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
      tick = annotationMs === nameMs ? { ms: annotationMs, from: 'annotation' } : { ms: nameMs, from: 'name' };
    } else if (annotationMs !== undefined) {
      if (ctx.isTick(annotationMs)) {
        notes.push(M.annotationOnly);
        tick = { ms: annotationMs, from: 'annotation' };
      } else {
        reason = M.offTick(String(annotation));
      }
    }
    if (tick && times.createdMs !== undefined && times.createdMs < tick.ms - CLOCK_SKEW_MS) {
      reason = M.createdBeforeTick(isoTime(tick.ms));
      tick = undefined;
    }
    if (!tick) {
      matched.manual.push({ ...times, reason });
      continue;
    }
    const onExpectedTick = ctx.isTick(tick.ms);
    if (!onExpectedTick) {
      notes.push(M.offSchedule);
    }
    const startDelayMs = times.startedMs !== undefined ? times.startedMs - tick.ms : undefined;
    matched.scheduled.push({
      ...times,
      scheduledMs: tick.ms,
      scheduledFrom: tick.from,
      onExpectedTick,
      startDelayMs,
      timing: runTiming(startDelayMs, ctx.graceMs, cron.startingDeadlineSeconds),
      notes,
    });
  }
  matched.scheduled.sort((a, b) => a.scheduledMs - b.scheduledMs || a.name.localeCompare(b.name));
  matched.manual.sort((a, b) => (a.createdMs ?? a.startedMs ?? 0) - (b.createdMs ?? b.startedMs ?? 0));
  return matched;
}

/** The seconds in a `<cron>-<unix seconds>` name, or undefined. */
export function unixSecondsInName(name: string, cronName: string): number | undefined {
  if (cronName === '' || !name.startsWith(`${cronName}-`)) {
    return undefined;
  }
  const rest = name.slice(cronName.length + 1);
  return UNIX_SECONDS.test(rest) ? Number(rest) : undefined;
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

/** Live and archived copies of one run share a uid: keep the most finished copy. */
function uniqueRuns(runs: readonly RunSummary[]): RunSummary[] {
  const byKey = new Map<string, RunSummary>();
  const rank = (run: RunSummary) => (run.finishedAt ? 2 : run.startedAt ? 1 : 0);
  for (const run of runs) {
    const key = run.uid ? `uid:${run.uid}` : `name:${run.namespace ?? ''}/${run.name}`;
    const seen = byKey.get(key);
    if (!seen || rank(run) > rank(seen)) {
      byKey.set(key, run);
    }
  }
  return [...byKey.values()];
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

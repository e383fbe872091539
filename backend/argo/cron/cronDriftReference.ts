/**
 * A straightforward reference for the cron drift report, for the tests only: every tick and every run
 * worked out on its own by scanning everything (quadratic, fine for a few hundred runs), in the words of
 * the rules (matchRuns, tickStatuses, concurrency), with Date.parse for times and scheduleTicks over a
 * single instant for "is this a tick". cronDrift must give the very same report, only faster.
 */
import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import { RUN_MESSAGES as RM } from './cronMessages';
import { readCronSchedules } from './cronSchedules';
import type {
  CronDriftOptions,
  CronDriftReport,
  ManualRun,
  RunSummary,
  ScheduledRun,
  TickReport,
  TimeRange,
} from './cronTypes';
import { runTiming } from './matchRuns';
import { DEFAULT_MAX_TICKS, scheduleTicks } from './scheduleTicks';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
/** Whether the date part names a day its month has (Go's time.Parse refuses 31 June; Date.parse rolls it over). */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10)].map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const referenceMs = (value: unknown): number | undefined =>
  typeof value === 'string' && RFC3339.test(value) && isCalendarDay(value) && Number.isFinite(Date.parse(value))
    ? Date.parse(value)
    : undefined;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export type ReferenceReport = Pick<
  CronDriftReport,
  'ticks' | 'runs' | 'manualRuns' | 'counts' | 'lastSuccess' | 'evaluated' | 'capped'
>;

export function referenceDrift(
  cronObject: unknown,
  given: RunSummary[],
  range: TimeRange,
  nowMs: number,
  options: CronDriftOptions
): ReferenceReport {
  const cron = readCronSchedules(cronObject, { argoVersion: options.argoVersion });
  const graceMs = options.graceMs ?? 60_000;
  const lagMs = options.activeLagMs ?? 10_000;
  const expected = scheduleTicks(cron.schedules, range, options.maxTicks ?? DEFAULT_MAX_TICKS);
  const evaluated = expected.truncated ? { fromMs: expected.ticksMs[0], toMs: range.toMs } : range;
  const inRange = (ms: number | undefined) => ms !== undefined && ms >= evaluated.fromMs && ms < evaluated.toMs;
  const isTick = (ms: number) =>
    inRange(ms)
      ? expected.ticksMs.includes(ms)
      : scheduleTicks(cron.schedules, { fromMs: ms, toMs: ms + 1 }).ticksMs.length > 0;

  // One copy per uid (or namespace/name): the first of the most finished copies, where the first copy was.
  const rank = (run: RunSummary) => (run.finishedAt ? 2 : run.startedAt ? 1 : 0);
  const key = (run: RunSummary) => (run.uid ? `uid ${run.uid}` : `name ${run.namespace ?? ''}/${run.name}`);
  const firsts = given.filter((run, i) => given.findIndex((other) => key(other) === key(run)) === i);
  const unique = firsts.map((first) => {
    const copies = given.filter((run) => key(run) === key(first));
    return copies.find((run) => rank(run) === Math.max(...copies.map(rank)))!;
  });

  const scheduled: ScheduledRun[] = [];
  const manual: ManualRun[] = [];
  let ignored = 0;
  for (const run of unique) {
    const seconds = run.name.startsWith(`${cron.name}-`) ? run.name.slice(cron.name.length + 1) : '';
    const nameMs = cron.name !== '' && /^[1-9]\d{8,10}$/.test(seconds) ? Number(seconds) * 1000 : undefined;
    const notes: string[] = [];
    const otherNamespace = Boolean(run.namespace && cron.namespace && run.namespace !== cron.namespace);
    const labelled = run.labels
      ? run.labels[LABELS.cronWorkflow] === cron.name && cron.name !== ''
      : nameMs !== undefined;
    if (otherNamespace || !labelled) {
      ignored++;
      continue;
    }
    if (!run.labels) {
      notes.push(RM.noLabels);
    }
    const createdMs = referenceMs(run.creationTimestamp);
    const startedMs = referenceMs(run.startedAt);
    const finishedMs = referenceMs(run.finishedAt);
    const phase = run.phase ?? '';
    const running = finishedMs === undefined && !['Succeeded', 'Failed', 'Error'].includes(phase);
    const endMs = finishedMs ?? (running ? nowMs : undefined);
    const times = {
      name: run.name,
      uid: run.uid,
      namespace: run.namespace,
      phase,
      createdMs,
      startedMs,
      finishedMs,
      pendingMs: startedMs !== undefined && createdMs !== undefined ? startedMs - createdMs : undefined,
      durationMs: startedMs !== undefined && endMs !== undefined ? endMs - startedMs : undefined,
      running,
    };
    const annotation = run.annotations?.[ANNOTATIONS.scheduledTime];
    const annotationMs = referenceMs(annotation);
    let tickMs: number | undefined;
    let reason: string = RM.noMarks;
    if (nameMs !== undefined) {
      if (annotation !== undefined && annotationMs === undefined) {
        notes.push(RM.badAnnotation(annotation));
      }
      if (annotationMs !== undefined && annotationMs !== nameMs) {
        notes.push(RM.disagree(annotation!, iso(nameMs)));
      }
      tickMs = nameMs;
    } else if (annotationMs !== undefined && isTick(annotationMs)) {
      notes.push(RM.annotationOnly);
      tickMs = annotationMs;
    } else if (annotationMs !== undefined) {
      reason = RM.offTick(annotation!);
    }
    if (tickMs !== undefined && createdMs !== undefined && createdMs < tickMs - 60_000) {
      reason = RM.createdBeforeTick(iso(tickMs));
      tickMs = undefined;
    }
    if (tickMs === undefined) {
      manual.push({ ...times, reason });
      continue;
    }
    const onExpectedTick = isTick(tickMs);
    if (!onExpectedTick) {
      notes.push(RM.offSchedule);
    }
    const startDelayMs = startedMs !== undefined ? startedMs - tickMs : undefined;
    scheduled.push({
      ...times,
      scheduledMs: tickMs,
      scheduledFrom: annotationMs === tickMs ? 'annotation' : 'name',
      onExpectedTick,
      startDelayMs,
      timing: runTiming(startDelayMs, graceMs, cron.startingDeadlineSeconds),
      notes,
    });
  }
  scheduled.sort((a, b) => a.scheduledMs - b.scheduledMs || a.name.localeCompare(b.name));
  manual.sort((a, b) => (a.createdMs ?? a.startedMs ?? 0) - (b.createdMs ?? b.startedMs ?? 0));
  const all = [...scheduled, ...manual];

  if (cron.concurrencyPolicy === 'Replace') {
    for (const run of all) {
      const fromMs = run.createdMs ?? run.startedMs;
      const endMs = run.finishedMs ?? (run.running ? Infinity : fromMs);
      const by =
        fromMs === undefined
          ? undefined
          : scheduled.find((s) => s.name !== run.name && s.scheduledMs > fromMs && s.scheduledMs <= endMs!);
      if (by) {
        run.replacedBy = by.name;
      }
    }
  }

  // Forbid: runs in order of when they became active (scheduled first on a tie), the first active at the tick.
  const active = all
    .filter((run) => (run.createdMs ?? run.startedMs) !== undefined)
    .sort((a, b) => (a.createdMs ?? a.startedMs)! - (b.createdMs ?? b.startedMs)!);
  const blockerAt = (tickMs: number) =>
    active.find((run) => {
      const fromMs = (run.createdMs ?? run.startedMs)!;
      const untilMs = run.finishedMs !== undefined ? run.finishedMs + lagMs : run.running ? Infinity : fromMs;
      return fromMs < tickMs && tickMs < untilMs && (run as Partial<ScheduledRun>).scheduledMs !== tickMs;
    })?.name;
  const oldestKnownMs = Math.min(
    cron.lastScheduledMs ?? Infinity,
    ...scheduled.map((s) => s.scheduledMs),
    ...manual.map((m) => m.createdMs ?? Infinity)
  );
  const waitMs = Math.max(graceMs, (cron.startingDeadlineSeconds ?? 0) * 1000);
  const ticks = expected.ticksMs.map((tickMs): TickReport => {
    const runs = scheduled.filter((s) => s.scheduledMs === tickMs).map((s) => s.name);
    const afterLast = cron.lastScheduledMs === undefined || tickMs > cron.lastScheduledMs;
    const blockedBy = cron.concurrencyPolicy === 'Forbid' ? blockerAt(tickMs) : undefined;
    const status: TickReport['status'] =
      runs.length > 0
        ? 'ran'
        : tickMs >= nowMs
          ? 'upcoming'
          : cron.createdMs !== undefined && tickMs <= cron.createdMs
            ? 'before-creation'
            : tickMs === cron.lastScheduledMs
              ? 'submitted-not-listed'
              : cron.suspended && afterLast
                ? 'suspended'
                : cron.stopped && afterLast
                  ? 'stopped'
                  : blockedBy !== undefined
                    ? 'skipped-forbid'
                    : nowMs < tickMs + waitMs
                      ? 'pending'
                      : options.prunedHistory && tickMs < oldestKnownMs
                        ? 'unknown-pruned'
                        : 'missed';
    return status === 'skipped-forbid'
      ? { scheduledMs: tickMs, status, runs, blockedBy }
      : { scheduledMs: tickMs, status, runs };
  });

  const runsIn = scheduled.filter((run) => inRange(run.scheduledMs));
  const manualIn = manual.filter((run) => inRange(run.createdMs ?? run.startedMs));
  const count = (status: TickReport['status']) => ticks.filter((t) => t.status === status).length;
  const successes = all
    .filter((run) => run.phase === 'Succeeded' && run.finishedMs !== undefined && run.finishedMs <= nowMs)
    .map((run) => ({ name: run.name, finishedMs: run.finishedMs!, sinceMs: nowMs - run.finishedMs! }));
  const latest = Math.max(...successes.map((s) => s.finishedMs));
  return {
    ticks,
    runs: runsIn,
    manualRuns: manualIn,
    lastSuccess: successes.find((s) => s.finishedMs === latest),
    counts: {
      ticks: ticks.length,
      ran: count('ran'),
      missed: count('missed'),
      pending: count('pending'),
      upcoming: count('upcoming'),
      skippedForbid: count('skipped-forbid'),
      suspended: count('suspended') + count('stopped'),
      runs: runsIn.length,
      manualRuns: manualIn.length,
      late: runsIn.filter((r) => r.timing !== 'on-time' && r.timing !== 'not-started').length,
      lateBeyondDeadline: runsIn.filter((r) => r.timing === 'late-beyond-deadline').length,
      replaced: [...runsIn, ...manualIn].filter((r) => r.replacedBy !== undefined).length,
      ignoredRuns: ignored,
    },
    evaluated,
    capped: expected.truncated,
  };
}

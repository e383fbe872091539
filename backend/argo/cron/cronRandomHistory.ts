/**
 * Seeded random cron histories for the equivalence test of the drift report: a CronWorkflow with one or two
 * schedules (UTC or New York, across DST days), a concurrency policy, sometimes suspended, a deadline or a
 * lastScheduledTime; and runs around a range, with every kind the report tells apart: runs on their tick,
 * missed ticks, duplicate runs of one tick, live and archived copies, runs by hand, annotation-only runs,
 * off-schedule and created-too-early runs, runs of other crons and namespaces, unlabelled ones, long runs
 * (Forbid, Replace), runs still going, and times written every way RFC 3339 allows.
 */
import { seededRandom } from '../../test/history';
import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import type { CronDriftOptions, RunSummary, TimeRange } from './cronTypes';
import { scheduleTicks } from './scheduleTicks';

export interface RandomCase {
  cron: Record<string, unknown>;
  runs: RunSummary[];
  range: TimeRange;
  nowMs: number;
  options: CronDriftOptions;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Days with a DST change in New York, a leap day, a month's end (days past 28 take the long way in rfc3339Ms). */
const DAYS = ['2024-03-10', '2024-11-03', '2024-02-29', '2024-01-31', '2024-06-15', '2024-12-31'];
const SCHEDULES = [
  ['*/5 * * * *'],
  ['*/7 * * * *'],
  ['0,15,30,45 * * * *'],
  ['*/10 * * * *', '*/15 * * * *'],
  ['30 1,2,3 * * *', '*/20 * * * *'],
];

export function randomCase(seed: number): RandomCase {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low));

  const fromMs = Date.parse(`${pick(DAYS)}T00:00:00Z`) + between(0, 10) * HOUR;
  const range = { fromMs, toMs: fromMs + between(2, 10) * HOUR };
  const nowMs = chance(0.5) ? range.toMs + between(0, 3) * HOUR : between(range.fromMs, range.toMs);
  const timezone = chance(0.5) ? 'America/New_York' : 'UTC';
  const spec: Record<string, unknown> = {
    schedules: pick(SCHEDULES),
    timezone,
    concurrencyPolicy: pick(['Allow', 'Forbid', 'Replace']),
    workflowSpec: { entrypoint: 'main' },
    ...(chance(0.1) ? { suspend: true } : {}),
    ...(chance(0.2) ? { startingDeadlineSeconds: pick([0, 30, 300]) } : {}),
  };
  const schedules = (spec.schedules as string[]).map((cron) => ({
    field: 's',
    text: cron,
    cron,
    timeZone: timezone,
    timeZoneFrom: 'spec.timezone' as const,
  }));
  // Runs from 3 hours before the range (still active in it, or before the cap) to an hour after it.
  const ticks = scheduleTicks(schedules, { fromMs: range.fromMs - 3 * HOUR, toMs: range.toMs + HOUR }, 100_000).ticksMs;
  const lastScheduled = chance(0.2) ? pick(ticks) : undefined;
  const cron = {
    kind: 'CronWorkflow',
    metadata: {
      name: 'report',
      namespace: 'argo',
      uid: 'c1',
      creationTimestamp: kube(range.fromMs - between(-2, 6) * HOUR),
    },
    spec,
    status: lastScheduled === undefined ? {} : { lastScheduledTime: kube(lastScheduled) },
  };

  const runs: RunSummary[] = [];
  let serial = 0;
  const time = (ms: number) => written(ms, random);
  const run = (name: string, tickMs: number, extra: Partial<RunSummary> = {}): RunSummary => {
    const createdMs = tickMs + between(0, 3) * 1000;
    const startedMs = createdMs + (chance(0.1) ? between(60, 600) : between(1, 10)) * 1000;
    const finishedMs = startedMs + (chance(0.25) ? between(5, 40) * MINUTE : between(20, 120) * 1000);
    const state = pick(['done', 'done', 'done', 'failed', 'running', 'pending', 'finishedNoTime']);
    return {
      name,
      uid: `u${++serial}`,
      namespace: 'argo',
      labels: { [LABELS.cronWorkflow]: 'report' },
      annotations: { [ANNOTATIONS.scheduledTime]: time(tickMs) },
      creationTimestamp: time(createdMs),
      startedAt: state === 'pending' ? null : time(startedMs),
      finishedAt: ['done', 'failed'].includes(state) ? time(finishedMs) : null,
      phase: { done: 'Succeeded', failed: 'Failed', running: 'Running', pending: 'Pending', finishedNoTime: 'Error' }[
        state
      ],
      ...extra,
    };
  };
  const stepMs = ticks.length > 1 ? ticks[1] - ticks[0] : HOUR;
  for (const tickMs of ticks) {
    const child = `report-${tickMs / 1000}`;
    const kind = random();
    if (kind < 0.15) {
      continue; // missed
    }
    const made = run(child, tickMs);
    runs.push(made);
    if (chance(0.08)) {
      runs.push({ ...made, finishedAt: null, phase: 'Running' }); // the live copy of an archived run (same uid)
    }
    if (chance(0.05)) {
      runs.push(run(`report-${suffix(random)}`, tickMs)); // a second run of the tick, annotation only
    }
    if (chance(0.03)) {
      runs.push(run(child, tickMs)); // the same name again (deleted and re-created): another uid
    }
    if (chance(0.04)) {
      runs.push(
        run(child, tickMs, {
          annotations: chance(0.5)
            ? undefined
            : { [ANNOTATIONS.scheduledTime]: pick(['yesterday', time(tickMs + MINUTE)]) },
        })
      );
    }
    if (chance(0.03)) {
      runs.push(run(`report-${tickMs / 1000 + 60}`, tickMs + MINUTE)); // off schedule
    }
    if (chance(0.03)) {
      runs.push(run(child, tickMs, { uid: undefined, creationTimestamp: time(tickMs - 2 * HOUR) })); // created before its tick
    }
    if (chance(0.04)) {
      runs.push(run(child, tickMs, { labels: undefined })); // a v3.4 archive row
    }
    if (chance(0.04)) {
      runs.push(
        run(child, tickMs, chance(0.5) ? { namespace: 'other' } : { labels: { [LABELS.cronWorkflow]: 'other' } })
      );
    }
    // On the boundaries: created exactly at a tick; active exactly until the next tick (Forbid's 10 s lag, Replace).
    if (chance(0.05)) {
      runs.push(run(`report-${suffix(random)}`, tickMs, { annotations: undefined, creationTimestamp: time(tickMs) }));
    }
    if (chance(0.05)) {
      const endMs = tickMs + stepMs - (chance(0.5) ? 10_000 : 0);
      runs.push(
        run(`report-${suffix(random)}`, tickMs, { annotations: undefined, finishedAt: time(endMs), phase: 'Succeeded' })
      );
    }
    if (chance(0.06)) {
      const byHandMs = tickMs + between(1, 200) * 1000;
      const annotations = chance(0.5) ? { [ANNOTATIONS.scheduledTime]: time(byHandMs) } : undefined;
      runs.push(run(`report-${suffix(random)}`, byHandMs, { annotations }));
    }
  }
  if (chance(0.3)) {
    // Pruned by the history limits: only the newer runs are listed.
    const keptFromMs = range.fromMs + between(0, 3) * HOUR;
    runs.splice(
      0,
      runs.length,
      ...runs.filter((r) => Date.parse(String(r.annotations?.[ANNOTATIONS.scheduledTime])) >= keptFromMs)
    );
  }
  // Listed in no particular order, as several namespaces and the archive interleave.
  for (let i = runs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [runs[i], runs[j]] = [runs[j], runs[i]];
  }
  const options: CronDriftOptions = {
    graceMs: pick([0, 60_000, 300_000]),
    prunedHistory: chance(0.3),
    ...(chance(0.25) ? { maxTicks: between(5, 40) } : {}),
  };
  return { cron, runs, range, nowMs, options };
}

const kube = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** An instant written as Kubernetes does, or with milliseconds, an offset, or lower-case letters. */
function written(ms: number, random: () => number): string {
  const form = random();
  if (form < 0.7) {
    return kube(ms);
  }
  if (form < 0.8) {
    return new Date(ms).toISOString();
  }
  if (form < 0.9) {
    const shifted = new Date(ms + 2 * HOUR).toISOString().slice(0, 19);
    return `${shifted}+02:00`;
  }
  return kube(ms).replace('T', 't').replace('Z', 'z');
}

function suffix(random: () => number): string {
  return Array.from({ length: 5 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(random() * 20)]).join('');
}

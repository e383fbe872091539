import { scheduleTicks } from '../argo/cron/scheduleTicks';
import { DEMO_CRONS, type DemoCron } from './catalog';
import { PIPELINES, type Pipeline } from './pipelines';
import { DemoRandom } from './random';
import type { RunPlan } from './runPlan';
import { simulateRun } from './runSimulation';

const DAY = 86_400_000;

export interface HistoryWindow {
  seed: number;
  /** Runs whose tick or arrival is in [fromMs, endMs) are made. */
  fromMs: number;
  endMs: number;
  /**
   * Where the catalog's stories are told from: the end of the first load. Each run's fate depends on its
   * tick or slot and this anchor, never on endMs, so a later end only adds runs and finishes running ones.
   */
  anchorMs: number;
  /** The history's length (the model-train p95 is over the days before the anchor). */
  days: number;
}

/** The instants Argo's cron engine fires the cron at in [fromMs, toMs) (robfig's DST rules: scheduleTicks). */
export function cronTicks(cron: DemoCron, fromMs: number, toMs: number): number[] {
  return scheduleTicks([{ field: 'spec.schedules[0]', text: cron.schedule, timeZone: cron.timezone, timeZoneFrom: 'spec.timezone', cron: cron.schedule }], {
    fromMs,
    toMs,
  }).ticksMs;
}

/** What the catalog wants of one tick: its start delay (ms), or that it was missed, and the run's fate. */
interface TickFate {
  delayMs?: number;
  fail: boolean;
  slower?: Record<string, number>;
}

/**
 * daily-report's missed ticks: counted from the latest tick before the anchor (0), every third one from
 * three before it on (-3, 0, 3, 6, ...): the latest tick of the first load and one tick in three after it.
 */
function missedDailyTicks(cron: DemoCron, window: HistoryWindow): Set<number> {
  const before = cronTicks(cron, window.anchorMs - 8 * DAY, window.anchorMs);
  const after = cronTicks(cron, window.anchorMs, Math.max(window.anchorMs, window.endMs));
  const missed = [before[before.length - 4], before[before.length - 1]];
  for (let i = 2; i < after.length; i += 3) {
    missed.push(after[i]);
  }
  return new Set(missed);
}

function fateOf(cron: DemoCron, pipeline: Pipeline, tickMs: number, window: HistoryWindow, missed: Set<number>, random: DemoRandom): TickFate {
  // Age at the anchor: ticks after it (negative ages) continue the story the last week tells.
  const ageMs = window.anchorMs - tickMs;
  const fail = random.chance(pipeline.failureRate);
  switch (cron.health) {
    case 'late': {
      if (ageMs >= 7 * DAY) {
        return { delayMs: random.int(2, 40) * 1000, fail };
      }
      // From a week before the anchor on: 12-25 minutes late, and one tick in three missed.
      const delayMs = random.int(12 * 60, 25 * 60) * 1000;
      return { delayMs: missed.has(tickMs) ? undefined : delayMs, fail };
    }
    case 'failing':
      return { delayMs: random.int(1, 5) * 1000, fail: ageMs < 22 * DAY || fail };
    case 'slower':
      return { delayMs: random.int(1, 6) * 1000, fail, slower: ageMs < 7 * DAY ? { train: 2.2 } : undefined };
    default:
      return { delayMs: random.int(1, 4) * 1000, fail };
  }
}

const CRON_PIPELINES: Array<[DemoCron, Pipeline]> = [
  [DEMO_CRONS.nightlyTraining, PIPELINES.nightlyTraining],
  [DEMO_CRONS.hourlyIngest, PIPELINES.hourlyIngest],
  [DEMO_CRONS.dailyReport, PIPELINES.dailyReport],
  [DEMO_CRONS.weeklyEval, PIPELINES.weeklyEval],
];

/** Every run the demo's CronWorkflows started in the window: `<cron>-<unix seconds of the tick>`. */
export function cronRunPlans(window: HistoryWindow): RunPlan[] {
  const plans: RunPlan[] = [];
  for (const [cron, pipeline] of CRON_PIPELINES) {
    const missed = cron.health === 'late' ? missedDailyTicks(cron, window) : new Set<number>();
    for (const tickMs of cronTicks(cron, window.fromMs, window.endMs)) {
      const random = new DemoRandom(window.seed, `${cron.name}/${tickMs}`);
      const fate = fateOf(cron, pipeline, tickMs, window, missed, random);
      // A missed tick has no run; one not started by the end has none yet (cronDrift: pending).
      if (fate.delayMs === undefined || tickMs + fate.delayMs >= window.endMs) {
        continue;
      }
      const name = `${cron.name}-${Math.floor(tickMs / 1000)}`;
      const uid = random.uid();
      plans.push(
        simulateRun({
          pipeline,
          name,
          uid,
          startMs: tickMs + fate.delayMs,
          nowMs: window.endMs,
          random,
          cron: { name: cron.name, scheduledMs: tickMs },
          fail: fate.fail ? random.pick(pipeline.failures) : undefined,
          slower: fate.slower,
        })
      );
    }
  }
  return plans;
}

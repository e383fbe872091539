import { scheduleTicks } from '../argo/cron/scheduleTicks';
import { DEMO_CRONS, type DemoCron } from './catalog';
import { PIPELINES, type Pipeline } from './pipelines';
import { DemoRandom } from './random';
import type { RunPlan } from './runPlan';
import { simulateRun } from './runSimulation';

const DAY = 86_400_000;

export interface HistoryWindow {
  seed: number;
  fromMs: number;
  endMs: number;
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

function fateOf(cron: DemoCron, pipeline: Pipeline, tickMs: number, index: number, ticks: number[], window: HistoryWindow, random: DemoRandom): TickFate {
  const ageMs = window.endMs - tickMs;
  const fail = random.chance(pipeline.failureRate);
  switch (cron.health) {
    case 'late': {
      if (ageMs >= 7 * DAY) {
        return { delayMs: random.int(2, 40) * 1000, fail };
      }
      // The last week: 12-25 minutes late, the latest tick and one three ticks before it missed.
      const missed = index === ticks.length - 1 || index === ticks.length - 4;
      return { delayMs: missed ? undefined : random.int(12 * 60, 25 * 60) * 1000, fail };
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
    const ticks = cronTicks(cron, window.fromMs, window.endMs);
    ticks.forEach((tickMs, index) => {
      const random = new DemoRandom(window.seed, `${cron.name}/${tickMs}`);
      const fate = fateOf(cron, pipeline, tickMs, index, ticks, window, random);
      if (fate.delayMs === undefined) {
        return;
      }
      // A tick just before the end starts no later than the end.
      const startMs = Math.min(tickMs + fate.delayMs, window.endMs);
      const name = `${cron.name}-${Math.floor(tickMs / 1000)}`;
      const uid = random.uid();
      plans.push(
        simulateRun({
          pipeline,
          name,
          uid,
          startMs,
          nowMs: window.endMs,
          random,
          cron: { name: cron.name, scheduledMs: tickMs },
          fail: fate.fail ? random.pick(pipeline.failures) : undefined,
          slower: fate.slower,
        })
      );
    });
  }
  return plans;
}


import { DEMO_TASKS, LARGE_RUN_PODS } from './catalog';
import { PIPELINES, type Pipeline } from './pipelines';
import { DemoRandom, nameSuffix } from './random';
import type { HistoryWindow } from './cronRuns';
import type { RunPlan } from './runPlan';
import { simulateRun, type RunRequest } from './runSimulation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Arrival {
  pipeline: Pipeline;
  startMs: number;
  key: string;
  /** The submission's number: its name suffix (nameSuffix). */
  n: number;
  /** Its index among the day's submissions of its pipeline. */
  k: number;
}

/** Runs a day on weekdays (weekends: 40 %), mostly in working hours (UTC). */
const PER_DAY: Array<[Pipeline, number]> = [
  [PIPELINES.imagePreprocess, 10],
  [PIPELINES.modelTrain, 6],
  [PIPELINES.featureEtl, 30],
];

/** Submission numbers: 128 a day (far above any day's count), then the hung runs from the top down. */
const PER_DAY_SLOTS = 128;
const HUNG_NUMBER = 14_348_906; // 27^5 - 1

function arrivals(window: HistoryWindow, pipeline: Pipeline, perDay: number): Arrival[] {
  const list: Arrival[] = [];
  for (let day = Math.floor(window.fromMs / DAY); day * DAY < window.endMs; day++) {
    const random = new DemoRandom(window.seed, `${pipeline.name}/day/${day}`);
    const weekend = [0, 6].includes(new Date(day * DAY).getUTCDay());
    const count = Math.min(PER_DAY_SLOTS, Math.round(random.around(perDay * (weekend ? 0.4 : 1), 0.25)));
    for (let k = 0; k < count; k++) {
      const hour = random.chance(0.8) ? random.int(7, 18) : random.int(0, 23);
      const startMs = day * DAY + hour * HOUR + random.int(0, 3599) * 1000;
      if (startMs >= window.fromMs && startMs < window.endMs) {
        list.push({ pipeline, startMs, key: `${pipeline.name}/${day}/${k}`, n: day * PER_DAY_SLOTS + k, k });
      }
    }
  }
  return list.sort((a, b) => a.startMs - b.startMs);
}

function request(arrival: Arrival, window: HistoryWindow, extra: Partial<RunRequest> = {}): RunRequest {
  const random = new DemoRandom(window.seed, arrival.key);
  const uid = random.uid();
  return {
    pipeline: arrival.pipeline,
    name: `${arrival.pipeline.name}-${nameSuffix(window.seed, arrival.n)}`,
    uid,
    startMs: arrival.startMs,
    nowMs: window.endMs,
    random,
    template: arrival.pipeline.name,
    fail: random.chance(arrival.pipeline.failureRate) ? random.pick(arrival.pipeline.failures) : undefined,
    ...extra,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** model-train's ad hoc submissions leave out the 4 hours before the anchor: the hung runs are there. */
const quietBeforeAnchor = (arrival: Arrival, window: HistoryWindow) =>
  arrival.pipeline === PIPELINES.modelTrain && arrival.startMs > window.anchorMs - 4 * HOUR && arrival.startMs < window.anchorMs;

const p95Cache = new Map<string, number>();

/** model-train's p95 (ms) over the runs finished by the anchor: fixed for the anchor, however far the end moves. */
function modelTrainP95(window: HistoryWindow): number {
  const cacheKey = `${window.seed}/${window.days}/${window.anchorMs}`;
  let p95 = p95Cache.get(cacheKey);
  if (p95 === undefined) {
    const before: HistoryWindow = { ...window, fromMs: window.anchorMs - window.days * DAY, endMs: window.anchorMs };
    const finished = arrivals(before, PIPELINES.modelTrain, 6)
      .filter((a) => !quietBeforeAnchor(a, before))
      .map((a) => simulateRun(request(a, before)))
      .filter((plan) => plan.endMs !== undefined);
    p95 = percentile(finished.map((p) => p.endMs! - p.startMs), 95);
    p95Cache.clear();
    p95Cache.set(cacheKey, p95);
  }
  return p95;
}

/**
 * model-train's hung runs: the train step hangs until the run's deadline (5.2 x p95) fails it. One is
 * submitted every 2.6 x p95, so two always run: at the anchor one at 3 x its p95 and one at 0.4 x, and
 * at any later time one between 2.6 and 5.2 x and one younger.
 */
function hungRuns(window: HistoryWindow): RunPlan[] {
  const p95 = modelTrainP95(window);
  const periodMs = Math.round((2.6 * p95) / 1000) * 1000;
  const firstMs = window.anchorMs - Math.round((3 * p95) / 1000) * 1000;
  const plans: RunPlan[] = [];
  for (let i = Math.max(0, Math.ceil((window.fromMs - firstMs) / periodMs)); firstMs + i * periodMs < window.endMs; i++) {
    const startMs = firstMs + i * periodMs;
    const arrival: Arrival = { pipeline: PIPELINES.modelTrain, startMs, key: `${PIPELINES.modelTrain.name}/hung/${i}`, n: HUNG_NUMBER - i, k: 0 };
    plans.push(simulateRun(request(arrival, window, { fail: undefined, stuck: DEMO_TASKS.train, deadlineMs: startMs + 2 * periodMs })));
  }
  return plans;
}

/** WorkflowTemplate submissions: image-preprocess, model-train, feature-etl, and the one large-benchmark run. */
export function templateRunPlans(window: HistoryWindow): RunPlan[] {
  const plans: RunPlan[] = [];
  for (const [pipeline, perDay] of PER_DAY) {
    for (const arrival of arrivals(window, pipeline, perDay)) {
      if (quietBeforeAnchor(arrival, window)) {
        continue;
      }
      const extra: Partial<RunRequest> = {};
      if (pipeline === PIPELINES.featureEtl && arrival.startMs >= window.anchorMs - DAY && arrival.k % 3 === 0) {
        // From a day before the anchor on, feature-etl fails a third of its runs (3 % before): the warehouse refuses connections.
        extra.fail = PIPELINES.featureEtl.failures[1];
      }
      plans.push(simulateRun(request(arrival, window, extra)));
    }
  }
  plans.push(...hungRuns(window));
  const large = largeRun(window);
  if (large) {
    plans.push(large);
  }
  return plans;
}

const LARGE: Pipeline = {
  name: 'large-benchmark',
  namespace: PIPELINES.modelTrain.namespace,
  team: 'research',
  steps: [
    { task: DEMO_TASKS.fetchData, template: 'fetch-data', seconds: 300, cores: 1, memoryMiB: 2048 },
    {
      task: DEMO_TASKS.shard,
      template: 'benchmark-shard',
      seconds: 600,
      cores: 1,
      memoryMiB: 3072,
      retries: 3,
      items: [LARGE_RUN_PODS, LARGE_RUN_PODS],
      metrics: (r) => ({ images_processed: Math.round(r.around(5_000, 0.1)) }),
    },
    { task: DEMO_TASKS.evaluate, template: 'evaluate', seconds: 1800, cores: 8, memoryMiB: 16_384, gpus: 1 },
  ],
  failureRate: 0,
  failures: [],
  transientRate: 0.05,
};

const lastShardStarts = new Map<number, number>();

/**
 * large-benchmark: 9,000 shards, 450 at a time on spot nodes (5 % reclaimed and retried), started so its
 * last wave starts 8 minutes before the anchor; a later end sees it finish.
 */
function largeRun(window: HistoryWindow): RunPlan | undefined {
  const arrival: Arrival = { pipeline: LARGE, startMs: window.anchorMs, key: `${LARGE.name}/run`, n: 0, k: 0 };
  const shape = (startMs: number, nowMs: number) => simulateRun({ ...request({ ...arrival, startMs }, window), fail: undefined, parallelism: 450, nowMs });
  // First without an end, to learn when the last shard starts (once per seed); then placed.
  let lastShardStart = lastShardStarts.get(window.seed);
  if (lastShardStart === undefined) {
    lastShardStart = Math.max(...shape(0, Infinity).tasks[1].items!.map((i) => i.attempts[0].startMs));
    lastShardStarts.set(window.seed, lastShardStart);
  }
  const startMs = window.anchorMs - Math.round((lastShardStart + 8 * 60_000) / 1000) * 1000;
  return startMs >= window.fromMs && startMs < window.endMs ? shape(startMs, window.endMs) : undefined;
}

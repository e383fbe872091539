import { DEMO_TASKS, LARGE_RUN_PODS } from './catalog';
import { PIPELINES, type Pipeline } from './pipelines';
import { DemoRandom } from './random';
import type { HistoryWindow } from './cronRuns';
import type { RunPlan } from './runPlan';
import { simulateRun, type RunRequest } from './runSimulation';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Arrival {
  pipeline: Pipeline;
  startMs: number;
  key: string;
}

/** Runs a day on weekdays (weekends: 40 %), mostly in working hours (UTC). */
const PER_DAY: Array<[Pipeline, number]> = [
  [PIPELINES.imagePreprocess, 10],
  [PIPELINES.modelTrain, 6],
  [PIPELINES.featureEtl, 30],
];

function arrivals(window: HistoryWindow): Arrival[] {
  const list: Arrival[] = [];
  for (const [pipeline, perDay] of PER_DAY) {
    for (let day = Math.floor(window.fromMs / DAY); day * DAY < window.endMs; day++) {
      const random = new DemoRandom(window.seed, `${pipeline.name}/day/${day}`);
      const weekend = [0, 6].includes(new Date(day * DAY).getUTCDay());
      const count = Math.round(random.around(perDay * (weekend ? 0.4 : 1), 0.25));
      for (let k = 0; k < count; k++) {
        const hour = random.chance(0.8) ? random.int(7, 18) : random.int(0, 23);
        const startMs = day * DAY + hour * HOUR + random.int(0, 3599) * 1000;
        if (startMs >= window.fromMs && startMs < window.endMs) {
          list.push({ pipeline, startMs, key: `${pipeline.name}/${day}/${k}` });
        }
      }
    }
  }
  return list.sort((a, b) => a.startMs - b.startMs);
}

function request(arrival: Arrival, window: HistoryWindow, taken: Set<string>, extra: Partial<RunRequest> = {}): RunRequest {
  const random = new DemoRandom(window.seed, arrival.key);
  const uid = random.uid();
  let name = `${arrival.pipeline.name}-${random.suffix()}`;
  while (taken.has(name)) {
    name = `${arrival.pipeline.name}-${random.suffix()}`;
  }
  taken.add(name);
  return {
    pipeline: arrival.pipeline,
    name,
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

/** WorkflowTemplate submissions: image-preprocess, model-train, feature-etl, and the one large-benchmark run. */
export function templateRunPlans(window: HistoryWindow): RunPlan[] {
  const taken = new Set<string>();
  const plans: RunPlan[] = [];
  const lastDay = arrivals(window).filter((a) => a.pipeline === PIPELINES.featureEtl && a.startMs >= window.endMs - DAY);
  for (const arrival of arrivals(window)) {
    if (arrival.pipeline === PIPELINES.modelTrain && arrival.startMs > window.endMs - 4 * HOUR) {
      continue; // the runs in progress are the two below
    }
    const extra: Partial<RunRequest> = {};
    const lastDayIndex = lastDay.indexOf(arrival);
    if (lastDayIndex >= 0 && lastDayIndex % 3 === 0) {
      // feature-etl fails a third of its runs in the last day (3 % before): the warehouse refuses connections.
      extra.fail = PIPELINES.featureEtl.failures[1];
    }
    plans.push(simulateRun(request(arrival, window, taken, extra)));
  }
  // model-train: one run in progress for about 3 × its own p95, one well within it.
  const trained = plans.filter((p) => p.template === PIPELINES.modelTrain.name && p.endMs !== undefined);
  const p95 = percentile(trained.map((p) => p.endMs! - p.startMs), 95);
  for (const [key, elapsed] of [['overrun', 3 * p95], ['on-time', 0.4 * p95]] as const) {
    const arrival = { pipeline: PIPELINES.modelTrain, startMs: window.endMs - Math.round(elapsed / 1000) * 1000, key: `${PIPELINES.modelTrain.name}/${key}` };
    plans.push(simulateRun(request(arrival, window, taken, { fail: undefined, stuck: DEMO_TASKS.train })));
  }
  plans.push(largeRun(window, taken));
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

/** large-benchmark: 9,000 shards, 450 at a time on spot nodes (5 % reclaimed and retried), started so the last wave runs at the end. */
function largeRun(window: HistoryWindow, taken: Set<string>): RunPlan {
  const arrival = { pipeline: LARGE, startMs: window.endMs, key: `${LARGE.name}/run` };
  const shape = (startMs: number, nowMs: number) =>
    simulateRun({ ...request({ ...arrival, startMs }, window, new Set(taken)), fail: undefined, parallelism: 450, nowMs });
  // First without an end, to learn when the last shard starts; then placed so it starts 8 minutes before the end.
  const free = shape(0, Infinity);
  const lastShardStart = Math.max(...free.tasks[1].items!.map((i) => i.attempts[0].startMs));
  const startMs = window.endMs - Math.round((lastShardStart + 8 * 60_000) / 1000) * 1000;
  const plan = shape(startMs, window.endMs);
  taken.add(plan.name);
  return plan;
}

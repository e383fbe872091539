import { DEMO_CRONS, DEMO_METRICS as M, DEMO_TASKS as T, DEMO_TEMPLATES } from './catalog';
import { FAILURES, type Failure } from './failures';
import type { DemoRandom } from './random';

/** One step of a pipeline: its usual duration and what its pod requests. */
export interface StepSpec {
  task: string;
  template: string;
  /** Median seconds. */
  seconds: number;
  cores: number;
  memoryMiB: number;
  gpus?: number;
  retries?: number;
  /** Loop items: how many (drawn per run). */
  items?: [min: number, max: number];
  /** Metrics the step reports, drawn per run. */
  metrics?: (random: DemoRandom) => Record<string, number>;
  /** Cores and memory drawn per run instead of the fixed values. */
  request?: (random: DemoRandom) => { cores: number; memoryMiB: number };
}

/** How a pipeline fails: which step, with which message. */
export interface FailureMode {
  task: string;
  failure: Failure;
}

export interface Pipeline {
  name: string;
  namespace: string;
  team: string;
  /** Tasks in order; each waits for the one before. */
  steps: StepSpec[];
  /** Share of runs that fail, and how. */
  failureRate: number;
  failures: FailureMode[];
  /** Share of attempts of a step with retries that fail transiently and are retried. */
  transientRate: number;
  gpuHosts?: boolean;
}

const GiB = 1024;
const accuracy = (r: DemoRandom) => ({ [M.accuracy]: Math.round(r.around(0.912, 0.01) * 10_000) / 10_000 });
const records = (median: number) => (r: DemoRandom) => ({ [M.records]: Math.round(r.around(median, 0.2)) });

const fetch = (seconds: number, retries?: number): StepSpec => ({ task: T.fetchData, template: 'fetch-data', seconds, cores: 1, memoryMiB: 2 * GiB, retries });
const publish: StepSpec = { task: T.publish, template: 'publish', seconds: 60, cores: 0.5, memoryMiB: 512 };
const validate = (seconds: number): StepSpec => ({ task: T.validateSchema, template: 'validate-schema', seconds, cores: 1, memoryMiB: 1 * GiB });
const load = (seconds: number, rows: number): StepSpec => ({
  task: T.loadWarehouse,
  template: 'load-warehouse',
  seconds,
  cores: 2,
  memoryMiB: 4 * GiB,
  metrics: records(rows),
});

export const PIPELINES = {
  nightlyTraining: {
    name: DEMO_CRONS.nightlyTraining.name,
    namespace: DEMO_CRONS.nightlyTraining.namespace,
    team: 'vision',
    gpuHosts: true,
    steps: [
      fetch(300),
      { task: T.preprocess, template: 'preprocess', seconds: 900, cores: 4, memoryMiB: 8 * GiB },
      { task: T.train, template: 'train-model', seconds: 5400, cores: 10, memoryMiB: 24 * GiB, gpus: 1, retries: 1 },
      { task: T.evaluate, template: 'evaluate', seconds: 600, cores: 4, memoryMiB: 8 * GiB, gpus: 1, metrics: accuracy },
      publish,
    ],
    failureRate: 0.03,
    failures: [{ task: T.train, failure: FAILURES.cudaOutOfMemory }],
    transientRate: 0.05,
  },
  modelTrain: {
    name: DEMO_TEMPLATES.modelTrain.name,
    namespace: DEMO_TEMPLATES.modelTrain.namespace,
    team: 'vision',
    gpuHosts: true,
    steps: [
      fetch(240, 2),
      { task: T.preprocess, template: 'preprocess', seconds: 1200, cores: 6, memoryMiB: 12 * GiB },
      {
        task: T.train,
        template: 'train-model',
        seconds: 7200,
        cores: 12,
        memoryMiB: 26 * GiB,
        gpus: 2,
        retries: 2,
        // Requests vary by model size: 9-14 cores, 20-34 GiB.
        request: (r) => ({ cores: r.int(9, 14), memoryMiB: r.int(20, 34) * GiB }),
      },
      { task: T.evaluate, template: 'evaluate', seconds: 900, cores: 4, memoryMiB: 8 * GiB, gpus: 1, metrics: accuracy },
      publish,
    ],
    failureRate: 0.06,
    failures: [
      { task: T.train, failure: FAILURES.oomKilled },
      { task: T.train, failure: FAILURES.cudaOutOfMemory },
      { task: T.train, failure: FAILURES.deadlineExceeded },
      { task: T.preprocess, failure: FAILURES.oomKilled },
    ],
    transientRate: 0.06,
  },
  imagePreprocess: {
    name: DEMO_TEMPLATES.imagePreprocess.name,
    namespace: DEMO_TEMPLATES.imagePreprocess.namespace,
    team: 'vision',
    steps: [
      fetch(120, 2),
      {
        task: T.shard,
        template: 'resize-shard',
        seconds: 600,
        cores: 2,
        memoryMiB: 4 * GiB,
        retries: 2,
        items: [8, 16],
        metrics: (r) => ({ [M.imagesProcessed]: Math.round(r.around(12_000, 0.15)) }),
      },
      publish,
    ],
    failureRate: 0.04,
    failures: [{ task: T.shard, failure: FAILURES.oomKilled }],
    transientRate: 0.04,
  },
  featureEtl: {
    name: DEMO_TEMPLATES.featureEtl.name,
    namespace: DEMO_TEMPLATES.featureEtl.namespace,
    team: 'data',
    steps: [
      fetch(180, 2),
      validate(60),
      { task: T.preprocess, template: 'build-features', seconds: 600, cores: 4, memoryMiB: 6 * GiB },
      load(300, 2_400_000),
    ],
    failureRate: 0.03,
    failures: [
      { task: T.validateSchema, failure: FAILURES.schemaInvalid },
      { task: T.loadWarehouse, failure: FAILURES.warehouseRefused },
    ],
    transientRate: 0.05,
  },
  hourlyIngest: {
    name: DEMO_CRONS.hourlyIngest.name,
    namespace: DEMO_CRONS.hourlyIngest.namespace,
    team: 'data',
    steps: [fetch(90, 2), validate(30), load(240, 180_000)],
    failureRate: 0.01,
    failures: [{ task: T.loadWarehouse, failure: FAILURES.warehouseRefused }],
    transientRate: 0.03,
  },
  dailyReport: {
    name: DEMO_CRONS.dailyReport.name,
    namespace: DEMO_CRONS.dailyReport.namespace,
    team: 'data',
    steps: [fetch(120), validate(45), load(420, 4_300_000), publish],
    failureRate: 0.02,
    failures: [{ task: T.validateSchema, failure: FAILURES.schemaInvalid }],
    transientRate: 0,
  },
  weeklyEval: {
    name: DEMO_CRONS.weeklyEval.name,
    namespace: DEMO_CRONS.weeklyEval.namespace,
    team: 'vision',
    gpuHosts: true,
    steps: [
      fetch(300),
      { task: T.evaluate, template: 'evaluate', seconds: 3600, cores: 8, memoryMiB: 16 * GiB, gpus: 1, metrics: accuracy },
      publish,
    ],
    failureRate: 0.1,
    failures: [{ task: T.evaluate, failure: FAILURES.cudaOutOfMemory }],
    transientRate: 0,
  },
} as const satisfies Record<string, Pipeline>;

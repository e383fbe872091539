/**
 * The demo catalog (docs/demo.md): the namespaces, CronWorkflows, WorkflowTemplates and step names of
 * `collector demo`, and what each is made to show. Dashboards, alert rules and their tests import these.
 */
export const DEMO_NAMESPACES = { ml: 'ml-training', data: 'data-pipelines' } as const;

/** Every demo object carries this label, so a later load can replace an earlier one's documents. */
export const DEMO_LABEL = { key: 'app.kubernetes.io/part-of', value: 'argoperf-demo' } as const;

export interface DemoCron {
  namespace: string;
  name: string;
  schedule: string;
  timezone: string;
  /** What the demo makes it show. */
  health: 'healthy' | 'slower' | 'late' | 'failing';
}

export const DEMO_CRONS = {
  nightlyTraining: { namespace: DEMO_NAMESPACES.ml, name: 'nightly-training', schedule: '0 2 * * *', timezone: 'Europe/Berlin', health: 'slower' },
  hourlyIngest: { namespace: DEMO_NAMESPACES.data, name: 'hourly-ingest', schedule: '0 * * * *', timezone: 'UTC', health: 'healthy' },
  dailyReport: { namespace: DEMO_NAMESPACES.data, name: 'daily-report', schedule: '30 6 * * *', timezone: 'America/New_York', health: 'late' },
  weeklyEval: { namespace: DEMO_NAMESPACES.ml, name: 'weekly-eval', schedule: '0 4 * * 1', timezone: 'UTC', health: 'failing' },
} as const satisfies Record<string, DemoCron>;

/** WorkflowTemplates submitted ad hoc (`spec.workflowTemplateRef`). */
export const DEMO_TEMPLATES = {
  imagePreprocess: { namespace: DEMO_NAMESPACES.ml, name: 'image-preprocess' },
  modelTrain: { namespace: DEMO_NAMESPACES.ml, name: 'model-train' },
  featureEtl: { namespace: DEMO_NAMESPACES.data, name: 'feature-etl' },
  largeBenchmark: { namespace: DEMO_NAMESPACES.ml, name: 'large-benchmark' },
} as const;

/** Step (task) names; loop items are `shard(<i>:part-<i>)`. */
export const DEMO_TASKS = {
  fetchData: 'fetch-data',
  preprocess: 'preprocess',
  train: 'train',
  evaluate: 'evaluate',
  publish: 'publish',
  validateSchema: 'validate-schema',
  loadWarehouse: 'load-warehouse',
  shard: 'shard',
} as const;

/** Metrics runs report (`metric-<name>` output parameters → `metrics.<name>`). */
export const DEMO_METRICS = { imagesProcessed: 'images_processed', accuracy: 'accuracy', records: 'records' } as const;

/** The large run: pods it fans out to. */
export const LARGE_RUN_PODS = 9_000;

/** Thresholds the demo is built around (the product's alert rules use the same numbers). */
export const DEMO_THRESHOLDS = { cores: 8, memoryGiB: 28, failureRate: 0.1 } as const;

/** Defaults of the command's options. */
export const DEMO_DEFAULTS = { seed: 42, days: 90, listen: '127.0.0.1:2746', advanceSeconds: 60 } as const;

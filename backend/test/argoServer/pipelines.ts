/**
 * The kinds of workflow the history generator runs: cron schedules, template submissions and ad hoc runs,
 * as DAGs (fan-out, retries, an exit handler) or steps, each with about 20 nodes per run.
 */
export interface TaskSpec {
  name: string;
  template: string;
  /** DAG dependencies (task names). */
  deps?: string[];
  /** Steps: index of the step group. */
  group?: number;
  /** Typical duration in seconds. */
  seconds: number;
  /** retryStrategy.limit. */
  retries?: number;
  /** withItems values: one node per item. */
  items?: string[];
  cores: number;
  memoryMi: number;
}

/** One kind of workflow and how often it runs. */
export interface Pipeline {
  /** Cron or template name, or the generateName base of ad hoc runs. */
  name: string;
  kind: 'cron' | 'template' | 'adhoc';
  shape: 'dag' | 'steps';
  /** Index into the namespace list (wraps). */
  namespaceIndex: number;
  /** Share of the generated workflows. */
  share: number;
  timezone?: string;
  team: string;
  tasks: TaskSpec[];
  exitTemplate?: string;
}

const shards = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** The pipelines of every generated history, in order. */
export const PIPELINES: Pipeline[] = [
  {
    name: 'nightly-etl',
    kind: 'cron',
    shape: 'dag',
    namespaceIndex: 1,
    share: 0.25,
    team: 'data',
    exitTemplate: 'notify',
    tasks: [
      { name: 'extract', template: 'extract', seconds: 90, cores: 1, memoryMi: 512 },
      { name: 'validate', template: 'validate', deps: ['extract'], seconds: 20, retries: 2, cores: 0.5, memoryMi: 256 },
      {
        name: 'transform',
        template: 'transform',
        deps: ['extract'],
        seconds: 120,
        items: shards('shard', 8),
        cores: 2,
        memoryMi: 1024,
      },
      {
        name: 'load',
        template: 'load',
        deps: ['validate', 'transform'],
        seconds: 60,
        retries: 1,
        cores: 1,
        memoryMi: 512,
      },
      { name: 'report', template: 'report', deps: ['load'], seconds: 10, cores: 0.1, memoryMi: 128 },
    ],
  },
  {
    name: 'hourly-sync',
    kind: 'cron',
    shape: 'steps',
    namespaceIndex: 0,
    share: 0.3,
    timezone: 'America/New_York',
    team: 'platform',
    tasks: [
      { name: 'checkout', template: 'checkout', group: 0, seconds: 8, cores: 0.1, memoryMi: 128 },
      {
        name: 'sync',
        template: 'sync-region',
        group: 1,
        seconds: 40,
        items: [
          'us-east-1',
          'us-west-2',
          'eu-west-1',
          'eu-central-1',
          'ap-south-1',
          'ap-northeast-1',
          'sa-east-1',
          'ca-central-1',
        ],
        cores: 0.5,
        memoryMi: 256,
      },
      { name: 'verify', template: 'verify', group: 2, seconds: 15, retries: 3, cores: 0.25, memoryMi: 128 },
      { name: 'publish', template: 'publish', group: 3, seconds: 5, cores: 0.1, memoryMi: 64 },
      { name: 'cleanup', template: 'cleanup', group: 3, seconds: 4, cores: 0.1, memoryMi: 64 },
    ],
  },
  {
    name: 'model-train',
    kind: 'cron',
    shape: 'dag',
    namespaceIndex: 2,
    share: 0.15,
    team: 'vision',
    exitTemplate: 'notify',
    tasks: [
      { name: 'fetch-data', template: 'fetch-data', seconds: 120, retries: 2, cores: 1, memoryMi: 1024 },
      {
        name: 'preprocess',
        template: 'preprocess',
        deps: ['fetch-data'],
        seconds: 300,
        items: shards('part', 6),
        cores: 4,
        memoryMi: 4096,
      },
      { name: 'train', template: 'train', deps: ['preprocess'], seconds: 1800, retries: 3, cores: 8, memoryMi: 16384 },
      { name: 'evaluate', template: 'evaluate', deps: ['train'], seconds: 240, cores: 4, memoryMi: 8192 },
      { name: 'register', template: 'register', deps: ['evaluate'], seconds: 15, cores: 0.1, memoryMi: 128 },
    ],
  },
  {
    name: 'build-image',
    kind: 'template',
    shape: 'dag',
    namespaceIndex: 0,
    share: 0.2,
    team: 'platform',
    tasks: [
      { name: 'clone', template: 'clone', seconds: 10, cores: 0.25, memoryMi: 256 },
      {
        name: 'unit-tests',
        template: 'test',
        deps: ['clone'],
        seconds: 180,
        items: shards('suite', 6),
        cores: 2,
        memoryMi: 2048,
      },
      { name: 'lint', template: 'lint', deps: ['clone'], seconds: 45, cores: 1, memoryMi: 512 },
      {
        name: 'build',
        template: 'kaniko',
        deps: ['unit-tests', 'lint'],
        seconds: 420,
        retries: 2,
        cores: 2,
        memoryMi: 4096,
      },
      { name: 'scan', template: 'scan', deps: ['build'], seconds: 60, retries: 1, cores: 1, memoryMi: 1024 },
      { name: 'push', template: 'push', deps: ['scan'], seconds: 30, cores: 0.5, memoryMi: 256 },
    ],
  },
  {
    name: 'adhoc-debug',
    kind: 'adhoc',
    shape: 'steps',
    namespaceIndex: 1,
    share: 0.1,
    team: 'data',
    tasks: [
      {
        name: 'inspect',
        template: 'inspect',
        group: 0,
        seconds: 30,
        items: shards('table', 4),
        cores: 0.5,
        memoryMi: 256,
      },
      { name: 'query', template: 'query', group: 1, seconds: 120, retries: 1, cores: 1, memoryMi: 1024 },
      { name: 'summarise', template: 'summarise', group: 2, seconds: 20, cores: 0.25, memoryMi: 128 },
    ],
  },
];

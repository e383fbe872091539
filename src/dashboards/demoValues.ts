/**
 * Values the demo history holds (the demo catalog: `collector demo`), one per dashboard variable,
 * for the tests and the host check that run every panel's queries as Grafana would.
 */
export const DEMO_VARIABLES: Record<string, string | string[]> = {
  namespace: ['ml-training', 'data-pipelines'],
  workflow: ['model-train'],
  template: ['train-model'],
  task: ['train'],
  cron: ['nightly-training', 'hourly-ingest', 'daily-report', 'weekly-eval'],
  // model-train (the workflow value) reports accuracy; image-preprocess reports images_processed
  metric: 'accuracy',
  // the large run's name depends only on the seed (42), not on --end: the same in every load
  run: 'large-benchmark-rk672',
};

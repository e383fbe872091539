import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { toWorkflow } from './drillDowns';
import { bargauge, barchart, byName, dashboard, heatmap, labelsName, q, stat, table, timeseries, transform, UNITS, VARIABLES } from './kit';
import { runsPerWorkflow } from './runsPerWorkflow';

const filters = { namespaces: ['$namespace'], workflows: ['$workflow'] };
const byWorkflow: Array<'namespace' | 'workflow'> = ['namespace', 'workflow'];
/** Worse than usual: 1.5× the baseline is the alert rules' threshold, 2× is red. */
const vsBaselineSteps = [
  { value: 1.5, color: 'orange' },
  { value: 2, color: 'red' },
];

/** One workflow per bar: the last day's stat ÷ the 14 days before, linked to the workflow's detail. */
const vsBaselineGauge = (title: string, description: string, stat: 'p95' | 'failure_rate') =>
  bargauge({
    title,
    description,
    targets: [q.baseline({ groupBy: byWorkflow, stat, currentMinutes: 1440, baselineDays: 14, filters })],
    displayName: labelsName(byWorkflow, '/'),
    unit: UNITS.times,
    decimals: 2,
    min: 0,
    thresholds: vsBaselineSteps,
    links: [toWorkflow.fromSeries()],
    w: 12,
    h: 9,
  });

/** Dashboard 1: every workflow at a glance, and which ones need a look. */
export function workflowsOverview(): Dashboard {
  return dashboard({
    ...ADDRESSES.overview,
    description: 'Runs, failures and durations of every Argo workflow, and which ones got slower or fail more than usual.',
    from: 'now-30d',
    variables: [VARIABLES.namespace(), VARIABLES.workflow()],
    items: [
      stat({
        title: 'Finished runs',
        description: 'Runs that finished in the time range, by how they ended (Succeeded, Failed, Error).',
        targets: [q.outcomes({ groupBy: [], measures: ['succeeded', 'failed', 'error'], filters })],
        reduce: 'sum',
        unit: UNITS.count,
        w: 8,
        h: 5,
        options: { colorMode: 'value', textMode: 'value_and_name' },
        overrides: [byName('succeeded', { displayName: 'Succeeded' }), byName('failed', { displayName: 'Failed' }), byName('error', { displayName: 'Error' })],
      }),
      stat({
        title: 'Running now',
        description: 'Workflows running or pending now on the Argo Server (the time range does not apply).',
        targets: [q.live({ view: 'table', filters: { namespaces: ['$namespace'] } })],
        reduce: 'lastNotNull',
        unit: UNITS.count,
        options: { reduceOptions: { calcs: ['count'], fields: '/^workflow$/', values: false } },
        w: 4,
        h: 5,
      }),
      timeseries({
        title: 'Failure rate over time',
        description: 'Failed and errored runs ÷ finished runs in each time bucket, per namespace. Click a point for the workflows behind it in the table below.',
        targets: [q.outcomes({ groupBy: ['namespace'], measures: ['failure_rate'], filters })],
        unit: UNITS.ratio,
        min: 0,
        max: 1,
        thresholds: [{ value: 0.1, color: 'red' }],
        w: 12,
        h: 5,
      }),
      runsPerWorkflow(filters),
      barchart({
        title: 'Slowest workflows by p95',
        description: 'The 95th percentile of run durations per workflow, averaged over the daily buckets of the range; the slowest first.',
        targets: [q.durations({ groupBy: byWorkflow, stats: ['p95'], filters, limit: 50 })],
        unit: UNITS.seconds,
        xField: 'workflow',
        horizontal: true,
        transformations: [transform.seriesToRows(['mean']), transform.sortBy('Mean', true), transform.limit(10), transform.organize({ exclude: ['Field', 'stat', 'namespace'] })],
        links: [toWorkflow.fromRow()],
        interval: '1d',
        w: 12,
        h: 9,
      }),
      vsBaselineGauge(
        'Slower than their own baseline (p95, last day ÷ 14 days before)',
        'Per workflow: p95 duration of the runs of the last 24 hours ÷ p95 of the 14 days before. 1 = as usual; from 1.5 (orange) the alert rule fires. Workflows without runs in either window are left out.',
        'p95'
      ),
      vsBaselineGauge(
        'Failing more than their own baseline (failure rate, last day ÷ 14 days before)',
        'Per workflow: failure rate of the last 24 hours ÷ failure rate of the 14 days before. Workflows that did not fail in the baseline have no ratio and are named in the panel notice; the failure rate over time shows them.',
        'failure_rate'
      ),
      table({
        title: 'Top failure reasons',
        description: "The most frequent messages of failed and errored runs per workflow (Argo's status message, e.g. OOMKilled, Error (exit code 1)).",
        targets: [q.outcomes({ view: 'reasons', groupBy: byWorkflow, limit: 5, filters })],
        sortBy: { displayName: 'failures', desc: true },
        overrides: [byName('workflow', { links: [toWorkflow.fromRow()] }), byName('failures', { unit: UNITS.count, width: 90 })],
        w: 12,
        h: 9,
      }),
      heatmap({
        title: 'Run durations',
        description: 'How many runs took how long, over time (log-spaced duration bands, 1-2-5 per decade). A band moving up means runs got slower.',
        targets: [q.heatmap({ filters })],
        yUnit: UNITS.seconds,
        w: 12,
        h: 9,
      }),
      table({
        title: 'Runs in progress and their overrun',
        description:
          "Workflows running now, longest first: elapsed time, Argo's estimate, and elapsed ÷ the p95 of the workflow's finished runs of the last 7 days (vs p95 above 1 = running longer than 95 % of its runs).",
        targets: [q.live({ view: 'table', baselineDays: 7, filters: { namespaces: ['$namespace'] } })],
        overrides: [
          byName('template', { links: [toWorkflow.fromLiveRow()] }),
          byName('vs_p95', { unit: UNITS.times, decimals: 2, thresholds: vsBaselineSteps, cell: { type: 'color-background', mode: 'basic' } }),
          byName('vs_estimate', { unit: UNITS.times, decimals: 2 }),
          byName('progress_fraction', { cell: { type: 'gauge', mode: 'basic' } }),
        ],
        w: 12,
        h: 9,
      }),
      bargauge({
        title: 'Cron health: time since last success',
        description: "Per CronWorkflow: how long since its last successful run (looking back 30 days before the range, as the cron dashboard does, so a weekly cron's last success is found on a one-day range too). Orange after a day, red after three.",
        targets: [q.cronDrift({ view: 'sinceSuccess', lookbackDays: 30, filters: { namespaces: ['$namespace'] } })],
        unit: UNITS.seconds,
        thresholds: [
          { value: 86_400, color: 'orange' },
          { value: 3 * 86_400, color: 'red' },
        ],
        w: 12,
        h: 8,
      }),
      bargauge({
        title: 'Cron health: missed ticks',
        description: 'Per CronWorkflow: scheduled ticks in the time range that got no run (none is healthy). Empty for a cron Argo rejects or whose ticks cannot be counted; the notice says why.',
        targets: [q.cronDrift({ view: 'missed', graceSeconds: 60, filters: { namespaces: ['$namespace'] } })],
        unit: UNITS.count,
        thresholds: [{ value: 1, color: 'red' }],
        w: 12,
        h: 8,
      }),
    ],
  });
}

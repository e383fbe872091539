import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { sharedPanels } from './sharedPanels';
import { toWorkflow } from './drillDowns';
import { bargauge, byName, dashboard, heatmap, labelsName, q, table, timeseries, transform, UNITS, VARIABLES } from './kit';

const filters = { namespaces: ['$namespace'], workflows: ['$workflow'], templates: ['$template'], tasks: ['$task'] };

/** Dashboard 3: steps across workflows: how long each takes over time and how widely that varies. */
export function stepPerformance(): Dashboard {
  return dashboard({
    ...ADDRESSES.steps,
    description: 'Task duration trends across workflows: each step (by name and template) over time, the spread of its durations, and where it got slower.',
    from: 'now-30d',
    variables: [VARIABLES.namespace(), VARIABLES.workflow(), VARIABLES.template(), VARIABLES.task()],
    items: [
      timeseries({
        title: 'Task duration trends (p50, p95)',
        description: 'Median and 95th percentile of each step’s duration per day, per workflow and step.',
        targets: [q.durations({ level: 'node', groupBy: ['workflow', 'step'], stats: ['p50', 'p95'], filters, limit: 30 })],
        unit: UNITS.seconds,
        interval: '1d',
        links: [toWorkflow.fromSeries()],
        w: 24,
        h: 9,
      }),
      timeseries({
        title: 'Spread: fastest, p5, p95 and slowest',
        description:
          'How widely a step’s durations vary per day: min and max are single runs, p5–p95 holds 90 % of them. A widening band means less predictable runs.',
        targets: [q.durations({ level: 'node', groupBy: ['step'], stats: ['min', 'p5', 'p95', 'max'], filters, limit: 10 })],
        unit: UNITS.seconds,
        interval: '1d',
        w: 12,
        h: 9,
      }),
      heatmap({
        title: 'Step duration distribution',
        description: 'How many step executions took how long, per day (log-spaced duration bands).',
        targets: [q.heatmap({ level: 'node', filters })],
        yUnit: UNITS.seconds,
        interval: '1d',
        w: 12,
        h: 9,
      }),
      table({
        title: 'Per workflow: typical and slow durations',
        description:
          'For each workflow running this step: its median and p95 duration, averaged over the weekly buckets of the time range. Click a workflow for its detail.',
        targets: [q.durations({ level: 'node', groupBy: ['namespace', 'workflow', 'step'], stats: ['p50', 'p95'], filters, limit: 50 })],
        transformations: [transform.seriesToRows(['mean']), transform.organize({ exclude: ['Field'] })],
        interval: '7d',
        overrides: [byName('workflow', { links: [toWorkflow.fromRow()] })],
        unit: UNITS.seconds,
        w: 12,
        h: 9,
      }),
      bargauge({
        title: 'Slower than their baseline (p95, last day ÷ 14 days before)',
        description: 'Per workflow and step: p95 of the last 24 hours ÷ p95 of the 14 days before. 1 = as usual; from 1.5 the alert rule fires.',
        targets: [q.baseline({ level: 'node', groupBy: ['workflow', 'step'], stat: 'p95', currentMinutes: 1440, baselineDays: 14, filters, limit: 30 })],
        displayName: labelsName(['workflow', 'step']),
        unit: UNITS.times,
        decimals: 2,
        min: 0,
        thresholds: [
          { value: 1.5, color: 'orange' },
          { value: 2, color: 'red' },
        ],
        links: [toWorkflow.fromSeries()],
        w: 12,
        h: 9,
      }),
      table({
        title: 'Slowest executions',
        description: 'Step executions in the time range, slowest first, with their workflow run (opens in the Argo UI) and duration ÷ the step’s median.',
        targets: [q.runs({ level: 'node', limit: 500, filters })],
        sortBy: { displayName: 'duration', desc: true },
        overrides: [byName('vs_baseline', { unit: UNITS.times, decimals: 2 })],
        w: 12,
        h: 10,
      }),
      sharedPanels.failuresByStep(filters, 10),
    ],
  });
}

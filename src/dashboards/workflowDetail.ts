import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { sharedPanels } from './sharedPanels';
import { toRun, toStep } from './drillDowns';
import { barchart, bargauge, byName, dashboard, gibAsMib, heatmap, labelsName, q, runTimeline, runVariable, table, timeseries, transform, UNITS, VARIABLES } from './kit';

const filters = { namespaces: ['$namespace'], workflows: ['$workflow'] };
const vsBaselineSteps = [
  { value: 1.5, color: 'orange' },
  { value: 2, color: 'red' },
];

/** Dashboard 2: one workflow (or a few) over months, its runs, its steps and what they cost. */
export function workflowDetail(): Dashboard {
  return dashboard({
    ...ADDRESSES.workflow,
    description: 'How long one workflow takes over months, each run, which steps got slower or fail, retries and resources per run.',
    from: 'now-90d',
    variables: [VARIABLES.namespace(), VARIABLES.workflow(), runVariable()],
    items: [
      timeseries({
        title: 'Duration p50 / p95 / p99',
        description: 'Percentiles of run durations per day: half of the runs were faster than p50, 95 % faster than p95.',
        targets: [q.durations({ groupBy: ['workflow'], stats: ['p50', 'p95', 'p99'], filters })],
        unit: UNITS.seconds,
        interval: '1d',
        w: 14,
        h: 9,
      }),
      heatmap({
        title: 'Duration distribution',
        description: 'How many runs took how long, per day (log-spaced duration bands).',
        targets: [q.heatmap({ filters })],
        yUnit: UNITS.seconds,
        interval: '1d',
        w: 10,
        h: 9,
      }),
      table({
        title: 'Runs',
        description:
          "Runs newest first: duration, outcome, retried steps and duration ÷ the workflow's median of the 14 days before the range end (vs baseline). The run's name opens it in the Argo UI; its start shows the run's timeline and its own steps below.",
        targets: [q.runs({ level: 'workflow', limit: 200, baselineDays: 14, filters })],
        overrides: [
          byName('start', { links: [toRun()] }),
          byName('vs_baseline', { unit: UNITS.times, decimals: 2, thresholds: vsBaselineSteps, cell: { type: 'color-text' } }),
          byName('retries', { unit: UNITS.count, width: 80 }),
        ],
        w: 24,
        h: 10,
      }),
      runTimeline({
        title: 'Timeline of run $run',
        description:
          "The run chosen in Run (or by a run's start in the table above), step by step: a bar per attempt coloured by phase, retries on their step's line, the critical path (the steps whose durations set the run's end) outlined, and on hover each step's slack, pod, host and message. Click a bar for the step in the Argo UI.",
        targets: [q.timeline({ run: '$run', filters: { namespaces: ['$namespace'] } })],
        w: 24,
        h: 14,
      }),
      { row: 'Steps', items: stepPanels() },
      { row: 'Resources per run', items: resourcePanels() },
    ],
  });
}

function stepPanels() {
  const steps = { ...filters };
  return [
    timeseries({
      title: 'Step duration trends (p95)',
      description: "The 95th percentile of each step's duration per day. Click a line for the step across workflows.",
      targets: [q.durations({ level: 'node', groupBy: ['step'], stats: ['p95'], filters: steps, limit: 30 })],
      unit: UNITS.seconds,
      interval: '1d',
      links: [toStep.fromSeries()],
      w: 14,
      h: 9,
    }),
    bargauge({
      title: 'Steps slower than their baseline (p95, last day ÷ 14 days before)',
      description: "Per step: p95 duration of the last 24 hours ÷ p95 of the 14 days before. 1 = as usual; 1.5 and above is the alert rule's threshold.",
      targets: [q.baseline({ level: 'node', groupBy: ['step'], stat: 'p95', currentMinutes: 1440, baselineDays: 14, filters: steps, limit: 30 })],
      displayName: labelsName(['step']),
      unit: UNITS.times,
      decimals: 2,
      min: 0,
      thresholds: vsBaselineSteps,
      links: [toStep.fromSeries()],
      w: 10,
      h: 9,
    }),
    sharedPanels.failuresByStep(steps, 9),
    table({
      title: 'Retried steps',
      description: 'Step attempts after the first (retry attempt 1 and up) among the newest 1,000 steps, newest first, with their outcome and message.',
      targets: [q.runs({ level: 'node', limit: 1000, filters: steps })],
      transformations: [{ id: 'filterByValue', options: { type: 'include', match: 'any', filters: [{ fieldName: 'retry_attempt', config: { id: 'greater', options: { value: 0 } } }] } }],
      overrides: [byName('task', { links: [toStep.fromRow()] }), byName('vs_baseline', { unit: UNITS.times, decimals: 2 })],
      w: 12,
      h: 9,
    }),
    table({
      title: 'Steps of the runs in the time range',
      description:
        "Each step of the runs that started in the time range (open a run's start above to see just its steps): duration, outcome, retry attempt and duration ÷ the step's median.",
      targets: [q.runs({ level: 'node', limit: 500, filters: steps })],
      overrides: [byName('task', { links: [toStep.fromRow()] }), byName('vs_baseline', { unit: UNITS.times, decimals: 2, thresholds: vsBaselineSteps, cell: { type: 'color-text' } })],
      w: 24,
      h: 10,
    }),
  ];
}

function resourcePanels() {
  return [
    timeseries({
      title: 'Average cores per run',
      description:
        "Core-seconds ÷ duration of the runs started in each bucket: the cores held on average. From Argo's resourcesDuration, which counts requests and limits, not measured use. The dashed line is 8 cores.",
      targets: [q.resources({ groupBy: ['workflow'], resources: ['avg_cores'], filters })],
      unit: UNITS.cores,
      thresholds: [{ value: 8, color: 'red' }],
      w: 8,
      h: 8,
    }),
    timeseries({
      title: 'Average memory per run',
      description: "MiB-seconds ÷ duration: the memory held on average (from Argo's resourcesDuration: requests, not measured use). The dashed line is 28 GiB.",
      targets: [q.resources({ groupBy: ['workflow'], resources: ['avg_memory'], filters })],
      unit: UNITS.mebibytes,
      thresholds: [{ value: gibAsMib(28), color: 'red' }],
      w: 8,
      h: 8,
    }),
    barchart({
      title: 'GPU time per step',
      description: "GPU-seconds per step, summed over the runs in the time range (from Argo's resourcesDuration).",
      targets: [q.resources({ level: 'node', groupBy: ['step'], resources: ['gpu'], filters })],
      unit: UNITS.gpuSeconds,
      xField: 'step',
      horizontal: true,
      transformations: [transform.seriesToRows(['sum']), transform.sortBy('Total', true), transform.organize({ exclude: ['Field', 'resource'] })],
      w: 8,
      h: 8,
    }),
  ];
}

import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { byName, dashboard, q, stat, table, timeseries, UNITS, VARIABLES } from './kit';
import { runVariable } from './kit/runVariable';
import { PROGRESS_FIGURE_NAMES, type ProgressFigure } from '../query/progressQuery';

const run = { run: '$run', filters: { namespaces: ['$namespace'] } };

/** One number of the progress summary as a stat (the summary answers every figure as a field). */
const figure = (field: ProgressFigure, title: string, description: string, unit: string, w = 4) =>
  stat({
    title,
    description,
    targets: [q.progress({ ...run, view: 'summary', rateMinutes: 15 })],
    unit,
    // Grafana picks a field by its display name, which the backend sets (PROGRESS_FIGURE_NAMES).
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: `/^${PROGRESS_FIGURE_NAMES[field]}$/`, values: false } },
    w,
    h: 4,
  });

export function largeRunProgress(): Dashboard {
  return dashboard({
    ...ADDRESSES.largeRun,
    description: 'One run fanning out to thousands of pods: steps finished by phase, running now, retries, failures, throughput and the time left at that pace.',
    from: 'now-12h',
    variables: [VARIABLES.namespace(), VARIABLES.workflow(), runVariable()],
    items: [
      figure('done', 'Done', 'Finished steps ÷ the steps the run has created so far.', UNITS.ratio),
      figure('running', 'Running now', 'Steps running now (pods).', UNITS.count),
      figure('pending', 'Pending', 'Steps created but not running yet.', UNITS.count),
      figure('retries', 'Retries', 'Retry attempts (e.g. spot instances reclaimed).', UNITS.count),
      figure('rate', 'Throughput', 'Steps finished per minute over the last 15 minutes.', 'suffix: steps/min'),
      figure('eta', 'Time left at that pace', 'Remaining steps ÷ throughput; a lower bound while the run still creates steps.', UNITS.seconds),
      timeseries({
        title: 'Steps finished by phase (running total)',
        description: 'Steps finished since the run’s first step, one line per phase (Succeeded, Failed, Error, …), by the time each finished.',
        targets: [q.progress({ ...run, view: 'overTime', cumulative: true })],
        unit: UNITS.count,
        min: 0,
        w: 16,
        h: 9,
      }),
      table({
        title: 'Failures by message',
        description: 'Failure messages of the run’s Failed and Error steps, most frequent first.',
        targets: [q.progress({ ...run, view: 'failures', limit: 20 })],
        overrides: [byName('failures', { unit: UNITS.count, width: 90 })],
        w: 8,
        h: 9,
      }),
      timeseries({
        title: 'Steps finished per interval',
        description: 'Steps that finished in each time bucket, stacked by phase: the throughput over time.',
        targets: [q.progress({ ...run, view: 'overTime', cumulative: false })],
        unit: UNITS.count,
        min: 0,
        bars: true,
        stacked: true,
        w: 24,
      }),
    ],
  });
}

import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { customVariable, dashboard, q, text, timeseries, VARIABLES } from './kit';

/** The demo catalog's metrics; any other name can be typed into the variable. */
export const KNOWN_METRICS = ['images_processed', 'accuracy', 'records'];
const filters = { namespaces: ['$namespace'], workflows: ['$workflow'] };

export function workflowMetrics(): Dashboard {
  const metric = customVariable({
    name: 'metric',
    label: 'Metric',
    description: 'A number runs report about their own work (metrics.<name>, from output parameters metric-<name>); type another name if yours is not listed.',
    values: KNOWN_METRICS,
  });
  return dashboard({
    ...ADDRESSES.metrics,
    description: 'What runs report about their own work (metrics.<name>): images processed, accuracy, records, … per workflow over time.',
    from: 'now-30d',
    variables: [VARIABLES.namespace(), VARIABLES.workflow(), { ...metric, allowCustomValue: true } as typeof metric],
    items: [
      text({
        title: 'Where these numbers come from',
        content:
          'A step’s output parameter named `metric-<name>` becomes `metrics.<name>` on its document; the run’s value is its global output of that name, or the last succeeded step that reports it. Choose or type the metric above.',
        h: 3,
      }),
      timeseries({
        title: '$metric per workflow (average per run)',
        description: 'The average of the metric over the runs of each workflow that started in each bucket.',
        targets: [q.metrics({ metric: '$metric', aggregation: 'avg', level: 'workflow', groupBy: ['workflow'], filters })],
        w: 24,
      }),
      timeseries({
        title: '$metric per workflow (sum of runs)',
        description: 'The metric summed over the runs of each workflow that started in each bucket: the work done.',
        targets: [q.metrics({ metric: '$metric', aggregation: 'sum', level: 'workflow', groupBy: ['workflow'], filters })],
        bars: true,
        stacked: true,
      }),
      timeseries({
        title: '$metric per step (sum over steps)',
        description: 'The metric summed over the steps that report it (e.g. parallel shards), per workflow and step.',
        targets: [q.metrics({ metric: '$metric', aggregation: 'sum', level: 'node', groupBy: ['workflow', 'step'], filters })],
        bars: true,
        stacked: true,
      }),
      timeseries({
        title: '$metric per workflow: lowest and highest run',
        description: 'The smallest and largest value a run of each workflow reported in each bucket.',
        targets: [
          q.metrics({ metric: '$metric', aggregation: 'min', level: 'workflow', groupBy: ['workflow'], filters }),
          q.metrics({ metric: '$metric', aggregation: 'max', level: 'workflow', groupBy: ['workflow'], filters }),
        ],
        w: 24,
      }),
    ],
  });
}

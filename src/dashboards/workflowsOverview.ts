import type { Dashboard } from '@grafana/schema';

import { ADDRESSES } from './addresses';
import { dashboard, q, timeseries, UNITS, VARIABLES } from './kit';

const filters = { namespaces: ['$namespace'], workflows: ['$workflow'] };

export function workflowsOverview(): Dashboard {
  return dashboard({
    ...ADDRESSES.overview,
    description: 'Runs, failures and durations of every Argo workflow, and which ones got worse.',
    from: 'now-30d',
    variables: [VARIABLES.namespace(), VARIABLES.workflow()],
    items: [
      timeseries({
        title: 'Failure rate over time',
        description: 'Failed and errored runs ÷ finished runs per workflow in each time bucket.',
        targets: [q.outcomes({ groupBy: ['namespace', 'workflow'], measures: ['failure_rate'], filters })],
        unit: UNITS.ratio,
        min: 0,
        max: 1,
      }),
    ],
  });
}

import type { VariableModel } from '@grafana/schema';

import { DATASOURCE_REF } from './datasource';

/**
 * One run of the chosen workflows (the runs resource list with level=node: run names by their number of
 * steps, largest first), single-valued: the progress query follows one run, and the default is the
 * largest, the fan-out this dashboard is for.
 */
export function runVariable(): VariableModel {
  return {
    name: 'run',
    label: 'Run',
    description: 'Runs of the chosen workflows, the most steps first.',
    type: 'query',
    datasource: DATASOURCE_REF,
    query: 'runs?namespace=$namespace&workflow=$workflow&level=node',
    multi: false,
    includeAll: false,
    options: [],
    refresh: 2,
    sort: 0,
    regex: '',
    hide: 0,
  };
}

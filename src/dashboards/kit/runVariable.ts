import type { VariableModel } from '@grafana/schema';

import { DATASOURCE_REF } from './datasource';

/**
 * One run of the chosen workflow (the runs resource list: run names, newest first), single-valued:
 * the progress query follows one run. The first value, the latest run, is the default.
 */
export function runVariable(): VariableModel {
  return {
    name: 'run',
    label: 'Run',
    description: 'Runs of the workflow that started in the time range, newest first.',
    type: 'query',
    datasource: DATASOURCE_REF,
    query: 'runs?namespace=$namespace&workflow=$workflow',
    multi: false,
    includeAll: false,
    options: [],
    refresh: 2,
    sort: 0,
    regex: '',
    hide: 0,
  };
}

import type { DataSourceRef, VariableModel } from '@grafana/schema';

import { DATASOURCE_TYPE } from '../../constants';

/** The datasource variable every panel reads through, so a dashboard works with any instance of our type. */
export const DATASOURCE_VARIABLE = 'datasource';

export const DATASOURCE_REF: DataSourceRef = { type: DATASOURCE_TYPE, uid: `\${${DATASOURCE_VARIABLE}}` };

export function datasourceVariable(): VariableModel {
  return {
    name: DATASOURCE_VARIABLE,
    label: 'Datasource',
    type: 'datasource',
    query: DATASOURCE_TYPE,
    description: 'The Argo Workflows Performance datasource every panel reads.',
    options: [],
    refresh: 1,
    regex: '',
    hide: 0,
  };
}

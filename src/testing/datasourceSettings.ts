import type { DataSourceInstanceSettings, DataSourceSettings } from '@grafana/data';

import type { ArgoPerfJsonData, ArgoPerfSecureJsonData } from '../datasource/types';
import datasourcePluginJson from '../datasource/plugin.json';

/** What Grafana hands the config editor for one datasource instance. */
export function datasourceSettings(
  jsonData: ArgoPerfJsonData = {},
  secureJsonFields: Record<string, boolean> = {}
): DataSourceSettings<ArgoPerfJsonData, ArgoPerfSecureJsonData> {
  const settings: Omit<DataSourceSettings<ArgoPerfJsonData, ArgoPerfSecureJsonData>, 'database'> = {
    id: 1,
    uid: 'argo-test',
    orgId: 1,
    name: 'Argo Workflows Performance',
    type: datasourcePluginJson.id,
    typeName: datasourcePluginJson.name,
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    readOnly: false,
    withCredentials: false,
    jsonData,
    secureJsonFields,
  };
  // `database` is required by the type but deprecated; this datasource does not use it.
  return settings as DataSourceSettings<ArgoPerfJsonData, ArgoPerfSecureJsonData>;
}

/** What Grafana hands the datasource class. */
export function instanceSettings(jsonData: ArgoPerfJsonData = {}): DataSourceInstanceSettings<ArgoPerfJsonData> {
  return {
    uid: 'argo-test',
    name: 'Argo Workflows Performance',
    type: datasourcePluginJson.id,
    access: 'proxy',
    readOnly: false,
    jsonData,
    meta: { id: datasourcePluginJson.id } as DataSourceInstanceSettings['meta'],
  };
}

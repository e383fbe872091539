import type { DataSourceInstanceSettings, DataSourcePluginMeta } from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';

type Instance = Pick<DataSourceInstanceSettings, 'uid' | 'name' | 'type'> & { isDefault?: boolean };

/**
 * Grafana's built-in "-- Grafana --" datasource as the frontend settings carry it (Grafana 12.4,
 * pkg/api/frontendsettings.go: type is the plugin type "datasource", uid "grafana", id -1; its
 * plugin.json has id "grafana", metrics and annotations).
 */
export const GRAFANA_BUILT_IN = {
  id: -1,
  uid: 'grafana',
  name: '-- Grafana --',
  type: 'datasource',
  meta: { id: 'grafana', type: 'datasource', name: '-- Grafana --', builtIn: true, metrics: true, annotations: true },
} as unknown as DataSourceInstanceSettings;

function settingsOf(instance: Instance): DataSourceInstanceSettings {
  // An installed datasource's type is its plugin id (meta.id).
  const meta = { id: instance.type, type: 'datasource', name: instance.type, metrics: true } as DataSourcePluginMeta;
  return { ...instance, meta } as DataSourceInstanceSettings;
}

/**
 * Installs Grafana's datasource registry singleton for a test, holding the given instances and, as every
 * Grafana does, its built-in datasource. getList follows Grafana 12.4's DatasourceSrv.getList for the
 * filters we use: built-ins are left out of the filtered list, but "-- Grafana --" is appended whenever
 * neither `pluginId` nor `alerting` is given (also when `type` is).
 */
export function installFakeDatasources(instances: Instance[]) {
  const all = instances.map(settingsOf);
  const getList: DataSourceSrv['getList'] = (filters = {}) => {
    const list = all.filter(
      (ds) =>
        (!filters.pluginId || ds.meta.id === filters.pluginId) &&
        (!filters.type || ds.type === filters.type) &&
        (!filters.alerting || ds.meta.alerting)
    );
    if (!filters.pluginId && !filters.alerting && !filters.tracing) {
      list.push(GRAFANA_BUILT_IN);
    }
    return list;
  };
  const getInstanceSettings: DataSourceSrv['getInstanceSettings'] = (ref) => {
    const key = typeof ref === 'string' ? ref : ref?.uid;
    return [...all, GRAFANA_BUILT_IN].find((ds) => ds.uid === key || ds.name === key);
  };
  // No datasource code is loaded in these tests: a page that asks for one (scenes variables) is told so.
  const get: DataSourceSrv['get'] = (ref) => Promise.reject(new Error(`datasource ${JSON.stringify(ref)} is not loaded in this test`));
  setDataSourceSrv({ getList, getInstanceSettings, get } as DataSourceSrv);
}

/** React Router v7 behaviour, as Grafana opts in; keeps the v6 deprecation warnings out of test output. */
export const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true };

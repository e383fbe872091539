import type { DataSourceInstanceSettings } from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';

/** Installs Grafana's datasource registry singleton for a test, holding the given instances. */
export function installFakeDatasources(instances: Array<Pick<DataSourceInstanceSettings, 'uid' | 'name' | 'type'>>) {
  const getList: DataSourceSrv['getList'] = (filters) =>
    instances.filter((ds) => !filters?.type || ds.type === filters.type) as DataSourceInstanceSettings[];
  setDataSourceSrv({ getList } as DataSourceSrv);
}

/** React Router v7 behaviour, as Grafana opts in; keeps the v6 deprecation warnings out of test output. */
export const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true };

import { Observable } from 'rxjs';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest, type FetchError, type FetchResponse } from '@grafana/runtime';

/** One plugin dashboard as Grafana's API answers it (pkg/services/plugindashboards PluginDashboard). */
export interface GrafanaPluginDashboard {
  uid: string;
  pluginId: string;
  title: string;
  imported: boolean;
  importedUri: string;
  importedUrl: string;
  slug: string;
  dashboardId: number;
  folderId: number;
  importedRevision: number;
  revision: number;
  description: string;
  path: string;
  removed: boolean;
}

export const pluginDashboard = (pluginId: string, path: string, title: string, patch: Partial<GrafanaPluginDashboard> = {}): GrafanaPluginDashboard => ({
  uid: '',
  pluginId,
  title,
  imported: false,
  importedUri: '',
  importedUrl: '',
  slug: '',
  dashboardId: 0,
  folderId: 0,
  importedRevision: 0,
  revision: 1,
  description: '',
  path,
  removed: false,
  ...patch,
});

/**
 * A stand-in for Grafana's backend service that serves the plugin dashboards API as Grafana does:
 * the list, and an import that saves the dashboard (uid from the file, revision imported) or fails
 * for the paths given with Grafana's error body ({"message": ...}). Records every request.
 */
export function installPluginDashboardsDouble(pluginId: string, dashboards: GrafanaPluginDashboard[], failing: Record<string, { status: number; message: string }> = {}) {
  const requests: BackendSrvRequest[] = [];
  const state = dashboards.map((d) => ({ ...d }));
  const answer = <T,>(options: BackendSrvRequest): { data: T } | FetchError => {
    if (options.method === 'GET' && options.url === `/api/plugins/${pluginId}/dashboards`) {
      return { data: state.map((d) => ({ ...d })) as T };
    }
    if (options.method === 'POST' && options.url === '/api/dashboards/import') {
      const { path } = options.data as { path: string };
      const failure = failing[path];
      const found = state.find((d) => d.path === path && d.pluginId === (options.data as { pluginId: string }).pluginId);
      if (failure || !found) {
        const status = failure?.status ?? 404;
        return { status, statusText: 'error', data: { message: failure?.message ?? 'Plugin dashboard not found' }, config: options };
      }
      const uid = path.replace(/\W/g, '');
      Object.assign(found, { uid, imported: true, importedRevision: found.revision, importedUri: `db/${uid}`, importedUrl: `/d/${uid}/${uid}`, slug: uid, dashboardId: 7 });
      return { data: { ...found } as T };
    }
    return { status: 404, statusText: 'Not Found', data: { message: 'Not found' }, config: options };
  };
  const fetch = <T,>(options: BackendSrvRequest) =>
    new Observable<FetchResponse<T>>((subscriber) => {
      requests.push(options);
      const result = answer<T>(options);
      setTimeout(() => ('status' in result ? subscriber.error(result) : (subscriber.next({ data: result.data, status: 200 } as FetchResponse<T>), subscriber.complete())));
    });
  setBackendSrv({ fetch } as unknown as BackendSrv);
  return { requests, state };
}

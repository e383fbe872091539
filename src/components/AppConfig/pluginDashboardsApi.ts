import { lastValueFrom } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';

/**
 * A plugin's dashboard as Grafana's plugin dashboards API answers it (GET /api/plugins/<id>/dashboards,
 * and POST /api/dashboards/import for one of them): what Grafana's own "Dashboards" tab reads.
 */
export interface PluginDashboard {
  uid: string;
  pluginId: string;
  title: string;
  imported: boolean;
  importedUrl: string;
  importedRevision: number;
  revision: number;
  description: string;
  path: string;
  removed: boolean;
}

export function listPluginDashboards(pluginId: string): Promise<PluginDashboard[]> {
  return request<PluginDashboard[]>({ method: 'GET', url: `/api/plugins/${encodeURIComponent(pluginId)}/dashboards` });
}

/** Imports (or replaces) one bundled dashboard, as the Dashboards tab does: no inputs, our datasource is a variable. */
export function importPluginDashboard(pluginId: string, path: string): Promise<PluginDashboard> {
  return request<PluginDashboard>({ method: 'POST', url: '/api/dashboards/import', data: { pluginId, path, overwrite: true, inputs: [] } });
}

async function request<T>(options: { method: 'GET' | 'POST'; url: string; data?: unknown }): Promise<T> {
  // The page shows each failure beside its dashboard, so Grafana's own error toast stays off.
  const response = await lastValueFrom(getBackendSrv().fetch<T>({ ...options, showErrorAlert: false }));
  return response.data;
}

/** Grafana's reason for a failed call ({"message": ...}), or the status, or the error's own text. */
export function reasonOf(error: unknown): string {
  if (isFetchError(error)) {
    const message = (error.data as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message !== '' ? message : `HTTP ${error.status} ${error.statusText ?? ''}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

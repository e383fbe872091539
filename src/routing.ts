import { PLUGIN_BASE_URL } from './constants';

/** The URL of an app page, for links inside the app. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** Grafana's page for adding a datasource of one type. */
export function newDatasourceUrl(type: string): string {
  return `/connections/datasources/${type}`;
}

/** Grafana's settings page of one datasource instance. */
export function datasourceSettingsUrl(uid: string): string {
  return `/connections/datasources/edit/${uid}`;
}

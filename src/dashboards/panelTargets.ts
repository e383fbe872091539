import type { Dashboard, Panel, RowPanel } from '@grafana/schema';

import { interpolateQuery } from '../datasource/templateVariables';
import type { ArgoPerfDataQuery } from '../datasource/types';
import { templateSrvDouble } from '../testing/templateSrvDouble';

/** Every panel of a dashboard, those inside collapsed rows included. */
export function panelsOf(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((panel: Panel | RowPanel) =>
    panel.type === 'row' ? ((panel as RowPanel).panels ?? []) : [panel as Panel]
  );
}

export interface ResolvedTarget {
  panel: Panel;
  query: ArgoPerfDataQuery;
}

/**
 * Each target of each panel with the dashboard's variables resolved to the given values by the
 * datasource's own interpolation (interpolateQuery), as the backend would receive it from Grafana.
 */
export function resolvedTargets(dashboard: Dashboard, values: Record<string, string | string[]>): ResolvedTarget[] {
  const templateSrv = templateSrvDouble(values);
  // Panels on another datasource (the optional Prometheus row) are Grafana's and that datasource's to answer.
  return panelsOf(dashboard).filter((panel) => panel.datasource?.type !== 'prometheus').flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel, query: interpolateQuery(target as unknown as ArgoPerfDataQuery, templateSrv) }))
  );
}

const VARIABLE_REFERENCE = /\$\{(\w+)(?::[^}]*)?\}|\$(\w+)|\[\[(\w+)\]\]/g;

/** The names of the variables a text refers to ($name, ${name}, ${name:format}, [[name]]). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE_REFERENCE)].map((match) => match[1] ?? match[2] ?? match[3]);
}

import type { Dashboard, DashboardLink, VariableModel } from '@grafana/schema';

import { datasourceVariable } from './datasource';
import { layout, type LayoutItem } from './layout';

/** The dashboard JSON model version Grafana 12.4 writes; older ones are migrated when loaded. */
export const SCHEMA_VERSION = 42;

/** Every bundled dashboard carries this tag; the dashboard links list the others by it. */
export const BUNDLE_TAG = 'argo-workflows-performance';

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags?: string[];
  /** Default time range, e.g. now-30d. */
  from: string;
  to?: string;
  /** Variables after the datasource variable, in the order shown. */
  variables: VariableModel[];
  items: LayoutItem[];
  /**
   * Grafana compares it with the imported copy's and offers an update (the config page, the Dashboards
   * tab): raise it when a bundled dashboard changes.
   */
  revision?: number;
}

const bundleLinks: DashboardLink[] = [
  {
    title: 'Argo Workflows dashboards',
    type: 'dashboards',
    tags: [BUNDLE_TAG],
    asDropdown: true,
    icon: 'external link',
    includeVars: true,
    keepTime: true,
    targetBlank: false,
    tooltip: '',
    url: '',
  },
];

export function dashboard(spec: DashboardSpec): Dashboard {
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: [BUNDLE_TAG, ...(spec.tags ?? [])],
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    revision: spec.revision ?? 1,
    editable: true,
    graphTooltip: 1,
    fiscalYearStartMonth: 0,
    liveNow: false,
    refresh: '',
    timezone: 'browser',
    time: { from: spec.from, to: spec.to ?? 'now' },
    timepicker: {},
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    links: bundleLinks,
    templating: { list: [datasourceVariable(), ...spec.variables] },
    panels: layout(spec.items),
  };
}

import type { Dashboard, Panel, RowPanel, VariableModel } from '@grafana/schema';

import { layout } from '../../dashboards/kit';
import { panelsOfDashboard } from './dashboardPanels';

/** The run timeline panel's plugin id (src/panels/runTimeline, nested in the app). */
export const TIMELINE_PANEL_ID = 'argoperf-runtimeline-panel';

/** Panels laid out again, in order, each at its own size (the kit's 24-column flow). */
export const relaid = (panels: Panel[]): Array<Panel | RowPanel> => layout(panels.map((panel) => ({ panel, w: panel.gridPos?.w ?? 24, h: panel.gridPos?.h ?? 8 })));

/**
 * The Run page: the run timeline panel as the Workflow detail dashboard defines it, on top, then the
 * Large run progress dashboard's panels; each defined once, in its dashboard.
 */
export function runPagePanels(progress: Dashboard, detail: Dashboard): Array<Panel | RowPanel> {
  const timelines = panelsOfDashboard(detail).filter((panel) => panel.type === TIMELINE_PANEL_ID);
  return relaid([...timelines, ...panelsOfDashboard(progress)]);
}

const VARIABLE_NAMES = /\$\{?(\w+)/g;

/** The progress dashboard's variables, plus those of the detail dashboard its timeline panels read. */
export function runPageVariables(progress: Dashboard, detail: Dashboard): VariableModel[] {
  const own = progress.templating?.list ?? [];
  const timelines = panelsOfDashboard(detail).filter((panel) => panel.type === TIMELINE_PANEL_ID);
  const read = new Set([...JSON.stringify(timelines).matchAll(VARIABLE_NAMES)].map((match) => match[1]));
  const missing = (detail.templating?.list ?? []).filter((variable) => read.has(variable.name) && !own.some((o) => o.name === variable.name));
  return [...own, ...missing];
}

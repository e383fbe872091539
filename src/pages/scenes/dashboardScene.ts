import type { Dashboard, Panel, RowPanel, VariableModel } from '@grafana/schema';
import { EmbeddedScene, SceneControlsSpacer, SceneRefreshPicker, SceneTimePicker, SceneTimeRange, VariableValueSelectors, type SceneObject } from '@grafana/scenes';

import { gridOf } from './panelAdapter';
import { variableSetOf } from './variablesAdapter';

export interface PageContent {
  /** Time range the page opens with (the dashboard's own unless given). */
  time?: { from: string; to: string };
  variables?: VariableModel[];
  panels?: Array<Panel | RowPanel>;
  /** What the page shows instead of the dashboard's grid (e.g. checks above a grid). */
  body?: SceneObject;
}

/**
 * A page showing a bundled dashboard's panels: its time range, its variables (selectors on top, both
 * kept in the URL by the app's URL sync as from/to and var-<name>) and its grid.
 */
export function dashboardScene(dashboard: Dashboard, content: PageContent = {}): EmbeddedScene {
  const time = content.time ?? { from: dashboard.time?.from ?? 'now-7d', to: dashboard.time?.to ?? 'now' };
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange(time),
    $variables: variableSetOf(content.variables ?? dashboard.templating?.list ?? []),
    controls: [new VariableValueSelectors({}), new SceneControlsSpacer(), new SceneTimePicker({ isOnCanvas: true }), new SceneRefreshPicker({ isOnCanvas: true })],
    body: content.body ?? gridOf(content.panels ?? dashboard.panels ?? []),
  });
}

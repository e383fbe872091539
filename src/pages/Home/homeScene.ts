import { SceneFlexItem, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';

import { cronSchedules } from '../../dashboards/cronSchedules';
import { workflowsOverview } from '../../dashboards/workflowsOverview';
import { dashboardScene } from '../scenes/dashboardScene';
import { gridOf } from '../scenes/panelAdapter';
import { relaid } from '../scenes/runPanels';
import { DashboardLinks, NowHeading } from './DashboardLinks';
import { HealthLines } from './HealthLines';
import { nowPanels, nowVariables } from './nowPanels';

/** "Right now" is the last day: the baseline ratios compare it with the 14 days before. */
export const HOME_TIME = { from: 'now-24h', to: 'now' };

/** Home: the checks, the way into the dashboards, then the "right now" panels of the overview and the cron dashboard. */
export function homeScene() {
  const sources = { overview: workflowsOverview(), crons: cronSchedules() };
  return dashboardScene(sources.overview, {
    time: HOME_TIME,
    variables: nowVariables(sources),
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({ height: 'auto', body: new SceneReactObject({ component: HealthLines }) }),
        new SceneFlexItem({ height: 'auto', body: new SceneReactObject({ component: DashboardLinks }) }),
        new SceneFlexItem({ height: 'auto', body: new SceneReactObject({ component: NowHeading }) }),
        new SceneFlexItem({ minHeight: 700, body: gridOf(relaid(nowPanels(sources))) }),
      ],
    }),
  });
}

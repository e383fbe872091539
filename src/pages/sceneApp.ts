import { SceneApp, SceneAppPage } from '@grafana/scenes';

import { ROUTES } from '../constants';
import { cronSchedules } from '../dashboards/cronSchedules';
import { largeRunProgress } from '../dashboards/largeRunProgress';
import { workflowDetail } from '../dashboards/workflowDetail';
import { prefixRoute } from '../routing';
import { homeScene } from './Home/homeScene';
import { pageText } from './pageText';
import { dashboardScene } from './scenes/dashboardScene';
import { runPagePanels, runPageVariables } from './scenes/runPanels';

function runScene() {
  const progress = largeRunProgress();
  const detail = workflowDetail();
  return dashboardScene(progress, { panels: runPagePanels(progress, detail), variables: runPageVariables(progress, detail) });
}

const page = (route: ROUTES, text: { title: string; subTitle: string }, getScene: () => ReturnType<typeof dashboardScene>) =>
  new SceneAppPage({ title: text.title, subTitle: text.subTitle, url: prefixRoute(route), routePath: `${route}/*`, getScene });

/** The app's pages; the time range and variables of each live in its URL (from, to, var-<name>). */
export function buildSceneApp(): SceneApp {
  return new SceneApp({
    name: 'argoperf-workflows-app',
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
    pages: [
      page(ROUTES.Home, pageText.home, homeScene),
      page(ROUTES.Workflow, pageText.workflow, () => dashboardScene(workflowDetail())),
      page(ROUTES.Run, pageText.run, runScene),
      page(ROUTES.Cron, pageText.cron, () => dashboardScene(cronSchedules())),
    ],
  });
}

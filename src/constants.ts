import pluginJson from './plugin.json';
import datasourcePluginJson from './datasource/plugin.json';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** The nested datasource's plugin id: the `type` of every datasource instance this app reads through. */
export const DATASOURCE_TYPE = datasourcePluginJson.id;

/** App page routes, relative to PLUGIN_BASE_URL; plugin.json lists the same paths for the navigation. */
export enum ROUTES {
  Home = 'home',
  Workflow = 'workflow',
  Run = 'run',
  Cron = 'cron',
}

/** Routes of earlier versions, still opened by bookmarks: each leads to the page that replaced it. */
export const OLD_ROUTES: Record<string, ROUTES> = {
  overview: ROUTES.Home,
  'cron-schedules': ROUTES.Cron,
};

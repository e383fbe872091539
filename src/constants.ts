import pluginJson from './plugin.json';
import datasourcePluginJson from './datasource/plugin.json';

export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** The nested datasource's plugin id: the `type` of every datasource instance this app reads through. */
export const DATASOURCE_TYPE = datasourcePluginJson.id;

/** App page routes, relative to PLUGIN_BASE_URL; plugin.json lists the same paths for the navigation. */
export enum ROUTES {
  Overview = 'overview',
  WorkflowDetail = 'workflow',
  CronSchedules = 'cron-schedules',
}

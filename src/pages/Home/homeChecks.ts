import pluginJson from '../../plugin.json';
import { checkAlertRules } from './alertRulesCheck';
import type { CheckLine } from './checkLine';
import { checkDashboards } from './dashboardsCheck';
import { checkDatasources } from './datasourceChecks';
import { checkFreshness } from './freshnessCheck';

/** Every Home check, in the order the page shows them: datasource and services, history, dashboards, alert rules. */
export async function runHomeChecks(): Promise<CheckLine[]> {
  const [datasources, dashboards, alertRules] = await Promise.all([checkDatasources(), checkDashboards(pluginJson.id), checkAlertRules()]);
  const freshness = await Promise.all(datasources.withHistory.map((ds) => checkFreshness(ds, datasources.named)));
  return [...datasources.lines, ...freshness.flat(), ...dashboards, ...alertRules];
}

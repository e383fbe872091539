import { listPluginDashboards, reasonOf } from '../../components/AppConfig/pluginDashboardsApi';
import type { CheckLine } from './checkLine';
import { homeText } from './homeText';

/** The app's configuration page, where the bundled dashboards are imported. */
export const configurationPageUrl = (pluginId: string) => `/plugins/${pluginId}?page=configuration`;

/** Whether every bundled dashboard is imported, and at its bundled revision. */
export async function checkDashboards(pluginId: string): Promise<CheckLine[]> {
  const action = { label: homeText.dashboards.action, href: configurationPageUrl(pluginId) };
  try {
    const dashboards = (await listPluginDashboards(pluginId)).filter((d) => !d.removed);
    const missing = dashboards.filter((d) => !d.imported).map((d) => d.title);
    const outdated = dashboards.filter((d) => d.imported && d.importedRevision < d.revision).map((d) => d.title);
    const lines: CheckLine[] = [];
    if (missing.length) {
      lines.push({ key: 'dashboards-missing', status: 'warning', text: homeText.dashboards.missing(missing), action });
    }
    if (outdated.length) {
      lines.push({ key: 'dashboards-outdated', status: 'warning', text: homeText.dashboards.outdated(outdated), action });
    }
    return lines.length ? lines : [{ key: 'dashboards', status: 'ok', text: homeText.dashboards.allImported(dashboards.length) }];
  } catch (error) {
    return [{ key: 'dashboards', status: 'warning', text: homeText.dashboards.failed(reasonOf(error)), action }];
  }
}

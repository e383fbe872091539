import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import appPluginJson from '../../plugin.json';
import { installPluginDashboardsDouble, pluginDashboard } from '../../testing/pluginDashboardsDouble';
import { BundledDashboards } from './BundledDashboards';
import { bundledDashboardsIds as ids, bundledDashboardsText as text } from './bundledDashboardsText';

const APP = appPluginJson.id;
const overview = pluginDashboard(APP, 'dashboards/workflows-overview.json', 'Argo Workflows overview');
const detail = pluginDashboard(APP, 'dashboards/workflow-detail.json', 'Argo workflow detail');
const status = (path: string) => screen.getByTestId(ids.status(path)).textContent;

describe('BundledDashboards', () => {
  test('lists each bundled dashboard with its status: not imported, imported, update available, no longer bundled', async () => {
    installPluginDashboardsDouble(APP, [
      overview,
      { ...detail, imported: true, importedRevision: 1, revision: 1, importedUrl: '/d/argoperf-workflow/argo-workflow-detail' },
      pluginDashboard(APP, 'dashboards/step-performance.json', 'Argo step performance', { imported: true, importedRevision: 1, revision: 2 }),
      pluginDashboard(APP, 'dashboards/old.json', 'Old', { imported: true, removed: true }),
    ]);
    render(<BundledDashboards pluginId={APP} />);
    await screen.findByTestId(ids.list);
    expect(status(overview.path)).toBe(text.notImported);
    expect(status(detail.path)).toBe(text.imported);
    expect(status('dashboards/step-performance.json')).toBe(text.updateAvailable(1, 2));
    expect(status('dashboards/old.json')).toBe(text.removed);
    expect(within(screen.getByTestId(ids.row(detail.path))).getByText(text.open).closest('a')).toHaveAttribute('href', '/d/argoperf-workflow/argo-workflow-detail');
    expect(screen.getByTestId(ids.importOne('dashboards/step-performance.json'))).toHaveTextContent(text.update);
    expect(screen.queryByTestId(ids.importOne('dashboards/old.json'))).toBeNull();
  });

  test('imports one dashboard as Grafana’s Dashboards tab does, then shows it imported with a link', async () => {
    const grafana = installPluginDashboardsDouble(APP, [overview, detail]);
    render(<BundledDashboards pluginId={APP} />);
    fireEvent.click(await screen.findByTestId(ids.importOne(overview.path)));
    await waitFor(() => expect(status(overview.path)).toBe(text.imported));
    expect(grafana.requests.map((r) => [r.method, r.url, r.data])).toEqual([
      ['GET', `/api/plugins/${APP}/dashboards`, undefined],
      ['POST', '/api/dashboards/import', { pluginId: APP, path: overview.path, overwrite: true, inputs: [] }],
    ]);
    expect(grafana.requests.every((r) => r.showErrorAlert === false)).toBe(true);
    expect(within(screen.getByTestId(ids.row(overview.path))).getByText(text.open).closest('a')).toHaveAttribute('href', '/d/dashboardsworkflowsoverviewjson/dashboardsworkflowsoverviewjson');
    expect(status(detail.path)).toBe(text.notImported);
  });

  test('import all imports every bundled dashboard; a failure is shown beside its dashboard with Grafana’s reason', async () => {
    const grafana = installPluginDashboardsDouble(APP, [overview, detail], {
      [detail.path]: { status: 403, message: 'Permission denied' },
    });
    render(<BundledDashboards pluginId={APP} />);
    fireEvent.click(await screen.findByTestId(ids.importAll));
    await waitFor(() => expect(status(detail.path)).toBe(text.importFailed('Permission denied')));
    expect(status(overview.path)).toBe(text.imported);
    expect(grafana.requests.filter((r) => r.method === 'POST').map((r) => (r.data as { path: string }).path)).toEqual([overview.path, detail.path]);
  });

  test('a list that cannot be read says why', async () => {
    installPluginDashboardsDouble('another-app', []);
    render(<BundledDashboards pluginId={APP} />);
    expect(await screen.findByText(text.listFailed('Not found'))).toBeInTheDocument();
  });

  test('an app without dashboards says so', async () => {
    installPluginDashboardsDouble(APP, []);
    render(<BundledDashboards pluginId={APP} />);
    expect(await screen.findByText(text.none)).toBeInTheDocument();
  });
});

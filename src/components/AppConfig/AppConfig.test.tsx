import React from 'react';
import { render, screen } from '@testing-library/react';

import appPluginJson from '../../plugin.json';
import { installPluginDashboardsDouble, pluginDashboard } from '../../testing/pluginDashboardsDouble';
import { bundledDashboardsIds } from './bundledDashboardsText';

import { appConfigText } from './appConfigText';
import { installFakeDatasources } from '../../testing/fakeDatasourceSrv';
import { testIds } from '../testIds';
import AppConfig, { type AppConfigProps } from './AppConfig';

describe('AppConfig', () => {
  test('points to the datasource, where the connections are configured, and lists the bundled dashboards', async () => {
    installFakeDatasources([]);
    installPluginDashboardsDouble(appPluginJson.id, [pluginDashboard(appPluginJson.id, 'dashboards/workflows-overview.json', 'Argo Workflows overview')]);
    render(<AppConfig {...({} as AppConfigProps)} />);
    expect(screen.getByTestId(testIds.appConfig.container)).toBeInTheDocument();
    expect(screen.getByText(appConfigText.intro)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.datasourceStatus.addDatasource)).toBeInTheDocument();
    expect(await screen.findByTestId(bundledDashboardsIds.row('dashboards/workflows-overview.json'))).toHaveTextContent('Argo Workflows overview');
  });
});

import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { LocationServiceProvider, locationService } from '@grafana/runtime';
import { render, screen } from '@testing-library/react';

import { DATASOURCE_TYPE } from '../../constants';
import { homeText } from '../../pages/Home/homeText';
import { installFakeDatasources, ROUTER_FUTURE } from '../../testing/fakeDatasourceSrv';
import { installGrafanaApiDouble } from '../../testing/grafanaApiDouble';
import { testIds } from '../testIds';
import App from './App';

/** As Grafana mounts an app: inside its location service (scenes keeps the URL there) and a router. */
function renderAt(path: string) {
  locationService.push(path);
  render(
    <LocationServiceProvider service={locationService}>
      <MemoryRouter initialEntries={[path]} future={ROUTER_FUTURE}>
        <App {...({} as AppRootProps)} />
      </MemoryRouter>
    </LocationServiceProvider>
  );
}

const SLOW = { timeout: 10000 };

describe('App pages', () => {
  beforeEach(() => {
    installFakeDatasources([]);
    installGrafanaApiDouble({});
  });

  test('Home is the default page and checks whether a datasource exists', async () => {
    renderAt('/');
    const line = await screen.findByTestId(testIds.home.line('datasource'), {}, SLOW);
    expect(line).toHaveTextContent(homeText.datasource.none);
    expect(screen.getByRole('link', { name: homeText.datasource.add })).toHaveAttribute('href', `/connections/datasources/${DATASOURCE_TYPE}`);
    // Then the way into the dashboards and what is slow, failing or late now.
    expect(screen.getByText(homeText.dashboardsTitle)).toBeInTheDocument();
    expect(screen.getByText(homeText.nowTitle)).toBeInTheDocument();
  });

  test('the old overview address opens Home', async () => {
    renderAt('/overview');
    expect(await screen.findByTestId(testIds.home.checks, {}, SLOW)).toBeInTheDocument();
  });
});

import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';

import { DATASOURCE_TYPE } from '../../constants';
import { pageText } from '../../pages/pageText';
import { installFakeDatasources, ROUTER_FUTURE } from '../../testing/fakeDatasourceSrv';
import { testIds } from '../testIds';
import App from './App';

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]} future={ROUTER_FUTURE}>
      <App {...({} as AppRootProps)} />
    </MemoryRouter>
  );
}

// Pages load lazily; on a busy machine the first chunk can take a while.
const LAZY = { timeout: 5000 };

describe('App pages', () => {
  beforeEach(() => installFakeDatasources([]));

  test('the overview is the default page and says what it will show', async () => {
    renderAt('/');
    expect(await screen.findByTestId(testIds.overview.container, {}, LAZY)).toBeInTheDocument();
    expect(screen.getByText(pageText.overview.plans[0])).toBeInTheDocument();
  });

  test('overview route', async () => {
    renderAt('/overview');
    expect(await screen.findByText(pageText.overview.intro, {}, LAZY)).toBeInTheDocument();
  });

  test('workflow detail names the workflow from the URL', async () => {
    renderAt('/workflow?namespace=ml&workflow=nightly-train');
    expect(await screen.findByTestId(testIds.workflowDetail.container, {}, LAZY)).toBeInTheDocument();
    expect(screen.getByText('ml/nightly-train')).toBeInTheDocument();
  });

  test('workflow detail without a workflow explains how to pick one', async () => {
    renderAt('/workflow');
    expect(await screen.findByText(pageText.workflowDetail.howToSelect, {}, LAZY)).toBeInTheDocument();
  });

  test('cron schedules', async () => {
    renderAt('/cron-schedules');
    expect(await screen.findByTestId(testIds.cronSchedules.container, {}, LAZY)).toBeInTheDocument();
    expect(screen.getByText(pageText.cronSchedules.plans[2])).toBeInTheDocument();
  });

  test('every page links to adding the datasource while none exists', async () => {
    renderAt('/cron-schedules');
    const add = await screen.findByTestId(testIds.datasourceStatus.addDatasource, {}, LAZY);
    expect(add).toHaveAttribute('href', `/connections/datasources/${DATASOURCE_TYPE}`);
  });
});

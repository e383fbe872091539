import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';

import { DATASOURCE_TYPE } from '../../constants';
import { datasourceStatusText } from './datasourceStatusText';
import { GRAFANA_BUILT_IN, installFakeDatasources, ROUTER_FUTURE } from '../../testing/fakeDatasourceSrv';
import { testIds } from '../testIds';
import { DatasourceStatus } from './DatasourceStatus';

// Grafana renders pages inside its router; links to its own pages need one.
const renderStatus = () =>
  render(
    <MemoryRouter future={ROUTER_FUTURE}>
      <DatasourceStatus />
    </MemoryRouter>
  );

describe('DatasourceStatus', () => {
  test('without a datasource it offers to add one', () => {
    installFakeDatasources([{ uid: 'p1', name: 'Prometheus', type: 'prometheus' }]);
    renderStatus();
    // Grafana always holds its built-in "-- Grafana --" datasource; it does not count as ours.
    expect(screen.getByText(datasourceStatusText.none)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.datasourceStatus.addDatasource)).toHaveAttribute(
      'href',
      `/connections/datasources/${DATASOURCE_TYPE}`
    );
  });

  test('lists the datasources of this app with links to their settings', () => {
    installFakeDatasources([
      { uid: 'a1', name: 'Argo prod', type: DATASOURCE_TYPE },
      { uid: 'p1', name: 'Prometheus', type: 'prometheus' },
    ]);
    renderStatus();
    const list = screen.getByTestId(testIds.datasourceStatus.configured);
    expect(within(list).getByText(/Argo prod/)).toBeInTheDocument();
    expect(within(list).queryByText(/Prometheus/)).not.toBeInTheDocument();
    // Grafana's getList appends its built-in datasource to a list filtered by type; it is not ours.
    expect(within(list).queryByText(new RegExp(GRAFANA_BUILT_IN.name))).not.toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByRole('link', { name: datasourceStatusText.settings })).toHaveAttribute(
      'href',
      '/connections/datasources/edit/a1'
    );
    expect(screen.queryByTestId(testIds.datasourceStatus.addDatasource)).not.toBeInTheDocument();
  });
});

import React from 'react';
import { render, screen } from '@testing-library/react';

import { pageText } from '../../pages/pageText';
import { installFakeDatasources } from '../../testing/fakeDatasourceSrv';
import { testIds } from '../testIds';
import AppConfig, { type AppConfigProps } from './AppConfig';

describe('AppConfig', () => {
  test('points to the datasource, where the connections are configured', () => {
    installFakeDatasources([]);
    render(<AppConfig {...({} as AppConfigProps)} />);
    expect(screen.getByTestId(testIds.appConfig.container)).toBeInTheDocument();
    expect(screen.getByText(pageText.appConfig.intro)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.datasourceStatus.addDatasource)).toBeInTheDocument();
  });
});

import React from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { Stack, Text } from '@grafana/ui';

import { pageText } from '../../pages/pageText';
import { DatasourceStatus } from '../DatasourceStatus/DatasourceStatus';
import { testIds } from '../testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta> {}

/** The app's configuration page: everything that needs configuring lives on the datasource, so point there. */
const AppConfig = (_props: AppConfigProps) => (
  <div data-testid={testIds.appConfig.container}>
    <Stack direction="column" gap={2}>
      <Text element="p">{pageText.appConfig.intro}</Text>
      <DatasourceStatus />
    </Stack>
  </div>
);

export default AppConfig;

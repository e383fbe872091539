import React from 'react';
import type { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { Stack, Text } from '@grafana/ui';

import pluginJson from '../../plugin.json';
import { appConfigText } from './appConfigText';
import { DatasourceStatus } from '../DatasourceStatus/DatasourceStatus';
import { testIds } from '../testIds';
import { BundledDashboards } from './BundledDashboards';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta> {}

/** The app's configuration page: connections live on the datasource, so point there; import the bundled dashboards. */
const AppConfig = (_props: AppConfigProps) => (
  <div data-testid={testIds.appConfig.container}>
    <Stack direction="column" gap={2}>
      <Text element="p">{appConfigText.intro}</Text>
      <DatasourceStatus />
      <BundledDashboards pluginId={pluginJson.id} />
    </Stack>
  </div>
);

export default AppConfig;

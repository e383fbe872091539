import React from 'react';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, LinkButton, Stack, Text, TextLink } from '@grafana/ui';

import { DATASOURCE_TYPE } from '../../constants';
import { datasourceStatusText } from './datasourceStatusText';
import { datasourceSettingsUrl, newDatasourceUrl } from '../../routing';
import { testIds } from '../testIds';

/** Which datasources of this app exist, with links to their settings, or a way to add the first one. */
export function DatasourceStatus() {
  // By pluginId: a list filtered by `type` also gets Grafana's built-in "-- Grafana --" appended.
  const datasources = getDataSourceSrv().getList({ pluginId: DATASOURCE_TYPE });
  const text = datasourceStatusText;

  if (datasources.length === 0) {
    return (
      <Alert severity="info" title={text.title}>
        <Stack direction="column" alignItems="flex-start">
          <Text>{text.none}</Text>
          <LinkButton
            icon="plus"
            href={newDatasourceUrl(DATASOURCE_TYPE)}
            data-testid={testIds.datasourceStatus.addDatasource}
          >
            {text.add}
          </LinkButton>
        </Stack>
      </Alert>
    );
  }

  return (
    <Stack direction="column" gap={1}>
      <Text element="h3">{text.title}</Text>
      <Text>{text.configured}</Text>
      <ul data-testid={testIds.datasourceStatus.configured}>
        {datasources.map((ds) => (
          <li key={ds.uid}>
            {ds.name} — <TextLink href={datasourceSettingsUrl(ds.uid)}>{text.settings}</TextLink>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

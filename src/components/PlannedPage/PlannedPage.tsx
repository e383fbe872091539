import React, { type ReactNode } from 'react';
import { PluginPage } from '@grafana/runtime';
import { Stack, Text } from '@grafana/ui';

import { pageText } from '../../pages/pageText';
import { DatasourceStatus } from '../DatasourceStatus/DatasourceStatus';

interface Props {
  testId: string;
  intro: string;
  plans: string[];
  children?: ReactNode;
}

/** A page whose panels are still being built: says what it will show and how to connect the data. */
export function PlannedPage({ testId, intro, plans, children }: Props) {
  return (
    <PluginPage>
      <div data-testid={testId}>
        <Stack direction="column" gap={3}>
          <Text element="p">{intro}</Text>
          <div>
            <Text element="h3">{pageText.comingNext}</Text>
            <ul>
              {plans.map((plan) => (
                <li key={plan}>{plan}</li>
              ))}
            </ul>
          </div>
          {children}
          <DatasourceStatus />
        </Stack>
      </div>
    </PluginPage>
  );
}

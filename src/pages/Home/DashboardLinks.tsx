import React from 'react';
import { Stack, Text, TextLink } from '@grafana/ui';

import { testIds } from '../../components/testIds';
import { ADDRESSES } from '../../dashboards/addresses';
import { slugOf } from '../../dashboards/kit';
import { homeText } from './homeText';

/** The bundled dashboards' addresses (stable uids), in the order the app lists them. */
export const dashboardLinks = () => Object.values(ADDRESSES).map((address) => ({ title: address.title, href: `/d/${address.uid}/${slugOf(address.title)}` }));

/** The way into the bundled dashboards. */
export function DashboardLinks() {
  return (
    <Stack direction="column" gap={1}>
      <Text element="h3">{homeText.dashboardsTitle}</Text>
      <div data-testid={testIds.home.dashboards}>
        <Stack direction="row" gap={2} wrap="wrap">
          {dashboardLinks().map((link) => (
            <TextLink key={link.href} href={link.href} inline={false}>
              {link.title}
            </TextLink>
          ))}
        </Stack>
      </div>
    </Stack>
  );
}

/** The heading of the "right now" panels below the links. */
export function NowHeading() {
  return <Text element="h3">{homeText.nowTitle}</Text>;
}

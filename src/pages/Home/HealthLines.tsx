import React, { useEffect, useState } from 'react';
import { Icon, LinkButton, LoadingPlaceholder, Stack, Text, type IconName } from '@grafana/ui';

import { testIds } from '../../components/testIds';
import type { CheckLine, CheckStatus } from './checkLine';
import { runHomeChecks } from './homeChecks';
import { homeText } from './homeText';

const LOOK: Record<CheckStatus, { icon: IconName; color: 'success' | 'warning' | 'error' }> = {
  ok: { icon: 'check-circle', color: 'success' },
  warning: { icon: 'exclamation-triangle', color: 'warning' },
  error: { icon: 'times-circle', color: 'error' },
};

/** Every Home check as one line: its state, what it found, and the action that fixes it. */
export function HealthLines({ run = runHomeChecks }: { run?: () => Promise<CheckLine[]> }) {
  const [lines, setLines] = useState<CheckLine[] | undefined>();
  useEffect(() => {
    let current = true;
    run().then((result) => current && setLines(result));
    return () => {
      current = false;
    };
  }, [run]);

  return (
    <Stack direction="column" gap={1}>
      <Text element="h3">{homeText.checksTitle}</Text>
      {lines ? (
        <ul data-testid={testIds.home.checks} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {lines.map((line) => (
            <li key={line.key} data-testid={testIds.home.line(line.key)} data-status={line.status} style={{ marginBottom: 6 }}>
              {/* The icon keeps its column and a long message wraps beside it, the action after it. */}
              <Stack direction="row" gap={1} alignItems="flex-start" wrap="nowrap">
                <Text color={LOOK[line.status].color}>
                  <Icon name={LOOK[line.status].icon} aria-label={line.status} />
                </Text>
                <div style={{ flex: '0 1 auto' }}>
                  <Text>{line.text}</Text>
                </div>
                {line.action?.href ? (
                  <LinkButton size="sm" variant="secondary" fill="outline" href={line.action.href}>
                    {line.action.label}
                  </LinkButton>
                ) : line.action ? (
                  <Text color="secondary" italic>
                    {line.action.label}
                  </Text>
                ) : null}
              </Stack>
            </li>
          ))}
        </ul>
      ) : (
        <LoadingPlaceholder text={homeText.checking} />
      )}
    </Stack>
  );
}

import React, { type ReactNode } from 'react';
import { Field, FieldSet, Switch, Text } from '@grafana/ui';

/** A settings section for a service the datasource may or may not use: a switch turns it on and off;
 * the section renders its fields only while its settings exist. */
interface Props {
  title: string;
  description: string;
  enabledLabel: string;
  enabled: boolean;
  switchTestId: string;
  onToggle: (enabled: boolean) => void;
  children: ReactNode;
}

export function OptionalServiceSection({
  title,
  description,
  enabledLabel,
  enabled,
  switchTestId,
  onToggle,
  children,
}: Props) {
  return (
    <FieldSet label={title}>
      <Text element="p" color="secondary">
        {description}
      </Text>
      <Field label={enabledLabel}>
        <Switch
          value={enabled}
          data-testid={switchTestId}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
      </Field>
      {children}
    </FieldSet>
  );
}

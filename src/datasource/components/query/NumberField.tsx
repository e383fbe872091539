import React from 'react';
import { InlineField, Input } from '@grafana/ui';

interface Props {
  label: string;
  tooltip: string;
  value?: number;
  /** Input width, in Grafana's grid units. */
  width: number;
  min: number;
  suffix?: string;
  testId: string;
  invalid?: boolean;
  /** Gets the typed number, or undefined when the field is emptied. */
  onChange: (value: number | undefined) => void;
  /** Runs the query once the user leaves the field, not on every keystroke. */
  onCommit: () => void;
}

/** A number written while typing and run when the user leaves the field. */
export function NumberField({ label, tooltip, value, width, min, suffix, testId, invalid, onChange, onCommit }: Props) {
  return (
    <InlineField label={label} tooltip={tooltip} labelWidth={14} invalid={invalid}>
      <Input
        type="number"
        width={width}
        min={min}
        value={value ?? ''}
        suffix={suffix}
        data-testid={testId}
        onChange={(event) => {
          const typed = event.currentTarget.value;
          onChange(typed === '' ? undefined : Number(typed));
        }}
        onBlur={onCommit}
      />
    </InlineField>
  );
}

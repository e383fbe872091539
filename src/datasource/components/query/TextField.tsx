import React from 'react';
import { InlineField, Input } from '@grafana/ui';

interface TextFieldProps {
  label: string;
  tooltip: string;
  placeholder?: string;
  labelWidth?: number;
  width: number;
  value: string;
  testId: string;
  invalid: boolean;
  /** Each keystroke: kept in the query, not run yet. */
  onType: (text: string) => void;
  /** The user left the field: run the query. */
  onDone: () => void;
}

/** A text field written as typed and run once the user leaves it (run names, uids). */
export function TextField({
  label,
  tooltip,
  placeholder,
  labelWidth,
  width,
  value,
  testId,
  invalid,
  onType,
  onDone,
}: TextFieldProps) {
  return (
    <InlineField label={label} tooltip={tooltip} labelWidth={labelWidth} invalid={invalid}>
      <Input
        width={width}
        value={value}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(event) => onType(event.currentTarget.value)}
        onBlur={onDone}
      />
    </InlineField>
  );
}

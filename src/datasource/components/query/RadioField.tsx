import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';

interface Props<T> {
  label: string;
  tooltip: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  /** Set on a wrapping element: RadioButtonGroup does not pass a test id on. */
  testId?: string;
}

/** One choice of a few, shown as buttons, with the pickers' label width. */
export function RadioField<T>({ label, tooltip, options, value, onChange, testId }: Props<T>) {
  return (
    <div data-testid={testId}>
      <InlineField label={label} tooltip={tooltip} labelWidth={14}>
        <RadioButtonGroup<T> options={options} value={value} onChange={onChange} />
      </InlineField>
    </div>
  );
}

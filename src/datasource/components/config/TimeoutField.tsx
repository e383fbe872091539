import React from 'react';
import { Field, Input } from '@grafana/ui';

import { configText } from './configText';

interface Props {
  value?: number;
  onChange: (seconds: number | undefined) => void;
  error?: string;
  testId: string;
}

/** Request timeout in whole seconds; an empty field falls back to the default. */
export function TimeoutField({ value, onChange, error, testId }: Props) {
  return (
    <Field
      label={configText.timeout.label}
      description={configText.timeout.description}
      invalid={Boolean(error)}
      error={error}
    >
      <Input
        type="number"
        width={12}
        min={1}
        value={value ?? ''}
        data-testid={testId}
        onChange={(event) => {
          const text = event.currentTarget.value;
          onChange(text === '' ? undefined : Number(text));
        }}
      />
    </Field>
  );
}

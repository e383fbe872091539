import React from 'react';
import { Field, Input } from '@grafana/ui';

interface Props {
  label: string;
  description: string;
  value?: number;
  /** Gets the typed number, or undefined when the field is emptied (the setting's default applies). */
  onChange: (value: number | undefined) => void;
  error?: string;
  testId: string;
  max?: number;
  /** Shown while the field is empty: usually the default. */
  placeholder?: string;
}

/** A whole-number setting of at least 1; an empty field falls back to the default. */
export function NumberSettingField({ label, description, value, onChange, error, testId, max, placeholder }: Props) {
  return (
    <Field label={label} description={description} invalid={Boolean(error)} error={error}>
      <Input
        type="number"
        width={12}
        min={1}
        max={max}
        value={value ?? ''}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(event) => {
          const text = event.currentTarget.value;
          onChange(text === '' ? undefined : Number(text));
        }}
      />
    </Field>
  );
}

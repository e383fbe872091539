import React from 'react';
import { InlineField, MultiCombobox, type ComboboxOption } from '@grafana/ui';

import { describeCustom } from './queryOptions';

interface Props {
  label: string;
  tooltip: string;
  options: Array<ComboboxOption<string>>;
  value: string[];
  /** Turns what the user typed into a stored value (team → label:team). */
  normalize: (text: string) => string;
  onChange: (values: string[]) => void;
  testId: string;
  placeholder?: string;
  invalid?: boolean;
}

/** A list of choices from fixed options plus values the user types (group keys, statistics). */
export function ChoiceListField({
  label,
  tooltip,
  options,
  value,
  normalize,
  onChange,
  testId,
  placeholder,
  invalid,
}: Props) {
  const known = new Set(options.map((option) => option.value));
  const selected = value.map((item) => options.find((option) => option.value === item) ?? describeCustom(item));
  return (
    <div data-testid={testId}>
      <InlineField label={label} tooltip={tooltip} labelWidth={14} invalid={invalid}>
        <MultiCombobox<string>
          width="auto"
          minWidth={30}
          options={options}
          value={selected}
          placeholder={placeholder}
          createCustomValue
          onChange={(chosen) => {
            const values = chosen.map((option) => (known.has(option.value) ? option.value : normalize(option.value)));
            onChange([...new Set(values)]);
          }}
        />
      </InlineField>
    </div>
  );
}

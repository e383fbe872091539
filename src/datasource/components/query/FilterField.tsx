import React, { useRef } from 'react';
import { InlineField, MultiCombobox, type ComboboxOption } from '@grafana/ui';

import { testIds } from '../../testIds';
import { queryText } from './queryText';

interface Props {
  label: string;
  kind: string;
  value: string[];
  onChange: (values: string[]) => void;
  /** Values to offer; called once per `scope` (for example the selected namespace). */
  loadValues: () => Promise<string[]>;
  scope: string;
  /** Dashboard variables, offered as $name. */
  variables: string[];
}

/** One filter list: values the backend knows, dashboard variables, or anything typed. */
export function FilterField({ label, kind, value, onChange, loadValues, scope, variables }: Props) {
  const cache = useRef<{ scope: string; values: Promise<string[]> }>();

  const options = async (input: string): Promise<Array<ComboboxOption<string>>> => {
    if (cache.current?.scope !== scope) {
      // When the backend cannot list values (not configured, no access) typing a value still works.
      cache.current = { scope, values: loadValues().catch(() => []) };
    }
    const values = await cache.current.values;
    const needle = input.toLowerCase();
    const matches = (text: string) => text.toLowerCase().includes(needle);
    return [
      ...variables.filter(matches).map((name) => ({ value: name, group: queryText.filters.variable })),
      ...values.filter(matches).map((name) => ({ value: name })),
    ];
  };

  return (
    <div data-testid={testIds.queryEditor.filter(kind)}>
      <InlineField label={label} labelWidth={14}>
        <MultiCombobox<string>
          width="auto"
          minWidth={24}
          options={options}
          value={value}
          placeholder={queryText.filters.placeholder}
          createCustomValue
          onChange={(chosen) => onChange([...new Set(chosen.map((option) => option.value))])}
        />
      </InlineField>
    </div>
  );
}

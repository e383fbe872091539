import React from 'react';
import { Combobox, InlineField } from '@grafana/ui';

import { AVAILABLE_QUERY_TYPES, type QueryType } from '../../../query/model';
import { testIds } from '../../testIds';
import { queryText } from './queryText';

const text = queryText.queryType;
const OPTIONS = AVAILABLE_QUERY_TYPES.map((value) => ({
  value,
  label: text.options[value] ?? value,
  description: text.descriptions[value],
}));

/** One drop-down with a line per type: nine types as buttons overflowed the panel editor (1600 px). */
export function QueryTypeField({ value, onChange }: { value: QueryType; onChange: (queryType: QueryType) => void }) {
  return (
    <div data-testid={testIds.queryEditor.queryType}>
      <InlineField label={text.label} tooltip={text.tooltip} labelWidth={14}>
        <Combobox<QueryType> options={OPTIONS} value={value} width={28} onChange={(option) => onChange(option.value)} />
      </InlineField>
    </div>
  );
}

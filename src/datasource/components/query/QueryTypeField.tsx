import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';

import { AVAILABLE_QUERY_TYPES, type QueryType } from '../../../query/model';
import { testIds } from '../../testIds';
import { queryText } from './queryText';

const text = queryText.queryType;
const OPTIONS = AVAILABLE_QUERY_TYPES.map((value) => ({ value, label: text.options[value] ?? value }));

export function QueryTypeField({ value, onChange }: { value: QueryType; onChange: (queryType: QueryType) => void }) {
  return (
    <div data-testid={testIds.queryEditor.queryType}>
      <InlineField label={text.label} tooltip={text.tooltip} labelWidth={14}>
        <RadioButtonGroup<QueryType> options={OPTIONS} value={value} onChange={onChange} />
      </InlineField>
    </div>
  );
}

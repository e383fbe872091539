import React from 'react';

import { AVAILABLE_QUERY_TYPES, type QueryType } from '../../../query/model';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { RadioField } from './RadioField';

const text = queryText.queryType;
const OPTIONS = AVAILABLE_QUERY_TYPES.map((value) => ({ value, label: text.options[value] ?? value }));

export function QueryTypeField({ value, onChange }: { value: QueryType; onChange: (queryType: QueryType) => void }) {
  return (
    <RadioField<QueryType>
      label={text.label}
      tooltip={text.tooltip}
      options={OPTIONS}
      value={value}
      onChange={onChange}
      testId={testIds.queryEditor.queryType}
    />
  );
}

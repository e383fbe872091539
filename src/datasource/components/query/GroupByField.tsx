import React from 'react';

import type { GroupKey } from '../../../query/groupBy';
import { testIds } from '../../testIds';
import { ChoiceListField } from './ChoiceListField';
import { GROUP_BY_OPTIONS, toGroupKey } from './queryOptions';
import { queryText } from './queryText';

interface Props {
  value: GroupKey[];
  onChange: (groupBy: GroupKey[]) => void;
  invalid?: boolean;
}

export function GroupByField({ value, onChange, invalid }: Props) {
  return (
    <ChoiceListField
      label={queryText.groupBy.label}
      tooltip={queryText.groupBy.tooltip}
      placeholder={queryText.groupBy.placeholder}
      options={GROUP_BY_OPTIONS}
      value={value}
      normalize={toGroupKey}
      onChange={(groupBy) => onChange(groupBy.map(toGroupKey))}
      testId={testIds.queryEditor.groupBy}
      invalid={invalid}
    />
  );
}

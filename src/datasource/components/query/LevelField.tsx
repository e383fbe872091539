import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';

import { LEVELS, type Level } from '../../../query/model';
import { queryText } from './queryText';

const text = queryText.level;
const OPTIONS = LEVELS.map((value) => ({ value, label: text.options[value] }));

export function LevelField({ value, onChange }: { value: Level; onChange: (level: Level) => void }) {
  return (
    <InlineField label={text.label} tooltip={text.tooltip} labelWidth={14}>
      <RadioButtonGroup<Level> options={OPTIONS} value={value} onChange={onChange} />
    </InlineField>
  );
}

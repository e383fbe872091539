import React from 'react';

import { LEVELS, type Level } from '../../../query/model';
import { queryText } from './queryText';
import { RadioField } from './RadioField';

const text = queryText.level;
const OPTIONS = LEVELS.map((value) => ({ value, label: text.options[value] }));

export function LevelField({ value, onChange }: { value: Level; onChange: (level: Level) => void }) {
  return (
    <RadioField<Level> label={text.label} tooltip={text.tooltip} options={OPTIONS} value={value} onChange={onChange} />
  );
}

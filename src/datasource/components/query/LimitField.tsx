import React from 'react';

import { testIds } from '../../testIds';
import { NumberField } from './NumberField';
import { queryText } from './queryText';

interface Props {
  value?: number;
  /** What the limit counts, when not groups. */
  tooltip?: string;
  onChange: (limit: number | undefined) => void;
  /** Runs the query once the user leaves the field, not on every keystroke. */
  onCommit: () => void;
}

export function LimitField({ value, tooltip, onChange, onCommit }: Props) {
  return (
    <NumberField
      label={queryText.limit.label}
      tooltip={tooltip ?? queryText.limit.tooltip}
      value={value}
      width={10}
      min={1}
      testId={testIds.queryEditor.limit}
      onChange={onChange}
      onCommit={onCommit}
    />
  );
}

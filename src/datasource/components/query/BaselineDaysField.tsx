import React from 'react';

import { testIds } from '../../testIds';
import { NumberField } from './NumberField';
import { queryText } from './queryText';

interface Props {
  value?: number;
  onChange: (days: number | undefined) => void;
  /** Runs the query once the user leaves the field, not on every keystroke. */
  onCommit: () => void;
  invalid: boolean;
  /** What the baseline is, when not the runs table's median. */
  tooltip?: string;
}

/** Days of history, ending at the end of the time range, whose median duration is a run's baseline. */
export function BaselineDaysField({ value, onChange, onCommit, invalid, tooltip }: Props) {
  return (
    <NumberField
      label={queryText.baselineDays.label}
      tooltip={tooltip ?? queryText.baselineDays.tooltip}
      value={value}
      width={10}
      min={1}
      suffix={queryText.baselineDays.suffix}
      testId={testIds.queryEditor.baselineDays}
      invalid={invalid}
      onChange={onChange}
      onCommit={onCommit}
    />
  );
}

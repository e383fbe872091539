import React from 'react';
import { InlineField, Input } from '@grafana/ui';

import { testIds } from '../../testIds';
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
    <InlineField label={queryText.baselineDays.label} tooltip={tooltip ?? queryText.baselineDays.tooltip} labelWidth={14} invalid={invalid}>
      <Input
        type="number"
        width={10}
        min={1}
        value={value ?? ''}
        suffix={queryText.baselineDays.suffix}
        data-testid={testIds.queryEditor.baselineDays}
        onChange={(event) => {
          const text = event.currentTarget.value;
          onChange(text === '' ? undefined : Number(text));
        }}
        onBlur={onCommit}
      />
    </InlineField>
  );
}

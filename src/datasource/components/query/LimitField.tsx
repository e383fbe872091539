import React from 'react';
import { InlineField, Input } from '@grafana/ui';

import { testIds } from '../../testIds';
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
    <InlineField label={queryText.limit.label} tooltip={tooltip ?? queryText.limit.tooltip} labelWidth={14}>
      <Input
        type="number"
        width={10}
        min={1}
        value={value ?? ''}
        data-testid={testIds.queryEditor.limit}
        onChange={(event) => {
          const text = event.currentTarget.value;
          onChange(text === '' ? undefined : Number(text));
        }}
        onBlur={onCommit}
      />
    </InlineField>
  );
}

import React from 'react';
import { InlineField, InlineFieldRow, Input, RadioButtonGroup } from '@grafana/ui';

import { CRON_DRIFT_VIEWS, type CronDriftQuery, type CronDriftView } from '../../../query/cronDriftQuery';
import type { ArgoPerfDataQuery } from '../../types';
import { testIds } from '../../testIds';
import { LimitField } from './LimitField';
import { queryText } from './queryText';
import type { SectionProps } from './sectionProps';

const text = queryText.cronDrift;
const VIEW_OPTIONS = CRON_DRIFT_VIEWS.map((value) => ({ value, label: text.view.options[value] }));

interface WholeNumberProps {
  label: string;
  tooltip: string;
  suffix: string;
  value?: number;
  min: number;
  testId: string;
  invalid: boolean;
  onChange: (value: number | undefined) => void;
  onCommit: () => void;
}

/** A number written while typing and run when the user leaves the field. */
function WholeNumberField({
  label,
  tooltip,
  suffix,
  value,
  min,
  testId,
  invalid,
  onChange,
  onCommit,
}: WholeNumberProps) {
  return (
    <InlineField label={label} tooltip={tooltip} labelWidth={14} invalid={invalid}>
      <Input
        type="number"
        width={12}
        min={min}
        value={value ?? ''}
        suffix={suffix}
        data-testid={testId}
        onChange={(event) => {
          const typed = event.currentTarget.value;
          onChange(typed === '' ? undefined : Number(typed));
        }}
        onBlur={onCommit}
      />
    </InlineField>
  );
}

/** cronDrift: which view of the crons' ticks and runs, the grace period, and the view's own row limit or lookback. */
export function CronDriftSection({ shown, query, change, invalid }: SectionProps<CronDriftQuery>) {
  const write = (patch: Partial<ArgoPerfDataQuery>) => change(patch, false);
  return (
    <InlineFieldRow>
      <div data-testid={testIds.queryEditor.cronDriftView}>
        <InlineField label={text.view.label} tooltip={text.view.tooltip} labelWidth={14}>
          <RadioButtonGroup<CronDriftView>
            options={VIEW_OPTIONS}
            value={shown.view}
            onChange={(view) => change({ view })}
          />
        </InlineField>
      </div>
      <WholeNumberField
        {...text.grace}
        value={query.graceSeconds ?? shown.graceSeconds}
        min={0}
        testId={testIds.queryEditor.cronDriftGrace}
        invalid={invalid('graceSeconds')}
        onChange={(graceSeconds) => write({ graceSeconds })}
        onCommit={() => change({})}
      />
      {shown.view === 'runs' && (
        <LimitField
          value={query.limit ?? shown.limit}
          tooltip={text.limitTooltip}
          onChange={(limit) => write({ limit })}
          onCommit={() => change({})}
        />
      )}
      {shown.view === 'sinceSuccess' && (
        <WholeNumberField
          {...text.lookback}
          value={query.lookbackDays ?? shown.lookbackDays}
          min={1}
          testId={testIds.queryEditor.cronDriftLookback}
          invalid={invalid('lookbackDays')}
          onChange={(lookbackDays) => write({ lookbackDays })}
          onCommit={() => change({})}
        />
      )}
    </InlineFieldRow>
  );
}

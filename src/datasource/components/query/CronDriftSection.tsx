import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import { CRON_DRIFT_VIEWS, type CronDriftQuery, type CronDriftView } from '../../../query/cronDriftQuery';
import type { ArgoPerfDataQuery } from '../../types';
import { testIds } from '../../testIds';
import { LimitField } from './LimitField';
import { NumberField } from './NumberField';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import type { SectionProps } from './sectionProps';

const text = queryText.cronDrift;
const VIEW_OPTIONS = CRON_DRIFT_VIEWS.map((value) => ({ value, label: text.view.options[value] }));

/** cronDrift: which view of the crons' ticks and runs, the grace period, and the view's own row limit or lookback. */
export function CronDriftSection({ shown, query, change, invalid }: SectionProps<CronDriftQuery>) {
  const write = (patch: Partial<ArgoPerfDataQuery>) => change(patch, false);
  return (
    <InlineFieldRow>
      <RadioField<CronDriftView>
        label={text.view.label}
        tooltip={text.view.tooltip}
        options={VIEW_OPTIONS}
        value={shown.view}
        onChange={(view) => change({ view })}
        testId={testIds.queryEditor.cronDriftView}
      />
      <NumberField
        {...text.grace}
        width={12}
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
      {(shown.view === 'sinceSuccess' || shown.view === 'sinceSuccessPeriods') && (
        <NumberField
          {...text.lookback}
          width={12}
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

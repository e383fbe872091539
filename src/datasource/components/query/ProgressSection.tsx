import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch } from '@grafana/ui';

import { PROGRESS_VIEWS, type ProgressQuery, type ProgressView } from '../../../query/progressQuery';
import { testIds } from '../../testIds';
import { LimitField } from './LimitField';
import { NumberField } from './NumberField';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import { SourceField } from './SourceField';
import { TextField } from './TextField';
import type { SectionProps } from './sectionProps';

const text = queryText.progress;
const VIEW_OPTIONS = PROGRESS_VIEWS.map((value) => ({ value, label: text.view.options[value] }));

/** progress: one run by name, which view of its steps, and the view's own option. */
export function ProgressSection({ shown, query, change, invalid }: SectionProps<ProgressQuery>) {
  return (
    <>
      <InlineFieldRow>
        <TextField
          {...text.run}
          labelWidth={14}
          width={30}
          value={query.run ?? ''}
          testId={testIds.queryEditor.progressRun}
          invalid={invalid('run')}
          onType={(run) => change({ run }, false)}
          onDone={() => change({})}
        />
        <RadioField<ProgressView>
          label={text.view.label}
          tooltip={text.view.tooltip}
          options={VIEW_OPTIONS}
          value={shown.view}
          onChange={(view) => change({ view })}
          testId={testIds.queryEditor.progressView}
        />
        <SourceField value={shown.source} onChange={(source) => change({ source })} />
      </InlineFieldRow>
      <InlineFieldRow>
        {shown.view === 'overTime' && (
          <InlineField label={text.cumulative.label} tooltip={text.cumulative.tooltip} labelWidth={14}>
            <InlineSwitch
              value={shown.cumulative}
              data-testid={testIds.queryEditor.progressCumulative}
              onChange={(event) => change({ cumulative: event.currentTarget.checked })}
            />
          </InlineField>
        )}
        {shown.view === 'summary' && (
          <NumberField
            {...text.rate}
            width={12}
            value={query.rateMinutes ?? shown.rateMinutes}
            min={1}
            testId={testIds.queryEditor.progressRate}
            invalid={invalid('rateMinutes')}
            onChange={(rateMinutes) => change({ rateMinutes }, false)}
            onCommit={() => change({})}
          />
        )}
        {shown.view === 'failures' && (
          <LimitField
            value={query.limit ?? shown.limit}
            onChange={(limit) => change({ limit }, false)}
            onCommit={() => change({})}
          />
        )}
      </InlineFieldRow>
    </>
  );
}

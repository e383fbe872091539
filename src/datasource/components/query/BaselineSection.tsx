import React from 'react';
import { Combobox, InlineField, InlineFieldRow, Input } from '@grafana/ui';

import { BASELINE_VALUES, type BaselineQuery, type BaselineStat, type BaselineValue } from '../../../query/baselineQuery';
import { testIds } from '../../testIds';
import { BaselineDaysField } from './BaselineDaysField';
import { GroupByField } from './GroupByField';
import { LevelField } from './LevelField';
import { LimitField } from './LimitField';
import { toStat } from './queryOptions';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import type { SectionProps } from './sectionProps';

const text = queryText.baselineStat;
const STAT_OPTIONS = Object.entries(text.options).map(([value, label]) => ({ value, label }));
const VALUE_OPTIONS = BASELINE_VALUES.map((value) => ({ value, label: queryText.baselineValue.options[value] }));

/** baseline: per group, a statistic over the current window ÷ the same over the baseline window. */
export function BaselineSection({ shown, query, change, invalid }: SectionProps<BaselineQuery>) {
  return (
    <>
      <InlineFieldRow>
        <LevelField value={shown.level} onChange={(level) => change({ level })} />
        <div data-testid={testIds.queryEditor.baselineStat}>
          <InlineField label={text.label} tooltip={text.tooltip} labelWidth={14} invalid={invalid('stat')}>
            <Combobox<string>
              width="auto"
              minWidth={24}
              options={STAT_OPTIONS}
              value={STAT_OPTIONS.find((option) => option.value === shown.stat) ?? { value: shown.stat, label: shown.stat }}
              createCustomValue
              onChange={(option) => change({ stat: toStat(option.value) as BaselineStat })}
            />
          </InlineField>
        </div>
        <RadioField<BaselineValue>
          label={queryText.baselineValue.label}
          tooltip={queryText.baselineValue.tooltip}
          options={VALUE_OPTIONS}
          value={shown.value}
          onChange={(value) => change({ value })}
          testId={testIds.queryEditor.baselineValue}
        />
        <LimitField value={query.limit ?? shown.limit} onChange={(limit) => change({ limit }, false)} onCommit={() => change({})} />
      </InlineFieldRow>
      <InlineFieldRow>
        <GroupByField value={shown.groupBy} onChange={(groupBy) => change({ groupBy })} invalid={invalid('groupBy')} />
        <InlineField
          label={queryText.currentMinutes.label}
          tooltip={queryText.currentMinutes.tooltip}
          labelWidth={14}
          invalid={invalid('currentMinutes')}
        >
          <Input
            type="number"
            width={12}
            min={1}
            value={query.currentMinutes ?? shown.currentMinutes}
            suffix={queryText.currentMinutes.suffix}
            data-testid={testIds.queryEditor.currentMinutes}
            onChange={(event) => {
              const value = event.currentTarget.value;
              change({ currentMinutes: value === '' ? undefined : Number(value) }, false);
            }}
            onBlur={() => change({})}
          />
        </InlineField>
        <BaselineDaysField
          value={query.baselineDays ?? shown.baselineDays}
          tooltip={queryText.baselineWindowTooltip}
          onChange={(baselineDays) => change({ baselineDays }, false)}
          onCommit={() => change({})}
          invalid={invalid('baselineDays')}
        />
      </InlineFieldRow>
    </>
  );
}

import React from 'react';
import { InlineField, InlineFieldRow, Input } from '@grafana/ui';

import { METRIC_AGGREGATIONS, type MetricAggregation, type MetricsQuery } from '../../../query/metricsQuery';
import { testIds } from '../../testIds';
import { GroupByField } from './GroupByField';
import { LevelField } from './LevelField';
import { LimitField } from './LimitField';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import type { SectionProps } from './sectionProps';

const AGGREGATION_OPTIONS = METRIC_AGGREGATIONS.map((value) => ({ value, label: queryText.aggregation.options[value] }));

/** metrics: one number the workflows report (metrics.<name>), aggregated over time per group. */
export function MetricsSection({ shown, query, change, invalid }: SectionProps<MetricsQuery>) {
  return (
    <>
      <InlineFieldRow>
        <InlineField label={queryText.metric.label} tooltip={queryText.metric.tooltip} labelWidth={14} invalid={invalid('metric')}>
          <Input
            width={30}
            value={query.metric ?? ''}
            placeholder={queryText.metric.placeholder}
            data-testid={testIds.queryEditor.metric}
            // The name is written as typed and run once the user leaves the field.
            onChange={(event) => change({ metric: event.currentTarget.value }, false)}
            onBlur={() => change({})}
          />
        </InlineField>
        <RadioField<MetricAggregation>
          label={queryText.aggregation.label}
          tooltip={queryText.aggregation.tooltip}
          options={AGGREGATION_OPTIONS}
          value={shown.aggregation}
          onChange={(aggregation) => change({ aggregation })}
          testId={testIds.queryEditor.aggregation}
        />
      </InlineFieldRow>
      <InlineFieldRow>
        <LevelField value={shown.level} onChange={(level) => change({ level })} />
        <GroupByField value={shown.groupBy} onChange={(groupBy) => change({ groupBy })} invalid={invalid('groupBy')} />
        <LimitField value={query.limit ?? shown.limit} onChange={(limit) => change({ limit }, false)} onCommit={() => change({})} />
      </InlineFieldRow>
    </>
  );
}

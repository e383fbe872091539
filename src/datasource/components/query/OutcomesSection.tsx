import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import { OUTCOME_MEASURES, OUTCOME_VIEWS, type OutcomeMeasure, type OutcomesQuery, type OutcomeView } from '../../../query/outcomesQuery';
import { testIds } from '../../testIds';
import { ChoiceListField } from './ChoiceListField';
import { GroupByField } from './GroupByField';
import { LevelField } from './LevelField';
import { LimitField } from './LimitField';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import type { SectionProps } from './sectionProps';

const VIEW_OPTIONS = OUTCOME_VIEWS.map((value) => ({ value, label: queryText.view.options[value] }));
const MEASURE_OPTIONS = OUTCOME_MEASURES.map((value) => ({ value, label: queryText.measures.options[value] }));

/** A typed measure: "Failure rate" → failure_rate; validation judges the rest. */
const toMeasure = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '_');

/** outcomes: counts and failure rate over time, or the top failure reasons, per group. */
export function OutcomesSection({ shown, query, change, invalid }: SectionProps<OutcomesQuery>) {
  return (
    <>
      <InlineFieldRow>
        <LevelField value={shown.level} onChange={(level) => change({ level })} />
        <RadioField<OutcomeView>
          label={queryText.view.label}
          tooltip={queryText.view.tooltip}
          options={VIEW_OPTIONS}
          value={shown.view}
          onChange={(view) => change({ view })}
          testId={testIds.queryEditor.view}
        />
        <LimitField value={query.limit ?? shown.limit} onChange={(limit) => change({ limit }, false)} onCommit={() => change({})} />
      </InlineFieldRow>
      <InlineFieldRow>
        <GroupByField value={shown.groupBy} onChange={(groupBy) => change({ groupBy })} invalid={invalid('groupBy')} />
        {shown.view === 'overTime' && (
          <ChoiceListField
            label={queryText.measures.label}
            tooltip={queryText.measures.tooltip}
            options={MEASURE_OPTIONS}
            value={shown.measures}
            normalize={toMeasure}
            onChange={(measures) => change({ measures: measures as OutcomeMeasure[] })}
            testId={testIds.queryEditor.measures}
            invalid={invalid('measures')}
          />
        )}
      </InlineFieldRow>
    </>
  );
}

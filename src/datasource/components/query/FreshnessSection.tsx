import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import { FRESHNESS_BASES, FRESHNESS_VIEWS, type FreshnessBasis, type FreshnessQuery, type FreshnessView } from '../../../query/freshnessQuery';
import { testIds } from '../../testIds';
import { GroupByField } from './GroupByField';
import { LimitField } from './LimitField';
import { NumberField } from './NumberField';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import type { SectionProps } from './sectionProps';

const text = queryText.freshness;
const VIEW_OPTIONS = FRESHNESS_VIEWS.map((value) => ({ value, label: text.view.options[value] }));
const BASIS_OPTIONS = FRESHNESS_BASES.map((value) => ({ value, label: text.basis.options[value] }));

/** freshness: numbers or a table, what counts as an update, the groups (namespace by default), the lookback and the group limit. */
export function FreshnessSection({ shown, query, change, invalid }: SectionProps<FreshnessQuery>) {
  return (
    <>
      <InlineFieldRow>
        <RadioField<FreshnessView>
          label={text.view.label}
          tooltip={text.view.tooltip}
          options={VIEW_OPTIONS}
          value={shown.view}
          onChange={(view) => change({ view })}
          testId={testIds.queryEditor.freshnessView}
        />
        <NumberField
          {...text.lookback}
          width={12}
          value={query.lookbackDays ?? shown.lookbackDays}
          min={1}
          testId={testIds.queryEditor.freshnessLookback}
          invalid={invalid('lookbackDays')}
          onChange={(lookbackDays) => change({ lookbackDays }, false)}
          onCommit={() => change({})}
        />
        <LimitField
          value={query.limit ?? shown.limit}
          tooltip={text.limitTooltip}
          onChange={(limit) => change({ limit }, false)}
          onCommit={() => change({})}
        />
      </InlineFieldRow>
      <InlineFieldRow>
        <RadioField<FreshnessBasis>
          label={text.basis.label}
          tooltip={text.basis.tooltip}
          options={BASIS_OPTIONS}
          value={shown.basis}
          onChange={(basis) => change({ basis })}
          testId={testIds.queryEditor.freshnessBasis}
        />
      </InlineFieldRow>
      <InlineFieldRow>
        <GroupByField value={shown.groupBy} onChange={(groupBy) => change({ groupBy })} invalid={invalid('groupBy')} />
      </InlineFieldRow>
    </>
  );
}

import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import {
  LIVE_VIEWS,
  OVERRUN_AGAINST,
  type LiveQuery,
  type LiveView,
  type OverrunAgainst,
} from '../../../query/liveQuery';
import { testIds } from '../../testIds';
import { BaselineDaysField } from './BaselineDaysField';
import { LimitField } from './LimitField';
import { queryText } from './queryText';
import { RadioField } from './RadioField';
import type { SectionProps } from './sectionProps';

const text = queryText.live;
const VIEW_OPTIONS = LIVE_VIEWS.map((value) => ({ value, label: text.view.options[value] }));
const AGAINST_OPTIONS = OVERRUN_AGAINST.map((value) => ({ value, label: text.against.options[value] }));

/** live: a table of running workflows, or one overrun number each (against Argo's estimate or the p95). */
export function LiveSection({ shown, query, change, invalid }: SectionProps<LiveQuery>) {
  const overrun = shown.view === 'overrun';
  // The p95 needs the baseline days; the overrun against Argo's estimate does not read them.
  const readsBaseline = !overrun || shown.against === 'p95';
  return (
    <InlineFieldRow>
      <RadioField<LiveView>
        label={text.view.label}
        tooltip={text.view.tooltip}
        options={VIEW_OPTIONS}
        value={shown.view}
        onChange={(view) => change({ view })}
        testId={testIds.queryEditor.liveView}
      />
      {overrun && (
        <RadioField<OverrunAgainst>
          label={text.against.label}
          tooltip={text.against.tooltip}
          options={AGAINST_OPTIONS}
          value={shown.against}
          onChange={(against) => change({ against })}
          testId={testIds.queryEditor.liveAgainst}
        />
      )}
      {readsBaseline && (
        <BaselineDaysField
          value={query.baselineDays ?? shown.baselineDays}
          tooltip={text.baselineDaysTooltip}
          onChange={(baselineDays) => change({ baselineDays }, false)}
          onCommit={() => change({})}
          invalid={invalid('baselineDays')}
        />
      )}
      <LimitField
        value={query.limit ?? shown.limit}
        tooltip={text.limitTooltip}
        onChange={(limit) => change({ limit }, false)}
        onCommit={() => change({})}
      />
    </InlineFieldRow>
  );
}

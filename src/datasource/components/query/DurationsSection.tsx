import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import type { DurationsQuery } from '../../../query/model';
import { testIds } from '../../testIds';
import { ChoiceListField } from './ChoiceListField';
import { GroupByField } from './GroupByField';
import { LevelField } from './LevelField';
import { SourceField } from './SourceField';
import { LimitField } from './LimitField';
import { STAT_OPTIONS, toStat } from './queryOptions';
import { queryText } from './queryText';
import type { SectionProps } from './sectionProps';

/** durations: what to measure, how to group, which statistics. */
export function DurationsSection({ shown, query, change, invalid }: SectionProps<DurationsQuery>) {
  return (
    <>
      <InlineFieldRow>
        <SourceField value={shown.source} onChange={(source) => change({ source })} />
        <LevelField value={shown.level} onChange={(level) => change({ level })} />
        <LimitField
          value={query.limit ?? shown.limit}
          onChange={(limit) => change({ limit }, false)}
          onCommit={() => change({})}
        />
      </InlineFieldRow>
      <InlineFieldRow>
        <GroupByField value={shown.groupBy} onChange={(groupBy) => change({ groupBy })} invalid={invalid('groupBy')} />
        <ChoiceListField
          label={queryText.stats.label}
          tooltip={queryText.stats.tooltip}
          options={STAT_OPTIONS}
          value={shown.stats}
          normalize={toStat}
          onChange={(stats) => change({ stats: stats.map(toStat) })}
          testId={testIds.queryEditor.stats}
          invalid={invalid('stats')}
        />
      </InlineFieldRow>
    </>
  );
}

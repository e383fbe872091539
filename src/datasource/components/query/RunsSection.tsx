import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import type { RunsQuery } from '../../../query/runsQuery';
import { BaselineDaysField } from './BaselineDaysField';
import { LevelField } from './LevelField';
import { SourceField } from './SourceField';
import { LimitField } from './LimitField';
import { queryText } from './queryText';
import type { SectionProps } from './sectionProps';

/** runs: the newest runs or steps, how many, and how many days make the baseline they are compared to. */
export function RunsSection({ shown, query, change, invalid }: SectionProps<RunsQuery>) {
  return (
    <InlineFieldRow>
      <SourceField value={shown.source} onChange={(source) => change({ source })} />
      <LevelField value={shown.level} onChange={(level) => change({ level })} />
      <LimitField
        value={query.limit ?? shown.limit}
        tooltip={queryText.limit.runsTooltip}
        onChange={(limit) => change({ limit }, false)}
        onCommit={() => change({})}
      />
      <BaselineDaysField
        value={query.baselineDays ?? shown.baselineDays}
        onChange={(baselineDays) => change({ baselineDays }, false)}
        onCommit={() => change({})}
        invalid={invalid('baselineDays')}
      />
    </InlineFieldRow>
  );
}

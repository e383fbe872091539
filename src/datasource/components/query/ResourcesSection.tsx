import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import { RESOURCE_MEASURES, type ResourceMeasure, type ResourcesQuery } from '../../../query/resourcesQuery';
import { testIds } from '../../testIds';
import { ChoiceListField } from './ChoiceListField';
import { GroupByField } from './GroupByField';
import { LevelField } from './LevelField';
import { LimitField } from './LimitField';
import { queryText } from './queryText';
import type { SectionProps } from './sectionProps';

const RESOURCE_OPTIONS = RESOURCE_MEASURES.map((value) => ({ value, label: queryText.resources.options[value] }));

/** A typed resource: "Avg cores" → avg_cores; validation judges the rest. */
const toResource = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '_');

/** resources: CPU, memory and GPU seconds and average cores and memory over time, per group. */
export function ResourcesSection({ shown, query, change, invalid }: SectionProps<ResourcesQuery>) {
  return (
    <>
      <InlineFieldRow>
        <LevelField value={shown.level} onChange={(level) => change({ level })} />
        <LimitField value={query.limit ?? shown.limit} onChange={(limit) => change({ limit }, false)} onCommit={() => change({})} />
      </InlineFieldRow>
      <InlineFieldRow>
        <GroupByField value={shown.groupBy} onChange={(groupBy) => change({ groupBy })} invalid={invalid('groupBy')} />
        <ChoiceListField
          label={queryText.resources.label}
          tooltip={queryText.resources.tooltip}
          options={RESOURCE_OPTIONS}
          value={shown.resources}
          normalize={toResource}
          onChange={(resources) => change({ resources: resources as ResourceMeasure[] })}
          testId={testIds.queryEditor.resources}
          invalid={invalid('resources')}
        />
      </InlineFieldRow>
    </>
  );
}

import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Alert, Stack } from '@grafana/ui';

import { AVAILABLE_QUERY_TYPES, FILTER_KINDS, QUERY_FILTERS, type ArgoPerfQuery, type Filters, type querySchemas } from '../../query/model';
import { defaultQuery, parseQuery } from '../../query/parseQuery';
import type { ArgoPerfDataSource } from '../datasource';
import { testIds } from '../testIds';
import type { ArgoPerfDataQuery, ArgoPerfJsonData } from '../types';
import { DurationsSection } from './query/DurationsSection';
import { FiltersSection } from './query/FiltersSection';
import { HeatmapSection } from './query/HeatmapSection';
import { OutcomesSection } from './query/OutcomesSection';
import { QueryTypeField } from './query/QueryTypeField';
import { RunsSection } from './query/RunsSection';
import { BaselineSection } from './query/BaselineSection';
import { ResourcesSection } from './query/ResourcesSection';
import { MetricsSection } from './query/MetricsSection';
import { LiveSection } from './query/LiveSection';
import { CronDriftSection } from './query/CronDriftSection';
import { ProgressSection } from './query/ProgressSection';
import { FreshnessSection } from './query/FreshnessSection';
import { TimelineSection } from './query/TimelineSection';
import { queryText } from './query/queryText';

export type Props = QueryEditorProps<ArgoPerfDataSource, ArgoPerfDataQuery, ArgoPerfJsonData>;
type EditorQueryType = keyof typeof querySchemas;

/** Whether a parseQuery error names this field (messages read "groupBy[1]: ..." or "stats: ..."). */
const names = (problem: string, field: string) => new RegExp(`(^|; )${field}\\b`).test(problem);

/** Fields only one query type has; they are dropped when the user picks another type. */
const TYPE_ONLY_FIELDS = ['stats', 'view', 'measures', 'baselineDays', 'stat', 'currentMinutes', 'resources', 'metric', 'aggregation', 'against', 'graceSeconds', 'lookbackDays', 'run', 'cumulative', 'rateMinutes'] as const;

/** Query types that only the Argo Server answers. */
const ARGO_ONLY_TYPES: readonly string[] = ['live', 'cronDrift'];

/**
 * The filter lists shown: those the query type reads, from the shared model, and any other the stored
 * query still holds (parseQuery refuses it, so it is shown to be removed).
 */
function shownFilterKinds(type: EditorQueryType, filters: Filters | undefined) {
  return FILTER_KINDS.filter((kind) => QUERY_FILTERS[type].includes(kind) || Boolean(filters?.[kind]?.length));
}

/** The filters a query of `type` reads; the other lists are dropped when the type changes. */
function filtersOfType(type: EditorQueryType, filters: Filters | undefined): Filters | undefined {
  if (!filters) {
    return filters;
  }
  const kept: Filters = { ...filters };
  FILTER_KINDS.filter((kind) => !QUERY_FILTERS[type].includes(kind)).forEach((kind) => delete kept[kind]);
  return kept;
}

function editorQueryType(query: ArgoPerfDataQuery): EditorQueryType {
  const type = query.queryType ?? 'durations';
  return (AVAILABLE_QUERY_TYPES as readonly string[]).includes(type) ? (type as EditorQueryType) : 'durations';
}

/** Editor of every query type (src/query/model.ts): the type, its own section, then which runs to read. */
export function QueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  const queryType = editorQueryType(query);
  // Show defaults for fields a stored query leaves out; only what the user changes is written back.
  const shown = { ...defaultQuery(query.refId, queryType), ...query, queryType } as ArgoPerfQuery;
  const parsed = parseQuery(query);
  const problem = 'error' in parsed ? parsed.error : '';

  const write = (next: ArgoPerfDataQuery, run: boolean) => {
    onChange(next);
    // An invalid query would only fail in the backend; its problem is already shown below.
    if (run && !('error' in parseQuery(next))) {
      onRunQuery();
    }
  };
  const change = (patch: Partial<ArgoPerfDataQuery>, run = true) => write({ ...query, queryType, ...patch }, run);
  const changeType = (type: EditorQueryType) => {
    // Level, filters and grouping carry over; statistics, view, measures and baseline belong to one type.
    const next: ArgoPerfDataQuery = { ...query, queryType: type };
    if (query.filters) {
      next.filters = filtersOfType(type, query.filters);
    }
    TYPE_ONLY_FIELDS.forEach((field) => delete next[field]);
    if (type === 'heatmap' || type === 'runs') {
      delete next.groupBy;
    }
    // The runs limit counts rows, the others' count groups: neither carries over to the other.
    if (type === 'heatmap' || type === 'runs' || queryType === 'runs' || ARGO_ONLY_TYPES.includes(type) || ARGO_ONLY_TYPES.includes(queryType)) {
      delete next.limit;
    }
    // live and cronDrift read the Argo Server; leaving them goes back to the type's own default source.
    if (ARGO_ONLY_TYPES.includes(type) || ARGO_ONLY_TYPES.includes(queryType)) {
      delete next.source;
    }
    // freshness reads run documents in Elasticsearch, per namespace unless the user groups otherwise.
    if (type === 'freshness') {
      delete next.level;
      delete next.groupBy;
      delete next.limit;
      delete next.source;
    }
    write(next, true);
  };
  const section = { query, change, invalid: (field: string) => names(problem, field) };

  return (
    <Stack direction="column" gap={0}>
      <QueryTypeField value={queryType} onChange={(type) => changeType(type as EditorQueryType)} />
      {shown.queryType === 'durations' && <DurationsSection {...section} shown={shown} />}
      {shown.queryType === 'heatmap' && <HeatmapSection {...section} shown={shown} />}
      {shown.queryType === 'outcomes' && <OutcomesSection {...section} shown={shown} />}
      {shown.queryType === 'runs' && <RunsSection {...section} shown={shown} />}
      {shown.queryType === 'baseline' && <BaselineSection {...section} shown={shown} />}
      {shown.queryType === 'resources' && <ResourcesSection {...section} shown={shown} />}
      {shown.queryType === 'metrics' && <MetricsSection {...section} shown={shown} />}
      {shown.queryType === 'live' && <LiveSection {...section} shown={shown} />}
      {shown.queryType === 'cronDrift' && <CronDriftSection {...section} shown={shown} />}
      {shown.queryType === 'progress' && <ProgressSection {...section} shown={shown} />}
      {shown.queryType === 'freshness' && <FreshnessSection {...section} shown={shown} />}
      {shown.queryType === 'timeline' && <TimelineSection {...section} shown={shown} />}
      <FiltersSection
        datasource={datasource}
        kinds={shownFilterKinds(queryType, shown.filters)}
        filters={shown.filters}
        onChange={(filters) => change({ filters })}
      />
      {problem && (
        <Alert severity="error" title={queryText.problemTitle} data-testid={testIds.queryEditor.problem}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

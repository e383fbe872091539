import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { Alert, InlineFieldRow, Stack } from '@grafana/ui';

import { defaultQuery, parseQuery } from '../../query/parseQuery';
import type { ArgoPerfDataSource } from '../datasource';
import { testIds } from '../testIds';
import type { ArgoPerfDataQuery, ArgoPerfJsonData } from '../types';
import { ChoiceListField } from './query/ChoiceListField';
import { FiltersSection } from './query/FiltersSection';
import { LevelField } from './query/LevelField';
import { LimitField } from './query/LimitField';
import { GROUP_BY_OPTIONS, STAT_OPTIONS, toGroupKey, toStat } from './query/queryOptions';
import { queryText } from './query/queryText';

export type Props = QueryEditorProps<ArgoPerfDataSource, ArgoPerfDataQuery, ArgoPerfJsonData>;

/** Whether a parseQuery error names this field (messages read "groupBy[1]: ..." or "stats: ..."). */
const names = (problem: string, field: string) => new RegExp(`(^|; )${field}\\b`).test(problem);

/** Editor of the durations query (src/query/model.ts): what to measure, how to group, which statistics, which runs. */
export function QueryEditor({ query, onChange, onRunQuery, datasource }: Props) {
  // Show defaults for fields a stored query leaves out; only what the user changes is written back.
  const shown = { ...defaultQuery(query.refId), ...query };
  const parsed = parseQuery(query);
  const problem = 'error' in parsed ? parsed.error : '';

  const change = (patch: Partial<ArgoPerfDataQuery>, run = true) => {
    const next: ArgoPerfDataQuery = { ...query, queryType: 'durations', ...patch };
    onChange(next);
    // An invalid query would only fail in the backend; its problem is already shown below.
    if (run && !('error' in parseQuery(next))) {
      onRunQuery();
    }
  };

  return (
    <Stack direction="column" gap={0}>
      <InlineFieldRow>
        <LevelField value={shown.level} onChange={(level) => change({ level })} />
        <LimitField
          value={query.limit ?? shown.limit}
          onChange={(limit) => change({ limit }, false)}
          onCommit={() => change({})}
        />
      </InlineFieldRow>
      <InlineFieldRow>
        <ChoiceListField
          label={queryText.groupBy.label}
          tooltip={queryText.groupBy.tooltip}
          placeholder={queryText.groupBy.placeholder}
          options={GROUP_BY_OPTIONS}
          value={shown.groupBy}
          normalize={toGroupKey}
          onChange={(groupBy) => change({ groupBy: groupBy.map(toGroupKey) })}
          testId={testIds.queryEditor.groupBy}
          invalid={names(problem, 'groupBy')}
        />
        <ChoiceListField
          label={queryText.stats.label}
          tooltip={queryText.stats.tooltip}
          options={STAT_OPTIONS}
          value={shown.stats}
          normalize={toStat}
          onChange={(stats) => change({ stats: stats.map(toStat) })}
          testId={testIds.queryEditor.stats}
          invalid={names(problem, 'stats')}
        />
      </InlineFieldRow>
      <FiltersSection datasource={datasource} filters={shown.filters} onChange={(filters) => change({ filters })} />
      {problem && (
        <Alert severity="error" title={queryText.problemTitle} data-testid={testIds.queryEditor.problem}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}

import type { RunsQuery } from '../../src/query/runsQuery';
import type { DocumentFields } from './documentFields';
import type { RunRow } from './runsSearch';
import { searchFilters, type TimeWindow } from './searchFilters';

/**
 * The second search of a runs query, for the rows the first one found: the median (p50) duration of
 * each row's group over the baseline window, and at workflow level the retried steps of each run.
 * A group is a workflow (namespace + workflow template, i.e. the name without its generated suffix)
 * and, for steps, the task too; keys the field mapping leaves empty are left out of the group.
 * Nested terms limited to the rows' values, then percentiles: no scripts.
 */
const DAY_MS = 24 * 3_600_000;

export type GroupColumn = 'namespace' | 'workflowTemplate' | 'task';

/** The columns that make a run's group, in nesting order. */
export function groupColumns(fields: DocumentFields, level: RunsQuery['level']): GroupColumn[] {
  const columns: GroupColumn[] = ['namespace', 'workflowTemplate', ...(level === 'node' ? (['task'] as const) : [])];
  return columns.filter((column) => fields.optional(column) !== undefined);
}

/** The group of a run: its values of the group columns; undefined when one is missing. */
export function baselineGroupOf(row: RunRow, level: RunsQuery['level'], columns: GroupColumn[]): string[] | undefined {
  const keys = columns.filter((column) => level === 'node' || column !== 'task').map((column) => row[column]);
  return keys.length > 0 && keys.every((key): key is string => typeof key === 'string') ? keys : undefined;
}

export function baselineWindow(query: RunsQuery, toMs: number): TimeWindow {
  return { fromMs: toMs - query.baselineDays * DAY_MS, toMs };
}

function nestedTerms(fields: string[], values: string[][], duration: string): Record<string, unknown> {
  const [field, ...rest] = fields;
  const include = [...new Set(values.map((keys) => keys[0]))];
  const inner =
    rest.length === 0
      ? { median: { percentiles: { field: duration, percents: [50], keyed: false } } }
      : {
          groups: nestedTerms(
            rest,
            values.map((keys) => keys.slice(1)),
            duration
          ),
        };
  return { terms: { field, include, size: include.length }, aggs: inner };
}

/** Whether retried steps can be counted: needs node documents told apart, uids and retry attempts. */
export function canCountRetries(fields: DocumentFields): boolean {
  return ['kind', 'workflowUid', 'retryAttempt'].every((role) => fields.optional(role as 'kind') !== undefined);
}

/** The search body, or undefined when no row belongs to a group and no retries are asked. */
export function runsBaselineSearch(
  fields: DocumentFields,
  query: RunsQuery,
  rows: RunRow[],
  toMs: number
): Record<string, unknown> | undefined {
  const columns = groupColumns(fields, query.level);
  const groups = rows
    .map((row) => baselineGroupOf(row, query.level, columns))
    .filter((keys): keys is string[] => keys !== undefined);
  const uids = [...new Set(rows.map((row) => row.workflowUid).filter((uid): uid is string => typeof uid === 'string'))];
  const aggs: Record<string, unknown> = {};
  const hasDuration = fields.map.durationUnit === 'derived' || fields.optional('duration') !== undefined;
  if (groups.length > 0 && hasDuration) {
    // The baseline is every run of the group, whatever its phase: only runs with a duration count.
    const filters = { ...query.filters, phases: undefined };
    aggs.baseline = {
      filter: { bool: { filter: searchFilters(fields, query.level, baselineWindow(query, toMs), filters) } },
      aggs: {
        groups: nestedTerms(
          columns.map((column) => fields.name(column, 'the runs baseline')),
          groups,
          fields.duration
        ),
      },
    };
  }
  if (query.level === 'workflow' && uids.length > 0 && canCountRetries(fields)) {
    const uid = fields.name('workflowUid', 'retry counts');
    aggs.retries = {
      filter: {
        bool: {
          filter: [
            ...fields.levelClauses('node'),
            { terms: { [uid]: uids } },
            { range: { [fields.name('retryAttempt', 'retry counts')]: { gt: 0 } } },
          ],
        },
      },
      aggs: { runs: { terms: { field: uid, size: uids.length } } },
    };
  }
  return Object.keys(aggs).length === 0 ? undefined : { size: 0, track_total_hits: false, aggs };
}

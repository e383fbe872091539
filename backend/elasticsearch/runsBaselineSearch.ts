import type { RunsQuery } from '../../src/query/runsQuery';
import { FIELDS } from './fieldNames';
import type { RunDoc } from './runsSearch';
import { searchFilters, type TimeWindow } from './searchFilters';

/**
 * The second search of a runs query, for the rows the first one found: the median (p50) duration of
 * each row's group over the baseline window, and at workflow level the retried steps of each run.
 * A group is a workflow (namespace + workflow template, i.e. the name without its generated suffix)
 * and, for steps, the task too. Nested terms limited to the rows' values, then percentiles: no scripts.
 */
const DAY_MS = 24 * 3_600_000;

/** The group of a run: namespace, workflow template and (steps) task; undefined when one is missing. */
export function baselineGroupOf(doc: RunDoc, level: RunsQuery['level']): string[] | undefined {
  const keys = [doc.namespace, doc.workflow?.template, ...(level === 'node' ? [doc.node?.display_name] : [])];
  return keys.every((key): key is string => typeof key === 'string') ? keys : undefined;
}

export function baselineWindow(query: RunsQuery, toMs: number): TimeWindow {
  return { fromMs: toMs - query.baselineDays * DAY_MS, toMs };
}

function groupLevels(level: RunsQuery['level']): string[] {
  return [FIELDS.namespace, FIELDS.workflowTemplate, ...(level === 'node' ? [FIELDS.task] : [])];
}

function nestedTerms(fields: string[], values: string[][]): Record<string, unknown> {
  const [field, ...rest] = fields;
  const include = [...new Set(values.map((keys) => keys[0]))];
  const inner = rest.length === 0
    ? { median: { percentiles: { field: FIELDS.durationMs, percents: [50], keyed: false } } }
    : { groups: nestedTerms(rest, values.map((keys) => keys.slice(1))) };
  return { terms: { field, include, size: include.length }, aggs: inner };
}

/** The search body, or undefined when no row belongs to a group and no retries are asked. */
export function runsBaselineSearch(query: RunsQuery, rows: RunDoc[], toMs: number): Record<string, unknown> | undefined {
  const groups = rows.map((row) => baselineGroupOf(row, query.level)).filter((keys): keys is string[] => keys !== undefined);
  const uids = [...new Set(rows.map((row) => row.workflow?.uid).filter((uid): uid is string => typeof uid === 'string'))];
  const aggs: Record<string, unknown> = {};
  if (groups.length > 0) {
    // The baseline is every run of the group, whatever its phase: only runs with a duration count.
    const filters = { ...query.filters, phases: undefined };
    aggs.baseline = {
      filter: { bool: { filter: searchFilters(query.level, baselineWindow(query, toMs), filters) } },
      aggs: { groups: nestedTerms(groupLevels(query.level), groups) },
    };
  }
  if (query.level === 'workflow' && uids.length > 0) {
    aggs.retries = {
      filter: { bool: { filter: [{ term: { [FIELDS.kind]: 'node' } }, { terms: { [FIELDS.workflowUid]: uids } }, { range: { [FIELDS.retryAttempt]: { gt: 0 } } }] } },
      aggs: { runs: { terms: { field: FIELDS.workflowUid, size: uids.length } } },
    };
  }
  return Object.keys(aggs).length === 0 ? undefined : { size: 0, track_total_hits: false, aggs };
}

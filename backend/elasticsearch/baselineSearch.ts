import type { BaselineQuery, BaselineStat } from '../../src/query/baselineQuery';
import { labelNameOf } from '../../src/query/groupBy';
import { OUTCOME_PHASES } from '../../src/query/outcomesQuery';
import { percentileOf } from '../../src/query/stats';
import { FIELDS, groupField } from './fieldNames';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';

/**
 * The Elasticsearch request of a baseline query: one search over both windows, groups (nested terms)
 * × two `filter` aggregations (current, baseline) × the stat. The failure rate is counted (finished
 * runs, failed ones) and divided afterwards: no scripts, no bucket_script.
 */
export interface BaselineSearch {
  body: Record<string, unknown>;
  /** Label name per group key, in groupBy order. */
  labelNames: string[];
  windows: BaselineWindows;
}

export interface BaselineWindows {
  current: TimeWindow;
  baseline: TimeWindow;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const FINISHED_PHASES = Object.values(OUTCOME_PHASES);
const FAILED_PHASES = [OUTCOME_PHASES.failed, OUTCOME_PHASES.error];

/** Current = the last currentMinutes before the range end; baseline = the baselineDays before that. */
export function baselineWindows(query: BaselineQuery, toMs: number): BaselineWindows {
  const currentFrom = toMs - query.currentMinutes * MINUTE_MS;
  return { current: { fromMs: currentFrom, toMs }, baseline: { fromMs: currentFrom - query.baselineDays * DAY_MS, toMs: currentFrom } };
}

function statAggs(stat: BaselineStat): Record<string, unknown> {
  const p = percentileOf(stat);
  if (p !== undefined) {
    return { value: { percentiles: { field: FIELDS.durationMs, percents: [p], keyed: false } } };
  }
  switch (stat) {
    case 'failure_rate':
      return { failed: { filter: { terms: { [FIELDS.phase]: FAILED_PHASES } } } };
    case 'cpu_core_seconds':
      return { value: { avg: { field: FIELDS.cpuCoreSeconds } } };
    case 'memory_mib_seconds':
      return { value: { avg: { field: FIELDS.memoryMibSeconds } } };
    default:
      return { value: { [stat]: { field: FIELDS.durationMs } } };
  }
}

function windowAgg(window: TimeWindow, stat: BaselineStat): Record<string, unknown> {
  return {
    filter: { range: { [FIELDS.start]: { gte: window.fromMs, lt: window.toMs, format: 'epoch_millis' } } },
    aggs: statAggs(stat),
  };
}

export function baselineSearch(query: BaselineQuery, toMs: number): BaselineSearch {
  const windows = baselineWindows(query, toMs);
  const span = { fromMs: windows.baseline.fromMs, toMs: windows.current.toMs };
  // The failure rate counts finished runs only: running and pending ones have no outcome yet.
  const finished = query.stat === 'failure_rate' ? [{ terms: { [FIELDS.phase]: FINISHED_PHASES } }] : [];
  const fields = query.groupBy.map((key) => groupField(key, query.level));
  const inner = { current: windowAgg(windows.current, query.stat), baseline: windowAgg(windows.baseline, query.stat) };
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: [...searchFilters(query.level, span, query.filters), ...finished] } },
      aggs: groupedAggs(fields, query.limit, inner),
    },
    labelNames: query.groupBy.map(labelNameOf),
    windows,
  };
}

import type { BaselineQuery, BaselineStat } from '../../src/query/baselineQuery';
import { labelNameOf } from '../../src/query/groupBy';
import { OUTCOME_PHASES } from '../../src/query/outcomesQuery';
import { percentileOf } from '../../src/query/stats';
import type { DocumentFields } from './documentFields';
import { groupedAggs } from './groupBuckets';
import { searchFilters, startRange, type TimeWindow } from './searchFilters';

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
  /** Multiplies the stat values into their unit (duration stats: ms per unit of the duration field). */
  valueScale: number;
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
  return {
    current: { fromMs: currentFrom, toMs },
    baseline: { fromMs: currentFrom - query.baselineDays * DAY_MS, toMs: currentFrom },
  };
}

function isDurationStat(stat: BaselineStat): boolean {
  return !['failure_rate', 'cpu_core_seconds', 'memory_mib_seconds'].includes(stat);
}

function statAggs(fields: DocumentFields, stat: BaselineStat): Record<string, unknown> {
  const p = percentileOf(stat);
  if (p !== undefined) {
    return { value: { percentiles: { field: fields.duration, percents: [p], keyed: false } } };
  }
  switch (stat) {
    case 'failure_rate':
      return { failed: { filter: { terms: { [fields.name('phase', 'the failure rate')]: FAILED_PHASES } } } };
    case 'cpu_core_seconds':
      return { value: { avg: { field: fields.name('cpuCoreSeconds', 'a CPU baseline') } } };
    case 'memory_mib_seconds':
      return { value: { avg: { field: fields.name('memoryMibSeconds', 'a memory baseline') } } };
    default:
      return { value: { [stat]: { field: fields.duration } } };
  }
}

function windowAgg(fields: DocumentFields, window: TimeWindow, stat: BaselineStat): Record<string, unknown> {
  return {
    filter: startRange(fields, window),
    aggs: statAggs(fields, stat),
  };
}

export function baselineSearch(fields: DocumentFields, query: BaselineQuery, toMs: number): BaselineSearch {
  const windows = baselineWindows(query, toMs);
  const span = { fromMs: windows.baseline.fromMs, toMs: windows.current.toMs };
  // The failure rate counts finished runs only: running and pending ones have no outcome yet.
  const finished =
    query.stat === 'failure_rate' ? [{ terms: { [fields.name('phase', 'the failure rate')]: FINISHED_PHASES } }] : [];
  const groupFields = fields.groupTerms(query.groupBy, query.level);
  const inner = {
    current: windowAgg(fields, windows.current, query.stat),
    baseline: windowAgg(fields, windows.baseline, query.stat),
  };
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: [...searchFilters(fields, query.level, span, query.filters), ...finished] } },
      aggs: groupedAggs(groupFields, query.limit, inner),
    },
    labelNames: query.groupBy.map(labelNameOf),
    windows,
    valueScale: isDurationStat(query.stat) ? fields.msPerDurationUnit : 1,
  };
}

import { epochMsProblem } from '../../src/query/timeBounds';
import { QueryError } from '../errors/queryError';

const DAY_MS = 24 * 3_600_000;

/**
 * Refuses time ranges that are empty, inverted, outside 1970–9999, unbounded (epoch 0, year 9999 — what
 * "all time" tends to look like) or longer than the datasource allows, before anything reaches Elasticsearch.
 */
export function checkTimeRange(range: { fromEpochMS: number; toEpochMS: number } | null | undefined, maxRangeDays: number): void {
  if (!range || !Number.isFinite(range.fromEpochMS) || !Number.isFinite(range.toEpochMS) || !(range.toEpochMS > range.fromEpochMS)) {
    throw new QueryError('timeRange: the query has no valid time range (from must be before to)');
  }
  for (const [name, ms] of [['from', range.fromEpochMS], ['to', range.toEpochMS]] as const) {
    const problem = epochMsProblem(ms);
    if (problem) {
      throw new QueryError(`timeRange: ${name} ${problem}`);
    }
  }
  const days = (range.toEpochMS - range.fromEpochMS) / DAY_MS;
  if (days > maxRangeDays) {
    throw new QueryError(
      `timeRange: ${Math.round(days)} days is longer than this datasource allows (${maxRangeDays} days); ` +
        'narrow the time range, or raise "Longest time range" (maxRangeDays) in the datasource settings'
    );
  }
}

/**
 * Refuses a baseline window that reads further back than the datasource allows: a baseline query
 * scans its trailing days whatever the dashboard's time range is.
 */
export function checkBaselineSpan(spanMs: number, maxRangeDays: number, field = 'baselineDays'): void {
  const days = spanMs / DAY_MS;
  if (days > maxRangeDays) {
    throw new QueryError(
      `${field}: the baseline reads ${Math.round(days * 10) / 10} days back, longer than this datasource allows (${maxRangeDays} days); ` +
        'shorten the baseline, or raise "Longest time range" (maxRangeDays) in the datasource settings'
    );
  }
}

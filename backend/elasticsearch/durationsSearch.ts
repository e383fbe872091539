import { labelNameOf } from '../../src/query/groupBy';
import type { DurationsQuery } from '../../src/query/model';
import { percentileOf } from '../../src/query/stats';
import type { DocumentFields } from './documentFields';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';
import { timeHistogram } from './timeHistogram';

/**
 * The Elasticsearch request for a durations query: groups (nested terms, one level per group key) ×
 * date_histogram × stats/percentiles on duration_ms. One search answers every series. Nested terms
 * rather than multi_terms: it needs no x-pack module and works on every 8.x/9.x distribution.
 */
/** The stats Elasticsearch answers with one value aggregation each (`duration_max`: { max }). */
export const SINGLE_VALUE_STATS = ['avg', 'min', 'max'] as const;
export type SingleValueStat = (typeof SINGLE_VALUE_STATS)[number];

export interface DurationsSearch {
  body: Record<string, unknown>;
  /** Label name per group key, in groupBy order. */
  labelNames: string[];
  percents: number[];
  /** Milliseconds per unit of the duration values in the answer. */
  msPerUnit: number;
}

export function durationsSearch(
  fields: DocumentFields,
  query: DurationsQuery,
  window: TimeWindow,
  intervalMs: number
): DurationsSearch {
  const percents = [...new Set(query.stats.map(percentileOf).filter((p): p is number => p !== undefined))];
  const statAggs: Record<string, unknown> = {};
  // Each asked stat gets only the aggregation it needs: stats is costly beside percentiles (a lone max
  // is cheaper, and its answer a fifth of the size), and a value_count is all a lone count needs.
  const plain = query.stats.filter((stat): stat is SingleValueStat => SINGLE_VALUE_STATS.includes(stat as SingleValueStat));
  if (plain.length === 1 && !query.stats.includes('count')) {
    statAggs[`duration_${plain[0]}`] = { [plain[0]]: { field: fields.duration } };
  } else if (plain.length > 0) {
    statAggs.duration = { stats: { field: fields.duration } };
  } else if (query.stats.includes('count')) {
    statAggs.duration_count = { value_count: { field: fields.duration } };
  }
  if (percents.length > 0) {
    statAggs.percentiles = { percentiles: { field: fields.duration, percents, keyed: false } };
  }
  const overTime = {
    over_time: {
      ...timeHistogram(fields.start, intervalMs),
      aggs: statAggs,
    },
  };
  const groupFields = fields.groupTerms(query.groupBy, query.level);
  const aggs = groupedAggs(groupFields, query.limit, overTime);
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: searchFilters(fields, query.level, window, query.filters) } },
      aggs,
    },
    labelNames: query.groupBy.map(labelNameOf),
    percents,
    msPerUnit: fields.msPerDurationUnit,
  };
}

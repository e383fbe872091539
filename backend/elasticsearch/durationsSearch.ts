import { labelNameOf } from '../../src/query/groupBy';
import type { DurationsQuery } from '../../src/query/model';
import { percentileOf } from '../../src/query/stats';
import type { DocumentFields } from './documentFields';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';

/**
 * The Elasticsearch request for a durations query: groups (nested terms, one level per group key) ×
 * date_histogram × stats/percentiles on duration_ms. One search answers every series. Nested terms
 * rather than multi_terms: it needs no x-pack module and works on every 8.x/9.x distribution.
 */
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
  // Each asked stat gets only the aggregation it needs: stats is costly beside percentiles, and a
  // value_count is all a lone count needs.
  if (query.stats.some((stat) => stat === 'avg' || stat === 'min' || stat === 'max')) {
    statAggs.duration = { stats: { field: fields.duration } };
  } else if (query.stats.includes('count')) {
    statAggs.duration_count = { value_count: { field: fields.duration } };
  }
  if (percents.length > 0) {
    statAggs.percentiles = { percentiles: { field: fields.duration, percents, keyed: false } };
  }
  const overTime = {
    over_time: {
      date_histogram: { field: fields.start, fixed_interval: `${intervalMs}ms`, min_doc_count: 1 },
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

import { labelNameOf } from '../../src/query/groupBy';
import type { MetricsQuery } from '../../src/query/metricsQuery';
import type { DocumentFields } from './documentFields';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';
import { timeHistogram } from './timeHistogram';

/**
 * The Elasticsearch request for a metrics query: the runs that report `metrics.<metric>`, grouped, in
 * a date_histogram with the chosen aggregation of that field per bucket.
 */
export interface MetricsSearch {
  body: Record<string, unknown>;
  /** Label name per group key, in groupBy order. */
  labelNames: string[];
}

export function metricField(fields: DocumentFields, metric: string): string {
  return `${fields.name('metrics', 'a metrics query')}.${metric}`;
}

export function metricsSearch(
  fields: DocumentFields,
  query: MetricsQuery,
  window: TimeWindow,
  intervalMs: number
): MetricsSearch {
  const field = metricField(fields, query.metric);
  const groupFields = fields.groupTerms(query.groupBy, query.level);
  const inner = {
    over_time: {
      ...timeHistogram(fields.start, intervalMs),
      aggs: { metric: { [query.aggregation]: { field } } },
    },
  };
  return {
    body: {
      size: 0,
      track_total_hits: false,
      // Only runs that report the metric: every bucket left has a value.
      query: {
        bool: { filter: [...searchFilters(fields, query.level, window, query.filters), { exists: { field } }] },
      },
      aggs: groupedAggs(groupFields, query.limit, inner),
    },
    labelNames: query.groupBy.map(labelNameOf),
  };
}

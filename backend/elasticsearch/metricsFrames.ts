import type { MetricsQuery } from '../../src/query/metricsQuery';
import type { Frame } from '../frames/frame';
import type { GroupLevel } from './groupBuckets';
import type { MetricsSearch } from './metricsSearch';
import { groupSeriesFrames } from './groupSeriesFrames';

/**
 * Turns the metrics aggregation answer into dataplane timeseries-multi frames: one per group, the
 * value field named after the metric and labelled with the group keys and `metric`.
 */
interface TimeBucket {
  key: number;
  metric: { value: number | null };
}
interface TimeBuckets {
  over_time?: { buckets: TimeBucket[] };
}
export type MetricsAggregations = TimeBuckets & { groups?: GroupLevel<TimeBuckets> };

export function metricsFrames(
  query: MetricsQuery,
  search: MetricsSearch,
  aggregations: MetricsAggregations,
  executedQueryString: string
): Frame[] {
  const request = { ...query, labelNames: search.labelNames, measures: [query.metric], executedQueryString };
  return groupSeriesFrames(request, aggregations, (metric, buckets, group) => ({
    name: metric,
    nullable: true,
    labels: { ...group.labels, metric },
    config: { displayNameFromDS: [...group.keys, metric, query.aggregation].join(' ') },
    values: buckets.map((b) => b.metric.value),
  }));
}

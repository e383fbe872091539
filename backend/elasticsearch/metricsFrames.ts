import type { MetricsQuery } from '../../src/query/metricsQuery';
import type { Frame } from '../frames/frame';
import { finishSeriesFrames, seriesFrame } from '../frames/timeSeriesFrames';
import { largestGroups, type GroupLevel } from './groupBuckets';
import type { MetricsSearch } from './metricsSearch';

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
  const { groups, notices } = largestGroups(aggregations, query.limit);
  const frames: Frame[] = [];
  for (const group of groups) {
    const buckets = group.bucket.over_time?.buckets ?? [];
    if (buckets.length === 0) {
      continue;
    }
    const groupLabels = Object.fromEntries(search.labelNames.map((name, i) => [name, group.keys[i]]));
    frames.push(
      seriesFrame(
        query.refId,
        buckets.map((b) => b.key),
        {
          name: query.metric,
          nullable: true,
          labels: { ...groupLabels, metric: query.metric },
          config: { displayNameFromDS: [...group.keys, query.metric, query.aggregation].join(' ') },
          values: buckets.map((b) => b.metric.value),
        }
      )
    );
  }
  return finishSeriesFrames(query.refId, frames, executedQueryString, notices);
}

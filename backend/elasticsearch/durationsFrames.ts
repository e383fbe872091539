import type { DurationsQuery } from '../../src/query/model';
import { percentileOf, type Stat } from '../../src/query/stats';
import type { Frame } from '../frames/frame';
import type { DurationsSearch } from './durationsSearch';
import type { GroupLevel } from './groupBuckets';
import { groupSeriesFrames } from './groupSeriesFrames';

/** Turns the aggregation answer into dataplane timeseries-multi frames: one per (group, stat). */
interface StatsAgg {
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}
interface TimeBucket {
  key: number;
  /** Asked only when avg, min or max is. */
  duration?: StatsAgg;
  /** Asked when count is the only plain stat. */
  duration_count?: { value: number };
  percentiles?: { values: Array<{ key: number; value: number | null }> };
}
interface TimeBuckets {
  over_time?: { buckets: TimeBucket[] };
}
export type DurationsAggregations = TimeBuckets & { groups?: GroupLevel<TimeBuckets> };

/** One stat in seconds (count as is); `msPerUnit` converts the duration field's unit to ms. */
function statValue(stat: Stat, bucket: TimeBucket, msPerUnit: number): number | null {
  const p = percentileOf(stat);
  if (p !== undefined) {
    const found = bucket.percentiles?.values.find((entry) => entry.key === p);
    return found?.value == null ? null : (found.value * msPerUnit) / 1000;
  }
  switch (stat) {
    case 'count':
      return bucket.duration?.count ?? bucket.duration_count?.value ?? null;
    case 'avg':
    case 'min':
    case 'max': {
      const value = bucket.duration?.[stat];
      return value == null ? null : (value * msPerUnit) / 1000;
    }
  }
  return null;
}

export function durationsFrames(
  query: DurationsQuery,
  search: DurationsSearch,
  aggregations: DurationsAggregations,
  executedQueryString: string
): Frame[] {
  const request = { ...query, labelNames: search.labelNames, measures: query.stats, executedQueryString };
  return groupSeriesFrames(request, aggregations, (stat, buckets, group) => ({
    name: 'duration',
    nullable: true,
    labels: { ...group.labels, stat },
    config: { unit: stat === 'count' ? 'none' : 's', displayNameFromDS: [...group.keys, stat].join(' ') },
    values: buckets.map((b) => statValue(stat, b, search.msPerUnit)),
  }));
}

import type { DurationsQuery } from '../../src/query/model';
import { percentileOf, type Stat } from '../../src/query/stats';
import { DATAPLANE_VERSION, type Frame } from '../frames/frame';
import type { DurationsSearch } from './durationsSearch';
import { largestGroups, type GroupLevel } from './groupBuckets';

/** Turns the aggregation answer into dataplane timeseries-multi frames: one per (group, stat). */
interface StatsAgg {
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}
interface TimeBucket {
  key: number;
  duration: StatsAgg;
  percentiles?: { values: Array<{ key: number; value: number | null }> };
}
interface TimeBuckets {
  over_time?: { buckets: TimeBucket[] };
}
export type DurationsAggregations = TimeBuckets & { groups?: GroupLevel<TimeBuckets> };

function statValue(stat: Stat, bucket: TimeBucket): number | null {
  const p = percentileOf(stat);
  if (p !== undefined) {
    const found = bucket.percentiles?.values.find((entry) => entry.key === p);
    return found?.value == null ? null : found.value / 1000;
  }
  switch (stat) {
    case 'count':
      return bucket.duration.count;
    case 'avg':
    case 'min':
    case 'max': {
      const ms = bucket.duration[stat];
      return ms == null ? null : ms / 1000;
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
  const { groups, notices } = largestGroups(aggregations, query.limit);
  const frames: Frame[] = [];
  for (const group of groups) {
    const buckets = group.bucket.over_time?.buckets ?? [];
    if (buckets.length === 0) {
      continue;
    }
    const groupLabels = Object.fromEntries(search.labelNames.map((name, i) => [name, group.keys[i]]));
    for (const stat of query.stats) {
      const labels = { ...groupLabels, stat };
      const legend = [...group.keys, stat].join(' ');
      frames.push({
        refId: query.refId,
        fields: [
          { name: 'time', type: 'time', nullable: false, values: buckets.map((b) => b.key) },
          {
            name: 'duration',
            type: 'number',
            nullable: true,
            labels,
            config: { unit: stat === 'count' ? 'none' : 's', displayNameFromDS: legend },
            values: buckets.map((b) => statValue(stat, b)),
          },
        ],
        meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION },
      });
    }
  }
  if (frames.length === 0) {
    // The dataplane's "no data": one typed frame without fields.
    frames.push({ refId: query.refId, fields: [], meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION } });
  }
  frames[0].meta = { ...frames[0].meta, executedQueryString, ...(notices.length ? { notices } : {}) };
  return frames;
}

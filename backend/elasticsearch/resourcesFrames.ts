import type { ResourceMeasure, ResourcesQuery } from '../../src/query/resourcesQuery';
import type { Frame } from '../frames/frame';
import type { GroupLevel } from './groupBuckets';
import type { ResourcesSearch } from './resourcesSearch';
import { groupSeriesFrames } from './groupSeriesFrames';

/**
 * Turns the resources aggregation answer into dataplane timeseries-multi frames: one per (group,
 * resource), labelled with the group keys and `resource`. Totals are resource-seconds per bucket;
 * averages are Σ resource-seconds ÷ Σ duration seconds of the runs that have both (null without any).
 */
interface Sum {
  value: number | null;
}
interface TimedSums {
  resource: Sum;
  duration_ms: Sum;
}
interface TimeBucket {
  key: number;
  /** Only the asked resources' aggregations are in the answer. */
  cpu?: Sum;
  memory?: Sum;
  gpu?: Sum;
  avg_cores?: TimedSums;
  avg_memory?: TimedSums;
}
interface TimeBuckets {
  over_time?: { buckets: TimeBucket[] };
}
export type ResourcesAggregations = TimeBuckets & { groups?: GroupLevel<TimeBuckets> };

/** Field name, unit and display words of each resource. */
const RESOURCE_FIELDS: Record<ResourceMeasure, { name: string; unit: string; words: string }> = {
  cpu: { name: 'cpu_core_seconds', unit: 'none', words: 'CPU core-seconds' },
  memory: { name: 'memory_mib_seconds', unit: 'none', words: 'memory MiB-seconds' },
  gpu: { name: 'gpu_seconds', unit: 's', words: 'GPU time' },
  avg_cores: { name: 'avg_cores', unit: 'none', words: 'average cores' },
  avg_memory: { name: 'avg_memory', unit: 'mbytes', words: 'average memory' },
};

function resourceValue(resource: ResourceMeasure, bucket: TimeBucket, msPerUnit: number): number | null {
  if (resource === 'avg_cores' || resource === 'avg_memory') {
    const sums = bucket[resource];
    return sums?.duration_ms.value ? (sums.resource.value ?? 0) / ((sums.duration_ms.value * msPerUnit) / 1000) : null;
  }
  return bucket[resource]?.value ?? 0;
}

export function resourcesFrames(
  query: ResourcesQuery,
  search: ResourcesSearch,
  aggregations: ResourcesAggregations,
  executedQueryString: string
): Frame[] {
  const request = { ...query, labelNames: search.labelNames, measures: query.resources, executedQueryString };
  return groupSeriesFrames(request, aggregations, (resource, buckets, group) => {
    const { name, unit, words } = RESOURCE_FIELDS[resource];
    return {
      name,
      nullable: true,
      labels: { ...group.labels, resource },
      config: { unit, displayNameFromDS: [...group.keys, words].join(' ') },
      values: buckets.map((b) => resourceValue(resource, b, search.msPerUnit)),
    };
  });
}

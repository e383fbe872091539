import { labelNameOf } from '../../src/query/groupBy';
import type { ResourceMeasure, ResourcesQuery } from '../../src/query/resourcesQuery';
import type { DocumentFields } from './documentFields';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';
import { timeHistogram } from './timeHistogram';

/**
 * The Elasticsearch request for a resources query: groups × date_histogram × sums of the resource
 * seconds. Averages need the duration of the same runs, so each average has a filter aggregation over
 * the runs that have both the resource and a duration, summing the two; the division happens afterwards
 * (bucket_script needs a module our target nodes may lack).
 */
export interface ResourcesSearch {
  body: Record<string, unknown>;
  /** Label name per group key, in groupBy order. */
  labelNames: string[];
  /** Milliseconds per unit of the summed durations. */
  msPerUnit: number;
}

const sum = (field: string) => ({ sum: { field } });

/** Sums of `field` and of duration_ms over the documents that have both. */
function timedSums(field: string, duration: string): Record<string, unknown> {
  return {
    filter: { bool: { filter: [{ exists: { field } }, { exists: { field: duration } }] } },
    aggs: { resource: sum(field), duration_ms: sum(duration) },
  };
}

export function resourcesSearch(
  fields: DocumentFields,
  query: ResourcesQuery,
  window: TimeWindow,
  intervalMs: number
): ResourcesSearch {
  const groupFields = fields.groupTerms(query.groupBy, query.level);
  const field = (name: 'cpuCoreSeconds' | 'memoryMibSeconds' | 'gpuSeconds') => fields.name(name, 'a resources query');
  // Only the sums the asked resources need: each one costs Elasticsearch a pass over its values.
  const measures: Record<ResourceMeasure, () => Record<string, unknown>> = {
    cpu: () => sum(field('cpuCoreSeconds')),
    memory: () => sum(field('memoryMibSeconds')),
    gpu: () => sum(field('gpuSeconds')),
    avg_cores: () => timedSums(field('cpuCoreSeconds'), fields.duration),
    avg_memory: () => timedSums(field('memoryMibSeconds'), fields.duration),
  };
  const inner = {
    over_time: {
      ...timeHistogram(fields.start, intervalMs),
      aggs: Object.fromEntries(query.resources.map((resource) => [resource, measures[resource]()])),
    },
  };
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: searchFilters(fields, query.level, window, query.filters) } },
      aggs: groupedAggs(groupFields, query.limit, inner),
    },
    labelNames: query.groupBy.map(labelNameOf),
    msPerUnit: fields.msPerDurationUnit,
  };
}

import { labelNameOf } from '../../src/query/groupBy';
import type { ResourcesQuery } from '../../src/query/resourcesQuery';
import { FIELDS, groupField } from './fieldNames';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';

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
}

const sum = (field: string) => ({ sum: { field } });

/** Sums of `field` and of duration_ms over the documents that have both. */
function timedSums(field: string): Record<string, unknown> {
  return {
    filter: { bool: { filter: [{ exists: { field } }, { exists: { field: FIELDS.durationMs } }] } },
    aggs: { resource: sum(field), duration_ms: sum(FIELDS.durationMs) },
  };
}

export function resourcesSearch(query: ResourcesQuery, window: TimeWindow, intervalMs: number): ResourcesSearch {
  const fields = query.groupBy.map((key) => groupField(key, query.level));
  const inner = {
    over_time: {
      date_histogram: { field: FIELDS.start, fixed_interval: `${intervalMs}ms`, min_doc_count: 1 },
      aggs: {
        cpu: sum(FIELDS.cpuCoreSeconds),
        memory: sum(FIELDS.memoryMibSeconds),
        gpu: sum(FIELDS.gpuSeconds),
        avg_cores: timedSums(FIELDS.cpuCoreSeconds),
        avg_memory: timedSums(FIELDS.memoryMibSeconds),
      },
    },
  };
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: searchFilters(query.level, window, query.filters) } },
      aggs: groupedAggs(fields, query.limit, inner),
    },
    labelNames: query.groupBy.map(labelNameOf),
  };
}

import type { GroupColumn } from './runsBaselineSearch';

/**
 * Reads the answer of runsBaselineSearch: the median duration (ms) per group, keyed by groupKey of
 * the group's keys, and the number of retried steps per workflow uid.
 */
interface MedianBucket {
  key: string | number;
  median?: { values: Array<{ key: number; value: number | null }> };
  groups?: { buckets: MedianBucket[] };
}
export interface RunsBaselineAggregations {
  baseline?: { groups?: { buckets: MedianBucket[] } };
  retries?: { runs?: { buckets: Array<{ key: string; doc_count: number }> } };
}

export interface RunsBaseline {
  medianMs: Map<string, number>;
  /** Retried steps per workflow uid; undefined when the field mapping cannot count them. */
  retries?: Map<string, number>;
  groupColumns: GroupColumn[];
}

export const groupKey = (keys: string[]): string => JSON.stringify(keys);

function readMedians(buckets: MedianBucket[], path: string[], msPerUnit: number, into: Map<string, number>): void {
  for (const bucket of buckets) {
    const keys = [...path, String(bucket.key)];
    if (bucket.groups) {
      readMedians(bucket.groups.buckets, keys, msPerUnit, into);
    }
    const median = bucket.median?.values[0]?.value;
    if (typeof median === 'number') {
      into.set(groupKey(keys), median * msPerUnit);
    }
  }
}

export interface RunsBaselineShape {
  groupColumns: GroupColumn[];
  msPerUnit: number;
  countsRetries: boolean;
}

export function readRunsBaseline(aggregations: RunsBaselineAggregations, shape: RunsBaselineShape): RunsBaseline {
  const medianMs = new Map<string, number>();
  readMedians(aggregations.baseline?.groups?.buckets ?? [], [], shape.msPerUnit, medianMs);
  const retries = shape.countsRetries
    ? new Map((aggregations.retries?.runs?.buckets ?? []).map((bucket) => [String(bucket.key), bucket.doc_count]))
    : undefined;
  return { medianMs, retries, groupColumns: shape.groupColumns };
}

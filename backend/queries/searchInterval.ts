import { bucketIntervalMs } from './bucketInterval';
import type { QueryInput } from './queryInput';

/** Elasticsearch allows 65,536 buckets per search (search.max_buckets); keep a margin. */
const MAX_SEARCH_BUCKETS = 60_000;

/**
 * The date_histogram width for a search whose time buckets repeat `copies` times (once per group, or
 * per duration band), so that the whole search stays under Elasticsearch's bucket limit.
 */
export function searchIntervalMs(input: QueryInput, copies: number): number {
  return bucketIntervalMs({
    fromMs: input.fromMs,
    toMs: input.toMs,
    intervalMs: input.intervalMs,
    maxDataPoints: input.maxDataPoints,
    maxBuckets: Math.max(10, Math.floor(MAX_SEARCH_BUCKETS / Math.max(1, copies))),
  });
}

import type { DurationsQuery } from '../../src/query/model';
import { durationsFrames, type DurationsAggregations } from '../elasticsearch/durationsFrames';
import { durationsSearch } from '../elasticsearch/durationsSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import type { Frame } from '../frames/frame';
import { bucketIntervalMs } from './bucketInterval';
import { QueryError, restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';

/** Elasticsearch allows 65,536 buckets per search (search.max_buckets); keep a margin. */
const MAX_SEARCH_BUCKETS = 60_000;

export async function runDurations(query: DurationsQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: durations from the Argo Server are not available yet; use source elasticsearch');
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  const groups = query.groupBy.length === 0 ? 1 : query.limit;
  const intervalMs = bucketIntervalMs({
    fromMs: input.fromMs,
    toMs: input.toMs,
    intervalMs: input.intervalMs,
    maxDataPoints: input.maxDataPoints,
    maxBuckets: Math.max(10, Math.floor(MAX_SEARCH_BUCKETS / groups)),
  });
  const search = durationsSearch({ ...query, filters }, { fromMs: input.fromMs, toMs: input.toMs }, intervalMs);
  const aggregations = await searchAggregations<DurationsAggregations>(input.instance, search.body, input.context.signal);
  return durationsFrames(query, search, aggregations, JSON.stringify(search.body));
}

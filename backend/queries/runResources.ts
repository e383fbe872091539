import type { ResourcesQuery } from '../../src/query/resourcesQuery';
import { resourcesFrames, type ResourcesAggregations } from '../elasticsearch/resourcesFrames';
import { resourcesSearch } from '../elasticsearch/resourcesSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { documentFields } from '../elasticsearch/documentFields';
import type { Frame } from '../frames/frame';
import { QueryError } from '../errors/queryError';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { searchIntervalMs } from './searchInterval';

export async function runResources(query: ResourcesQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: resources from the Argo Server are not available yet; use source elasticsearch');
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  // Each time bucket brings two filter buckets (the averages) along, per group.
  const intervalMs = searchIntervalMs(input, 3 * (query.groupBy.length === 0 ? 1 : query.limit));
  const search = resourcesSearch(
    documentFields(input.instance),
    { ...query, filters },
    { fromMs: input.fromMs, toMs: input.toMs },
    intervalMs
  );
  const aggregations = await searchAggregations<ResourcesAggregations>(
    input.instance,
    search.body,
    input.context.signal
  );
  return resourcesFrames(query, search, aggregations, JSON.stringify(search.body));
}

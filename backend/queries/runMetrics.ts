import type { MetricsQuery } from '../../src/query/metricsQuery';
import { metricsFrames, type MetricsAggregations } from '../elasticsearch/metricsFrames';
import { metricsSearch } from '../elasticsearch/metricsSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { documentFields } from '../elasticsearch/documentFields';
import type { Frame } from '../frames/frame';
import { QueryError } from '../errors/queryError';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { searchIntervalMs } from './searchInterval';

export async function runMetrics(query: MetricsQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: metrics from the Argo Server are not available yet; use source elasticsearch');
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  const intervalMs = searchIntervalMs(input, query.groupBy.length === 0 ? 1 : query.limit);
  const search = metricsSearch(
    documentFields(input.instance),
    { ...query, filters },
    { fromMs: input.fromMs, toMs: input.toMs },
    intervalMs
  );
  const aggregations = await searchAggregations<MetricsAggregations>(input.instance, search.body, input.context.signal);
  return metricsFrames(query, search, aggregations, JSON.stringify(search.body));
}

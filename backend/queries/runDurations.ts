import type { DurationsQuery } from '../../src/query/model';
import { durationsFrames, type DurationsAggregations } from '../elasticsearch/durationsFrames';
import { durationsSearch } from '../elasticsearch/durationsSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { documentFields } from '../elasticsearch/documentFields';
import type { Frame } from '../frames/frame';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { searchIntervalMs } from './searchInterval';

export async function runDurations(query: DurationsQuery, input: QueryInput): Promise<Frame[]> {
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  if (query.source === 'argo') {
    const { argoDurations } = await import('../argo/history/argoDurations');
    return argoDurations({ ...query, filters }, input);
  }
  const intervalMs = searchIntervalMs(input, query.groupBy.length === 0 ? 1 : query.limit);
  const search = durationsSearch(
    documentFields(input.instance),
    { ...query, filters },
    { fromMs: input.fromMs, toMs: input.toMs },
    intervalMs
  );
  const aggregations = await searchAggregations<DurationsAggregations>(
    input.instance,
    search.body,
    input.context.signal
  );
  return durationsFrames(query, search, aggregations, JSON.stringify(search.body));
}

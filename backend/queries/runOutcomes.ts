import type { OutcomesQuery } from '../../src/query/outcomesQuery';
import { failureReasonsFrame, type FailureReasonsAggregations } from '../elasticsearch/failureReasonsFrame';
import { outcomesFrames, type OutcomesAggregations } from '../elasticsearch/outcomesFrames';
import { outcomesSearch } from '../elasticsearch/outcomesSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { documentFields } from '../elasticsearch/documentFields';
import type { Frame } from '../frames/frame';
import { QueryError } from '../errors/queryError';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { searchIntervalMs } from './searchInterval';

export async function runOutcomes(query: OutcomesQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: outcomes from the Argo Server are not available yet; use source elasticsearch');
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  // Each group answers up to three phase histograms and four series.
  const intervalMs = searchIntervalMs(input, 4 * (query.groupBy.length === 0 ? 1 : query.limit));
  const search = outcomesSearch(
    documentFields(input.instance),
    { ...query, filters },
    { fromMs: input.fromMs, toMs: input.toMs },
    intervalMs
  );
  const executed = JSON.stringify(search.body);
  if (query.view === 'reasons') {
    const aggregations = await searchAggregations<FailureReasonsAggregations>(
      input.instance,
      search.body,
      input.context.signal
    );
    return [failureReasonsFrame(query, search, aggregations, executed)];
  }
  const aggregations = await searchAggregations<OutcomesAggregations>(
    input.instance,
    search.body,
    input.context.signal
  );
  return outcomesFrames(query, search, aggregations, executed);
}

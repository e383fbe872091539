import type { BaselineQuery } from '../../src/query/baselineQuery';
import { baselineFrames, type BaselineAggregations } from '../elasticsearch/baselineFrames';
import { baselineSearch } from '../elasticsearch/baselineSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { documentFields } from '../elasticsearch/documentFields';
import type { Frame } from '../frames/frame';
import { QueryError } from '../errors/queryError';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { checkBaselineSpan } from './timeRangeGuard';

/** baseline: one search over the current and baseline windows that end at the range end. */
export async function runBaseline(query: BaselineQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: baselines from the Argo Server are not available yet; use source elasticsearch');
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  const fields = documentFields(input.instance);
  const search = baselineSearch(fields, { ...query, filters }, input.toMs);
  checkBaselineSpan(search.windows.current.toMs - search.windows.baseline.fromMs, input.instance.settings.maxRangeDays);
  const aggregations = await searchAggregations<BaselineAggregations>(
    input.instance,
    search.body,
    input.context.signal
  );
  return baselineFrames(query, search, aggregations, JSON.stringify(search.body));
}

import type { RunsQuery } from '../../src/query/runsQuery';
import { readRunsBaseline, type RunsBaselineAggregations } from '../elasticsearch/runsBaselineAnswer';
import { runsBaselineSearch } from '../elasticsearch/runsBaselineSearch';
import { runsFrame } from '../elasticsearch/runsFrame';
import { runsSearch, type RunDoc } from '../elasticsearch/runsSearch';
import { searchAggregations, searchHits } from '../elasticsearch/searchElasticsearch';
import type { Frame } from '../frames/frame';
import { QueryError, restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';

/** runs: the newest runs in the range (first search), then their groups' baselines (second search). */
export async function runRuns(query: RunsQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: runs from the Argo Server are not available yet; use source elasticsearch');
  }
  const restricted = { ...query, filters: restrictNamespaces(query.filters, input.instance.settings.namespaces) };
  const { signal } = input.context;
  const body = runsSearch(restricted, { fromMs: input.fromMs, toMs: input.toMs });
  const docs = await searchHits<RunDoc>(input.instance, body, signal);
  const baselineBody = runsBaselineSearch(restricted, docs.slice(0, query.limit), input.toMs);
  const aggregations = baselineBody ? await searchAggregations<RunsBaselineAggregations>(input.instance, baselineBody, signal) : {};
  const executed = [body, baselineBody].filter(Boolean).map((b) => JSON.stringify(b)).join('\n');
  return [
    runsFrame({ query, docs, baseline: readRunsBaseline(aggregations), argoUrl: input.instance.settings.argo?.url, executedQueryString: executed }),
  ];
}

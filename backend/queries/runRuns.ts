import type { RunsQuery } from '../../src/query/runsQuery';
import { readRunsBaseline, type RunsBaselineAggregations } from '../elasticsearch/runsBaselineAnswer';
import { canCountRetries, groupColumns, runsBaselineSearch } from '../elasticsearch/runsBaselineSearch';
import { runsFrame } from '../elasticsearch/runsFrame';
import { documentFields } from '../elasticsearch/documentFields';
import { readRunRow, runsColumns, runsSearch } from '../elasticsearch/runsSearch';
import { searchAggregations, searchHits } from '../elasticsearch/searchElasticsearch';
import type { Frame } from '../frames/frame';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { checkBaselineSpan } from './timeRangeGuard';

/** runs: the newest runs in the range (first search), then their groups' baselines (second search). */
export async function runRuns(query: RunsQuery, input: QueryInput): Promise<Frame[]> {
  const restricted = { ...query, filters: restrictNamespaces(query.filters, input.instance.settings.namespaces) };
  checkBaselineSpan(query.baselineDays * 24 * 3_600_000, input.instance.settings.maxRangeDays);
  if (query.source === 'argo') {
    const { argoRunsTable } = await import('../argo/history/argoRunsTable');
    return argoRunsTable(restricted, input);
  }
  const { signal } = input.context;
  const fields = documentFields(input.instance);
  const columns = runsColumns(fields, query.level);
  const body = runsSearch(fields, restricted, { fromMs: input.fromMs, toMs: input.toMs });
  const docs = (await searchHits(input.instance, body, signal)).map((hit) => readRunRow(columns, hit.fields));
  const baselineBody = runsBaselineSearch(fields, restricted, docs.slice(0, query.limit), input.toMs);
  const aggregations = baselineBody
    ? await searchAggregations<RunsBaselineAggregations>(input.instance, baselineBody, signal)
    : {};
  const executed = [body, baselineBody]
    .filter(Boolean)
    .map((b) => JSON.stringify(b))
    .join('\n');
  return [
    runsFrame({
      query,
      docs,
      baseline: readRunsBaseline(aggregations, {
        groupColumns: groupColumns(fields, query.level),
        msPerUnit: fields.msPerDurationUnit,
        countsRetries: query.level === 'workflow' && canCountRetries(fields),
      }),
      argoUrl: input.instance.settings.argo?.url,
      executedQueryString: executed,
    }),
  ];
}

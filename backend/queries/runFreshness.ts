import type { FreshnessQuery } from '../../src/query/freshnessQuery';
import { readHeartbeats } from '../elasticsearch/collectorHeartbeat';
import { documentFields } from '../elasticsearch/documentFields';
import { freshnessFrames, freshnessGroups, groupNamespaces, type FreshnessAggregations } from '../elasticsearch/freshnessFrames';
import { freshnessSearch } from '../elasticsearch/freshnessSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { QueryError } from '../errors/queryError';
import type { Frame } from '../frames/frame';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';

/**
 * freshness: one search for the newest collected document per group, then (basis history) one for the
 * collector's sync checkpoints of those groups' namespaces; aged at the range end.
 */
export async function runFreshness(query: FreshnessQuery, input: QueryInput): Promise<Frame[]> {
  const maxDays = input.instance.settings.maxRangeDays;
  // The lookback is read whatever the dashboard's range is, so it is held to the same limit.
  if (query.lookbackDays > maxDays) {
    throw new QueryError(
      `lookbackDays: ${query.lookbackDays} days is longer than this datasource allows (${maxDays} days); shorten the lookback, or raise "Longest time range" (maxRangeDays) in the datasource settings`
    );
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  const search = freshnessSearch(documentFields(input.instance), { ...query, filters }, input.toMs);
  const aggregations = await searchAggregations<FreshnessAggregations>(input.instance, search.body, input.context.signal);
  const found = freshnessGroups(aggregations);
  // No group, no age: the state index is not read for nothing. The table shows the sync on either basis.
  const heartbeats =
    (query.basis === 'history' || query.view === 'table') && found.groups.length > 0
      ? await readHeartbeats(input.instance, groupNamespaces(query, found.groups), search.window, input.context.signal)
      : undefined;
  return freshnessFrames(query, search, found, heartbeats, JSON.stringify(search.body));
}

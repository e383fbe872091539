import type { FreshnessQuery } from '../../src/query/freshnessQuery';
import { labelNameOf } from '../../src/query/groupBy';
import type { DocumentFields } from './documentFields';
import { filterClauses, type TimeWindow } from './searchFilters';

/**
 * The Elasticsearch request of a freshness query: the run documents collected in the lookback before
 * the range end, grouped (nested terms), with the newest collected time (`max`) per group. Each level
 * keeps its stalest groups (ordered by that max, ascending), so a limit never hides a stale group
 * behind fresh ones.
 */
export interface FreshnessSearch {
  body: Record<string, unknown>;
  /** Label name per group key, in groupBy order. */
  labelNames: string[];
  /** [range end − lookbackDays, range end]: documents collected after the range end are not counted. */
  window: TimeWindow;
}

const DAY_MS = 24 * 3_600_000;

function stalestFirst(groupFields: string[], limit: number, newest: object): Record<string, unknown> {
  const [field, ...rest] = groupFields;
  return {
    terms: { field, size: limit, order: [{ newest: 'asc' }, { _key: 'asc' }] },
    aggs: { newest, ...(rest.length > 0 ? { groups: stalestFirst(rest, limit, newest) } : {}) },
  };
}

export function freshnessSearch(fields: DocumentFields, query: FreshnessQuery, toMs: number): FreshnessSearch {
  const collectedAt = fields.name('collectedAt', 'freshness');
  const window = { fromMs: toMs - query.lookbackDays * DAY_MS, toMs };
  const newest = { max: { field: collectedAt } };
  const groupFields = query.groupBy.map((key) => fields.groupField(key, 'workflow'));
  const collected = { range: { [collectedAt]: { gte: window.fromMs, lte: window.toMs, format: 'epoch_millis' } } };
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: [...fields.levelClauses('workflow'), collected, ...filterClauses(fields, 'workflow', query.filters)] } },
      aggs: groupFields.length === 0 ? { newest } : { groups: stalestFirst(groupFields, query.limit, newest) },
    },
    labelNames: query.groupBy.map(labelNameOf),
    window,
  };
}

import type { FreshnessQuery } from '../../src/query/freshnessQuery';
import type { Field, Frame, Notice } from '../frames/frame';
import { finishNumericFrames, numberFrame } from '../frames/numericFrames';
import { tableFrame } from '../frames/tableFrame';
import type { Heartbeats } from './collectorHeartbeat';
import type { FreshnessSearch } from './freshnessSearch';
import { flattenGroups, type Group, type GroupLevel } from './groupBuckets';

/**
 * Turns the freshness answer into frames, stalest group first. A group is updated at the newer of its
 * newest collected_at and (basis `history`) the collector's last sync round vouching for it: the
 * checkpoint of its namespace, or of all namespaces ('', which vouches for every group, also groups
 * without a namespace key). View `age`: dataplane numeric-multi, one frame per group with one number
 * `age` (seconds from that update to the range end), labelled with the group keys, `meta.custom` the
 * ISO times `newest` and `synced` (for alert rules). View `table`: a column per group key, `newest` and
 * `synced` (times) and `age` (seconds). A group without documents in the lookback is not in
 * Elasticsearch's answer, so it has no row: the rule's No Data covers none at all.
 */
interface NewestBucket {
  newest?: { value: number | null };
}
export type FreshnessAggregations = NewestBucket & { groups?: GroupLevel<NewestBucket> };

export interface FreshnessGroup {
  keys: string[];
  newestMs: number;
}

interface Row extends FreshnessGroup {
  syncedMs?: number;
  updatedMs: number;
}

export const freshnessText = {
  cut: (limit: number) =>
    `Only the ${limit} groups whose newest document is oldest are shown; fresher groups were left out. Raise Limit in the query to see them.`,
};

/** Every group that has a newest document, and whether Elasticsearch left groups out. */
export function freshnessGroups(aggregations: FreshnessAggregations): { groups: FreshnessGroup[]; leftOut: number } {
  const all: FreshnessGroup[] = [];
  let leftOut = 0;
  if (aggregations.groups) {
    const groups: Array<Group<NewestBucket>> = [];
    leftOut = flattenGroups(aggregations.groups, [], groups);
    for (const group of groups) {
      const newestMs = group.bucket.newest?.value;
      if (typeof newestMs === 'number') {
        all.push({ keys: group.keys, newestMs });
      }
    }
  } else if (typeof aggregations.newest?.value === 'number') {
    all.push({ keys: [], newestMs: aggregations.newest.value });
  }
  return { groups: all, leftOut };
}

/** The namespaces of the groups (none when not grouped by namespace): whose checkpoints to read. */
export function groupNamespaces(query: FreshnessQuery, groups: FreshnessGroup[]): string[] {
  const at = query.groupBy.indexOf('namespace');
  return at < 0 ? [] : [...new Set(groups.map((group) => group.keys[at]))];
}

/** Stalest first by the basis' update time (ties by name), at most `limit`. */
function freshnessRows(query: FreshnessQuery, groups: FreshnessGroup[], heartbeats: Heartbeats | undefined): Row[] {
  const at = query.groupBy.indexOf('namespace');
  const rows = groups.map((group): Row => {
    const own = at < 0 ? undefined : heartbeats?.syncedMs.get(group.keys[at]);
    const all = heartbeats?.syncedMs.get('');
    const syncedMs = own === undefined ? all : all === undefined ? own : Math.max(own, all);
    const updatedMs = query.basis === 'history' && syncedMs !== undefined ? Math.max(group.newestMs, syncedMs) : group.newestMs;
    return { ...group, syncedMs, updatedMs };
  });
  rows.sort((a, b) => a.updatedMs - b.updatedMs || a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')));
  return rows.slice(0, query.limit);
}

const ageSeconds = (search: FreshnessSearch, row: Row) => (search.window.toMs - row.updatedMs) / 1000;

export function freshnessFrames(
  query: FreshnessQuery,
  search: FreshnessSearch,
  found: { groups: FreshnessGroup[]; leftOut: number },
  heartbeats: Heartbeats | undefined,
  executedQueryString: string
): Frame[] {
  const rows = freshnessRows(query, found.groups, heartbeats);
  const cut = found.leftOut > 0 || found.groups.length > query.limit;
  const notices: Notice[] = [...(cut ? [{ severity: 'warning' as const, text: freshnessText.cut(query.limit) }] : []), ...(heartbeats?.notices ?? [])];
  if (query.view === 'table') {
    const fields: Field[] = [
      ...search.labelNames.map((name, i): Field => ({ name, type: 'string', values: rows.map((row) => row.keys[i]) })),
      { name: 'newest', type: 'time', config: { displayNameFromDS: 'newest collected' }, values: rows.map((row) => row.newestMs) },
      { name: 'synced', type: 'time', nullable: true, config: { displayNameFromDS: 'collector synced' }, values: rows.map((row) => row.syncedMs ?? null) },
      { name: 'age', type: 'number', config: { unit: 's' }, values: rows.map((row) => ageSeconds(search, row)) },
    ];
    return [tableFrame(query.refId, fields, executedQueryString, notices)];
  }
  const frames = rows.map((row) =>
    numberFrame(
      query.refId,
      {
        name: 'age',
        nullable: false,
        labels: Object.fromEntries(search.labelNames.map((label, i) => [label, row.keys[i]])),
        config: { unit: 's', displayNameFromDS: `${row.keys.length > 0 ? row.keys.join(' ') : 'all'} age` },
        value: ageSeconds(search, row),
      },
      {
        newest: new Date(row.newestMs).toISOString(),
        ...(row.syncedMs === undefined ? {} : { synced: new Date(row.syncedMs).toISOString() }),
      }
    )
  );
  return finishNumericFrames(query.refId, frames, executedQueryString, notices);
}

import type { FreshnessQuery } from '../../src/query/freshnessQuery';
import type { Field, Frame, Notice } from '../frames/frame';
import { finishNumericFrames, numberFrame } from '../frames/numericFrames';
import { tableFrame } from '../frames/tableFrame';
import type { FreshnessSearch } from './freshnessSearch';
import { flattenGroups, type Group, type GroupLevel } from './groupBuckets';

/**
 * Turns the freshness answer into frames, stalest group first. View `age`: dataplane numeric-multi, one
 * frame per group with one number `age` (seconds from the group's newest collected_at to the range end),
 * labelled with the group keys, `meta.custom.newest` the ISO time (as baseline answers, for alert rules).
 * View `table`: a column per group key, `newest` (time) and `age` (seconds). A group without documents
 * in the lookback is not in Elasticsearch's answer, so it has no row: the rule's No Data covers none at all.
 */
interface NewestBucket {
  newest?: { value: number | null };
}
export type FreshnessAggregations = NewestBucket & { groups?: GroupLevel<NewestBucket> };

interface Row {
  keys: string[];
  newestMs: number;
}

export const freshnessText = {
  cut: (limit: number) =>
    `Only the ${limit} groups whose newest document is oldest are shown; fresher groups were left out. Raise Limit in the query to see them.`,
};

/** Every group that has a newest document, stalest first (ties by name), at most `limit`. */
function freshnessRows(aggregations: FreshnessAggregations, limit: number): { rows: Row[]; notices: Notice[] } {
  const all: Row[] = [];
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
  all.sort((a, b) => a.newestMs - b.newestMs || a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')));
  const cut = leftOut > 0 || all.length > limit;
  return { rows: all.slice(0, limit), notices: cut ? [{ severity: 'warning', text: freshnessText.cut(limit) }] : [] };
}

const ageSeconds = (search: FreshnessSearch, row: Row) => (search.window.toMs - row.newestMs) / 1000;

export function freshnessFrames(
  query: FreshnessQuery,
  search: FreshnessSearch,
  aggregations: FreshnessAggregations,
  executedQueryString: string
): Frame[] {
  const { rows, notices } = freshnessRows(aggregations, query.limit);
  if (query.view === 'table') {
    const fields: Field[] = [
      ...search.labelNames.map((name, i): Field => ({ name, type: 'string', values: rows.map((row) => row.keys[i]) })),
      { name: 'newest', type: 'time', config: { displayNameFromDS: 'newest collected' }, values: rows.map((row) => row.newestMs) },
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
      { newest: new Date(row.newestMs).toISOString() }
    )
  );
  return finishNumericFrames(query.refId, frames, executedQueryString, notices);
}

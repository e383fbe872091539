import type { Notice } from '../frames/frame';
import { NO_STEP_NAME, noStepNameNotice } from './stepGroupText';

/**
 * Grouping shared by the query types that answer per group: nested terms aggregations (one level per
 * group key, no x-pack multi_terms), flattened back into groups, capped at the query's limit with a
 * notice saying how many runs were left out.
 */
export interface GroupLevel<T> {
  buckets: Array<GroupBucket<T>>;
  sum_other_doc_count?: number;
}
export type GroupBucket<T> = T & { key: string | number; doc_count: number; groups?: GroupLevel<T> };

export interface Group<T> {
  keys: string[];
  docCount: number;
  bucket: T;
}

/** A group level's field; `missing`: the group of documents without it (else they are left out). */
export type GroupTerms = string | { field: string; missing?: string };

/** groups → groups → … → inner; each level keeps the `limit` largest values. */
export function groupAggregation(fields: GroupTerms[], limit: number, inner: Record<string, unknown>): Record<string, unknown> {
  const [first, ...rest] = fields;
  const terms = typeof first === 'string' ? { field: first } : first;
  return {
    terms: { ...terms, size: limit, order: { _count: 'desc' } },
    aggs: rest.length === 0 ? inner : { groups: groupAggregation(rest, limit, inner) },
  };
}

/** The search's aggs: the group levels around `inner`, or `inner` alone without grouping. */
export function groupedAggs(fields: GroupTerms[], limit: number, inner: Record<string, unknown>): Record<string, unknown> {
  return fields.length === 0 ? inner : { groups: groupAggregation(fields, limit, inner) };
}

/** Flattens nested terms levels into groups; counts documents each level left out. */
export function flattenGroups<T>(level: GroupLevel<T>, keys: string[], groups: Array<Group<T>>): number {
  let leftOut = level.sum_other_doc_count ?? 0;
  for (const bucket of level.buckets) {
    const path = [...keys, String(bucket.key)];
    if (bucket.groups) {
      leftOut += flattenGroups(bucket.groups, path, groups);
    } else {
      groups.push({ keys: path, docCount: bucket.doc_count, bucket });
    }
  }
  return leftOut;
}

/**
 * The `limit` largest groups (or the single ungrouped answer) and a notice when some were cut.
 * `root` is the aggregations object: its `groups` when grouped, itself otherwise.
 */
export function largestGroups<T>(root: T & { groups?: GroupLevel<T> }, limit: number): { groups: Array<Group<T>>; notices: Notice[] } {
  if (!root.groups) {
    return { groups: [{ keys: [], docCount: 0, bucket: root }], notices: [] };
  }
  let groups: Array<Group<T>> = [];
  let otherDocs = flattenGroups(root.groups, [], groups);
  groups.sort((a, b) => b.docCount - a.docCount);
  otherDocs += groups.slice(limit).reduce((sum, group) => sum + group.docCount, 0);
  groups = groups.slice(0, limit);
  const notices: Notice[] = [];
  const withoutStep = groups.filter((group) => group.keys.includes(NO_STEP_NAME)).reduce((sum, group) => sum + group.docCount, 0);
  if (withoutStep > 0) {
    notices.push({ severity: 'warning', text: noStepNameNotice(withoutStep) });
  }
  if (otherDocs > 0) {
    notices.push({
      severity: 'warning',
      text: `Only the ${limit} groups with the most runs are shown; ${otherDocs} runs in other groups were left out. Raise Limit in the query to see more.`,
    });
  }
  return { groups, notices };
}

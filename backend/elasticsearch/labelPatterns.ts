import { QueryError } from '../errors/queryError';
import type { FieldTypes } from './fieldCheck';

/**
 * Elasticsearch refuses `regexp` (and `wildcard`) on the keys of a `flattened` field, which is how
 * labels are mapped. A regexp clause on one is answered in two steps: a terms aggregation lists the
 * label's values that match, with the same pattern as its `include` (Lucene's RegExp with every syntax
 * flag, matched against the whole value, as the regexp query does), then the clause becomes a `terms`
 * clause on those values. Same matches, `!~` (must_not) too; no scripts, and old documents need nothing.
 * The values are listed over the documents the search's own query matches with those clauses left out:
 * a superset of what any part of the search reads, and usually a small one (the time range, the level).
 */
export const MAX_PATTERN_VALUES = 10_000;

interface Pattern {
  field: string;
  value: string;
  /** The name the user knows: `label:team`. */
  key: string;
}

type Json = unknown;

/** The flattened field a field name is a key of (`labels` for `labels.example.com/tier`), if any. */
function flattenedParent(field: string, types: FieldTypes): string | undefined {
  if (types.fields.has(field)) {
    return undefined;
  }
  const parts = field.split('.');
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join('.');
    if (types.fields.get(parent)?.some((cap) => cap.type === 'flattened')) {
      return parent;
    }
  }
  return undefined;
}

/** `{ regexp: { <field>: { value } } }` on a key of a flattened field, or undefined. */
function patternOf(node: Json, types: FieldTypes): Pattern | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    return undefined;
  }
  const entries = Object.entries(node);
  if (entries.length !== 1 || entries[0][0] !== 'regexp') {
    return undefined;
  }
  const [field, spec] = Object.entries(entries[0][1] as Record<string, { value?: unknown }>)[0] ?? [];
  const parent = field === undefined ? undefined : flattenedParent(field, types);
  if (!parent || typeof spec?.value !== 'string') {
    return undefined;
  }
  return { field, value: spec.value, key: `label:${field.slice(parent.length + 1)}` };
}

function collect(node: Json, types: FieldTypes, found: Pattern[]): void {
  const pattern = patternOf(node, types);
  if (pattern) {
    found.push(pattern);
  } else if (node && typeof node === 'object') {
    Object.values(node).forEach((child) => collect(child, types, found));
  }
}

function replace(node: Json, types: FieldTypes, values: Map<string, string[]>): Json {
  const pattern = patternOf(node, types);
  if (pattern) {
    return { terms: { [pattern.field]: values.get(id(pattern)) } };
  }
  if (Array.isArray(node)) {
    return node.map((child) => replace(child, types, values));
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, replace(child, types, values)]));
  }
  return node;
}

const id = (pattern: Pattern) => JSON.stringify([pattern.field, pattern.value]);

function contains(node: Json, types: FieldTypes): boolean {
  const found: Pattern[] = [];
  collect(node, types, found);
  return found.length > 0;
}

const asArray = (clauses: Json): Json[] => (clauses === undefined ? [] : Array.isArray(clauses) ? clauses : [clauses]);

/**
 * The query with every clause that holds a pattern widened to match_all: kept are the clauses of the
 * bool's filter and must (AND) that hold none, so it matches every document the query matches, and more.
 * A pattern under should or must_not widens that whole bool.
 */
function widen(query: Json, types: FieldTypes): Json {
  if (!contains(query, types)) {
    return query;
  }
  const bool = (query as { bool?: Record<string, Json> }).bool;
  if (!bool || Object.keys(query as object).length !== 1 || contains(bool.should, types) || contains(bool.must_not, types)) {
    return { match_all: {} };
  }
  return {
    bool: { ...bool, filter: asArray(bool.filter).map((c) => widen(c, types)), must: asArray(bool.must).map((c) => widen(c, types)) },
  };
}

interface ValuesAggregation {
  buckets: Array<{ key: string }>;
  sum_other_doc_count?: number;
}

/**
 * The search body with every regexp on a flattened key replaced by a terms clause on its matching
 * values; `search` runs the listing search (one, whatever the number of patterns). Unchanged without any.
 */
export async function resolveLabelPatterns(
  body: Record<string, unknown>,
  types: FieldTypes,
  search: (listing: Record<string, unknown>) => Promise<{ aggregations?: Record<string, unknown> }>
): Promise<Record<string, unknown>> {
  const found: Pattern[] = [];
  collect(body, types, found);
  const patterns = [...new Map(found.map((pattern) => [id(pattern), pattern])).values()];
  if (patterns.length === 0) {
    return body;
  }
  const aggs = Object.fromEntries(
    patterns.map((pattern, i) => [`p${i}`, { terms: { field: pattern.field, include: pattern.value, size: MAX_PATTERN_VALUES + 1 } }])
  );
  const query = body.query === undefined ? {} : { query: widen(body.query, types) };
  const response = await search({ size: 0, track_total_hits: false, ...query, aggs });
  const values = new Map<string, string[]>();
  patterns.forEach((pattern, i) => {
    const agg = response.aggregations?.[`p${i}`] as ValuesAggregation | undefined;
    const buckets = agg?.buckets ?? [];
    if (buckets.length > MAX_PATTERN_VALUES || (agg?.sum_other_doc_count ?? 0) > 0) {
      throw new QueryError(
        `filters.adhoc: the regular expression "${pattern.value}" on ${pattern.key} matches more than ${MAX_PATTERN_VALUES} different values; ` +
          'narrow the regular expression, or filter with = or =| on the values you mean'
      );
    }
    values.set(id(pattern), buckets.map((bucket) => String(bucket.key)));
  });
  return replace(body, types, values) as Record<string, unknown>;
}

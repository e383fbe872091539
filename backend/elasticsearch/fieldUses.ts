/**
 * The fields a search body reads and what it needs of each: a date (date_histogram), a number
 * (stats, percentiles, sums, ranges), a number or a date (min, max: the newest date is a max), or a
 * value that can be grouped or matched exactly (terms, term).
 * Collected by walking the body, so every query type is checked by the same code.
 */
export type FieldNeed = 'date' | 'number' | 'numberOrDate' | 'exact' | 'any';

export interface FieldUse {
  field: string;
  need: FieldNeed;
}

const NUMBER_AGGS = new Set([
  'stats',
  'percentiles',
  'avg',
  'sum',
  'range',
  'extended_stats',
  'value_count',
]);

function add(uses: Map<string, FieldNeed>, field: unknown, need: FieldNeed): void {
  if (typeof field !== 'string' || field === '') {
    return;
  }
  const known = uses.get(field);
  // A stronger need wins: a field read by max and by sum must be a number.
  if (!known || known === 'any' || (known === 'numberOrDate' && (need === 'number' || need === 'date'))) {
    uses.set(field, need);
  }
}

function walkAggs(aggs: Record<string, unknown> | undefined, uses: Map<string, FieldNeed>): void {
  for (const agg of Object.values(aggs ?? {})) {
    if (!agg || typeof agg !== 'object') {
      continue;
    }
    for (const [type, spec] of Object.entries(agg as Record<string, unknown>)) {
      const field = (spec as { field?: unknown } | null)?.field;
      if (type === 'aggs' || type === 'aggregations') {
        walkAggs(spec as Record<string, unknown>, uses);
      } else if (type === 'date_histogram') {
        add(uses, field, 'date');
      } else if (type === 'terms') {
        add(uses, field, 'exact');
      } else if (type === 'min' || type === 'max') {
        add(uses, field, 'numberOrDate');
      } else if (NUMBER_AGGS.has(type)) {
        add(uses, field, 'number');
      } else if (type === 'filter') {
        walkQuery(spec, uses);
      } else if (type === 'filters') {
        Object.values((spec as { filters?: Record<string, unknown> }).filters ?? {}).forEach((clause) =>
          walkQuery(clause, uses)
        );
      }
    }
  }
}

function walkQuery(clause: unknown, uses: Map<string, FieldNeed>): void {
  if (Array.isArray(clause)) {
    clause.forEach((item) => walkQuery(item, uses));
    return;
  }
  if (!clause || typeof clause !== 'object') {
    return;
  }
  for (const [type, spec] of Object.entries(clause as Record<string, unknown>)) {
    if (type === 'bool') {
      Object.values(spec as Record<string, unknown>).forEach((inner) => walkQuery(inner, uses));
    } else if (type === 'term' || type === 'terms' || type === 'regexp') {
      Object.keys(spec as object).forEach((field) => add(uses, field, 'exact'));
    } else if (type === 'range') {
      Object.keys(spec as object).forEach((field) => add(uses, field, 'any'));
    } else if (type === 'exists') {
      add(uses, (spec as { field?: unknown }).field, 'any');
    }
  }
}

/** Every field a search body reads, with the strongest need found for it. */
export function fieldUses(body: Record<string, unknown>): FieldUse[] {
  const uses = new Map<string, FieldNeed>();
  walkQuery(body.query, uses);
  walkAggs(body.aggs as Record<string, unknown> | undefined, uses);
  // Sorts name unmapped_type where a field may be missing; a text field fails in Elasticsearch, with its message.
  for (const sort of (body.sort as Array<Record<string, unknown>> | undefined) ?? []) {
    Object.keys(sort).forEach((field) => add(uses, field, 'any'));
  }
  return [...uses].map(([field, need]) => ({ field, need }));
}

import type { Filters, Level } from '../../src/query/model';
import type { PlainGroupKey } from '../../src/query/groupBy';
import type { AdhocFilter } from '../../src/query/queryFields';
import { FILTER_KEYS, type DocumentFields } from './documentFields';
import { taskFilterClause } from './stepNames';

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** A range clause on the start field: [fromMs, toMs). */
export function startRange(fields: DocumentFields, window: TimeWindow): object {
  return { range: { [fields.start]: { gte: window.fromMs, lt: window.toMs, format: 'epoch_millis' } } };
}

/** The bool filter every query starts from: document level, time window on start, and the query's filters. */
export function searchFilters(fields: DocumentFields, level: Level, window: TimeWindow, filters: Filters): object[] {
  return [...fields.levelClauses(level), startRange(fields, window), ...filterClauses(fields, level, filters)];
}

/** The query's filter lists and ad hoc filters as clauses (no level, no time window). */
export function filterClauses(fields: DocumentFields, level: Level, filters: Filters): object[] {
  const clauses: object[] = [];
  for (const [name, key] of Object.entries(FILTER_KEYS) as Array<[keyof typeof FILTER_KEYS, PlainGroupKey]>) {
    const values = filters[name];
    if (values && values.length > 0) {
      const field = fields.groupField(key, level);
      // A step name picks every item of its loop (stepName.ts).
      clauses.push(name === 'tasks' ? taskFilterClause(field, values) : { terms: { [field]: values } });
    }
  }
  for (const filter of filters.adhoc ?? []) {
    clauses.push(adhocClause(fields, level, filter));
  }
  return clauses;
}

/** One ad hoc filter as a query clause; regular expressions are Lucene's, matched against the whole value. */
export function adhocClause(fields: DocumentFields, level: Level, filter: AdhocFilter): object {
  const field = fields.groupField(filter.key, level);
  const values = filter.values?.length ? filter.values : [filter.value];
  const not = (clause: object) => ({ bool: { must_not: [clause] } });
  switch (filter.operator) {
    case '=':
      return { term: { [field]: filter.value } };
    case '!=':
      return not({ term: { [field]: filter.value } });
    case '=~':
      return { regexp: { [field]: { value: filter.value } } };
    case '!~':
      return not({ regexp: { [field]: { value: filter.value } } });
    case '=|':
      return { terms: { [field]: values } };
    case '!=|':
      return not({ terms: { [field]: values } });
  }
}

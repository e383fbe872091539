import type { Filters, Level } from '../../src/query/model';
import { FIELDS, FILTER_FIELDS, groupField } from './fieldNames';

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** The bool filter every query starts from: document kind, time window on start, and the query's filters. */
export function searchFilters(level: Level, window: TimeWindow, filters: Filters): object[] {
  const clauses: object[] = [
    { term: { [FIELDS.kind]: level } },
    { range: { [FIELDS.start]: { gte: window.fromMs, lt: window.toMs, format: 'epoch_millis' } } },
  ];
  for (const [name, key] of Object.entries(FILTER_FIELDS) as Array<[keyof Filters, (typeof FILTER_FIELDS)[keyof Filters]]>) {
    const values = filters[name];
    if (values && values.length > 0) {
      clauses.push({ terms: { [groupField(key, level)]: values } });
    }
  }
  return clauses;
}

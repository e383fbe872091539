import type { AdHocVariableFilter, ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

import { groupKeyProblem, type GroupKey } from '../query/groupBy';
import type { Filters } from '../query/model';
import type { ArgoPerfDataQuery } from './types';
import { ADHOC_OPERATORS, type AdhocFilter } from '../query/queryFields';

// Private-use characters mark where a variable's values go; they never occur in names Argo allows.
const SLOT_START = '\uE000';
const SLOT_END = '\uE001';
const SLOT = new RegExp(`${SLOT_START}(\\d+)${SLOT_END}`);

/**
 * Interpolates one list entry. A multi-value variable yields one entry per value (`$workflow` with
 * train and eval → ["train", "eval"]); text around a variable is kept on every value (`ml-$team` →
 * ["ml-a", "ml-b"]). Unknown variables stay as written, so the backend can name them in its error.
 */
export function expandEntry(entry: string, templateSrv: TemplateSrv, scopedVars?: ScopedVars): string[] {
  const slots: string[][] = [];
  const skeleton = templateSrv.replace(entry, scopedVars, (value: unknown) => {
    slots.push(Array.isArray(value) ? value.map(String) : [String(value ?? '')]);
    return `${SLOT_START}${slots.length - 1}${SLOT_END}`;
  });
  // split() with a capture group alternates literal text (even indexes) and slot numbers (odd ones).
  return skeleton
    .split(SLOT)
    .reduce<string[]>(
      (entries, part, index) =>
        index % 2 === 0
          ? entries.map((text) => text + part)
          : entries.flatMap((text) => slots[Number(part)].map((value) => text + value)),
      ['']
    );
}

/** Interpolates every list of a query's filters; empty entries and repeats are dropped. */
export function interpolateFilters(filters: Filters, templateSrv: TemplateSrv, scopedVars?: ScopedVars): Filters {
  const { adhoc: _adhoc, ...lists } = filters;
  const result: Filters = {};
  for (const [key, entries] of Object.entries(lists) as Array<[keyof typeof lists, string[] | undefined]>) {
    // A stored query may hold anything: only lists are interpolated.
    if (!Array.isArray(entries)) {
      continue;
    }
    const expanded = entries.flatMap((entry) => expandEntry(entry, templateSrv, scopedVars));
    result[key] = [...new Set(expanded.filter((value) => value !== ''))];
  }
  return result;
}

/** Grafana's ad hoc filters as the query model's, leaving out operators Elasticsearch cannot answer here. */
export function adhocFilters(filters: AdHocVariableFilter[] | undefined): AdhocFilter[] | undefined {
  const supported = (filters ?? []).filter(
    (filter) => (ADHOC_OPERATORS as readonly string[]).includes(filter.operator) && !groupKeyProblem(filter.key)
  );
  return supported.length === 0
    ? undefined
    : supported.map((filter) => ({
        key: filter.key as GroupKey,
        operator: filter.operator as AdhocFilter['operator'],
        value: filter.value,
        ...(filter.values?.length ? { values: filter.values } : {}),
      }));
}

/**
 * A target with the dashboard's variables and ad hoc filters filled in, as the backend receives it
 * (the datasource's applyTemplateVariables; the dashboards' host check sends its targets through it too).
 */
export function interpolateQuery(
  query: ArgoPerfDataQuery,
  templateSrv: TemplateSrv,
  scopedVars?: ScopedVars,
  filters?: AdHocVariableFilter[]
): ArgoPerfDataQuery {
  const adhoc = adhocFilters(filters);
  const single = interpolateSingleFields(query, templateSrv, scopedVars);
  if (!query.filters && !adhoc) {
    return single;
  }
  const interpolated = query.filters ? interpolateFilters(query.filters, templateSrv, scopedVars) : {};
  return { ...single, filters: adhoc ? { ...interpolated, adhoc } : interpolated };
}

/** Fields that name one thing (a metric, a run, a run's uid): a variable gives its value, the first of several. */
const SINGLE_FIELDS = ['metric', 'run', 'uid'] as const;

function interpolateSingleFields(query: ArgoPerfDataQuery, templateSrv: TemplateSrv, scopedVars?: ScopedVars): ArgoPerfDataQuery {
  let result = query;
  for (const name of SINGLE_FIELDS) {
    const value = query[name];
    if (typeof value === 'string' && value !== '') {
      result = { ...result, [name]: templateSrv.replace(value, scopedVars, (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : String(v ?? ''))) };
    }
  }
  return result;
}

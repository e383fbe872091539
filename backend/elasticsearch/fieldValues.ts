import type { GroupKey } from '../../src/query/groupBy';
import type { Level } from '../../src/query/model';
import { FIELD_ROLES } from '../../src/settings/fieldMapping';
import type { DatasourceInstance } from '../settings/instances';
import { documentFields, type DocumentFields } from './documentFields';
import { searchAggregations, searchHits } from './searchElasticsearch';
import { startRange } from './searchFilters';
import { stepNameAggregations, stepNamesOf } from './stepNames';

/** Lists for template variables, editor pickers and ad hoc filters. */
export interface ValuesRequest {
  key: GroupKey;
  level: Level;
  namespaces?: string[];
  fromMs?: number;
  toMs?: number;
  size: number;
}

function scope(fields: DocumentFields, request: Omit<ValuesRequest, 'key' | 'size'>): object[] {
  // Variables list whatever the documents hold: without a kind field, there is no level to pick.
  const filter: object[] = [...fields.levelClauses(request.level, false)];
  if (request.namespaces?.length) {
    filter.push({ terms: { [fields.groupField('namespace', request.level)]: request.namespaces } });
  }
  if (request.fromMs !== undefined && request.toMs !== undefined) {
    filter.push(startRange(fields, { fromMs: request.fromMs, toMs: request.toMs }));
  }
  return filter;
}

/** Distinct values of one group key (a label too), sorted by name; the most frequent `size` of them. */
export async function fieldValues(
  instance: DatasourceInstance,
  request: ValuesRequest,
  signal: AbortSignal
): Promise<string[]> {
  const fields = documentFields(instance);
  const field = fields.groupField(request.key, request.level);
  // Tasks are listed by step name: one entry per loop, not one per item (stepNames.ts).
  const isTask = request.key === 'task';
  const aggregations = await searchAggregations<Record<string, { buckets: Array<{ key: string }> }>>(
    instance,
    {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: scope(fields, request) } },
      aggs: isTask ? stepNameAggregations(field, request.size) : { values: { terms: { field, size: request.size } } },
    },
    signal
  );
  const keys = Object.values(aggregations).flatMap((aggregation) => aggregation.buckets.map((bucket) => String(bucket.key)));
  return isTask ? stepNamesOf(keys, request.size) : keys.sort((a, b) => a.localeCompare(b));
}

/** How many recent documents label keys are read from: labels are a flattened object, whose keys no aggregation lists. */
export const LABEL_SAMPLE = 1000;

/** Keys of an object, dotted for nested objects (a flattened field accepts both forms). */
function keysOf(value: unknown, prefix: string, into: Set<string>): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    if (prefix) {
      into.add(prefix);
    }
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    keysOf(inner, prefix ? `${prefix}.${key}` : key, into);
  }
}

/**
 * Label keys for `label:<key>` grouping and ad hoc filters. With a labels object: the keys found in the
 * newest LABEL_SAMPLE documents. Without one (labels are top-level fields): the keyword fields of the
 * mapping that no other role uses.
 */
export async function labelKeys(
  instance: DatasourceInstance,
  request: Omit<ValuesRequest, 'key'>,
  signal: AbortSignal,
  keywordFields: () => Promise<string[]>
): Promise<string[]> {
  const fields = documentFields(instance);
  const parent = fields.optional('labels');
  if (!parent) {
    const used = new Set(FIELD_ROLES.map((role) => fields.map.names[role]).filter(Boolean));
    return (await keywordFields()).filter((field) => !used.has(field)).sort((a, b) => a.localeCompare(b));
  }
  const hits = await searchHits(
    instance,
    {
      size: Math.min(LABEL_SAMPLE, Math.max(request.size, 1) * 10),
      track_total_hits: false,
      _source: [parent],
      query: { bool: { filter: [...scope(fields, request), { exists: { field: parent } }] } },
      sort: [{ [fields.start]: 'desc' }],
    },
    signal
  );
  const keys = new Set<string>();
  for (const { source } of hits) {
    const labels = parent
      .split('.')
      .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], source);
    keysOf(labels, '', keys);
  }
  return [...keys].sort((a, b) => a.localeCompare(b)).slice(0, request.size);
}

import { errors } from '@elastic/elasticsearch';

import { FIELD_ROLE_TEXT } from '../../src/settings/fieldMapping';
import { QueryError } from '../errors/queryError';
import { instanceResource, type DatasourceInstance } from '../settings/instances';
import { DERIVED_DURATION_FIELD, documentFields } from './documentFields';
import type { FieldNeed, FieldUse } from './fieldUses';

/**
 * Checks the fields a search reads against the index mapping (`_field_caps`) before searching, so a
 * missing field, a text field used for grouping or a keyword used as a number gets a message that
 * names the field and what to do, instead of an empty answer or a shard failure. The mapping is read
 * once a minute per datasource.
 */
export interface FieldTypes {
  indices: string[];
  /** Field → its types across the matching indices, and whether each can be aggregated. */
  fields: Map<string, Array<{ type: string; aggregatable: boolean }>>;
}

interface CapsResponse {
  indices?: string | string[];
  fields?: Record<string, Record<string, { type: string; aggregatable?: boolean }>>;
}

const CAPS_TTL_MS = 60_000;
const NUMBER_TYPES = new Set([
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
]);
const DATE_TYPES = new Set(['date', 'date_nanos']);
/** Types whose sub-keys field_caps does not list (labels, parameters). */
const OBJECT_TYPES = new Set(['flattened']);

export function readFieldTypes(response: CapsResponse): FieldTypes {
  const fields = new Map<string, Array<{ type: string; aggregatable: boolean }>>();
  for (const [field, byType] of Object.entries(response.fields ?? {})) {
    fields.set(
      field,
      Object.values(byType).map((cap) => ({ type: cap.type, aggregatable: cap.aggregatable ?? false }))
    );
  }
  const indices = response.indices ?? [];
  return { indices: Array.isArray(indices) ? indices : [indices], fields };
}

/**
 * The types of every field of the datasource's indices, cached for a minute. One read is shared by
 * every query that asks meanwhile, so it is not tied to any one query: a query whose `signal` aborts
 * stops waiting for it, and the others still get it.
 */
export async function fieldTypes(instance: DatasourceInstance, load: () => Promise<CapsResponse>, signal?: AbortSignal): Promise<FieldTypes> {
  const slot = instanceResource(instance, 'fieldTypes', () => ({
    value: { at: 0, types: undefined as Promise<FieldTypes> | undefined },
  }));
  if (!slot.types || Date.now() - slot.at > CAPS_TTL_MS) {
    slot.at = Date.now();
    slot.types = load().then(readFieldTypes);
    slot.types.catch(() => (slot.types = undefined));
  }
  return signal ? untilAborted(slot.types, signal) : slot.types;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => new errors.RequestAbortedError('Request aborted');
  if (signal.aborted) {
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parentObject(types: FieldTypes, field: string): string | undefined {
  const parts = field.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('.');
    if (types.fields.get(parent)?.some((cap) => OBJECT_TYPES.has(cap.type))) {
      return parent;
    }
  }
  return undefined;
}

const NEED_TEXT: Record<FieldNeed, string> = {
  date: 'a date',
  number: 'a number',
  numberOrDate: 'a number or a date',
  exact: 'a keyword (or number or date) field',
  any: 'a field',
};

function fits(need: FieldNeed, cap: { type: string; aggregatable: boolean }): boolean {
  switch (need) {
    case 'date':
      return DATE_TYPES.has(cap.type);
    case 'number':
      return NUMBER_TYPES.has(cap.type);
    case 'numberOrDate':
      return NUMBER_TYPES.has(cap.type) || DATE_TYPES.has(cap.type);
    case 'exact':
      return cap.aggregatable && cap.type !== 'text';
    default:
      return true;
  }
}

/** The problem with one field, or undefined when it fits. */
export function fieldProblem(
  types: FieldTypes,
  use: FieldUse,
  role: string | undefined,
  index: string
): string | undefined {
  const caps = types.fields.get(use.field);
  const named = role ? `${use.field} (field mapping: ${role})` : use.field;
  if (!caps) {
    if (use.need === 'any' || parentObject(types, use.field)) {
      return undefined;
    }
    return `${named} does not exist in the indices matching "${index}"; check the field name under Field mapping in the datasource settings`;
  }
  const wrong = caps.filter((cap) => !fits(use.need, cap)).map((cap) => cap.type);
  if (wrong.length === 0) {
    return undefined;
  }
  const keyword = `${use.field}.keyword`;
  const hint =
    use.need === 'exact' && wrong.includes('text') && types.fields.has(keyword)
      ? `use ${keyword} instead (enter it under Field mapping)`
      : use.need === 'exact' && wrong.includes('text')
        ? 'map it as keyword in the index template, or choose another field'
        : `choose a field that holds ${NEED_TEXT[use.need]}, or fix its type in the index template`;
  const mixed = caps.length > 1 ? ` in some indices (types: ${caps.map((cap) => cap.type).join(', ')})` : '';
  return `${named} is a ${wrong.join('/')} field${mixed}, but this query needs ${NEED_TEXT[use.need]}; ${hint}`;
}

/** Throws a QueryError listing every field of the search that does not fit. */
export function checkFieldUses(instance: DatasourceInstance, types: FieldTypes, uses: FieldUse[]): void {
  const index = instance.settings.elasticsearch?.index ?? '';
  if (types.indices.length === 0) {
    throw new QueryError(
      `no Elasticsearch index matches "${index}"; run the collector to create it, or fix the index pattern in the datasource settings`,
      'downstream',
      404
    );
  }
  const fields = documentFields(instance);
  const problems = uses
    .filter((use) => use.field !== DERIVED_DURATION_FIELD)
    .map((use) => {
      const role = fields.roleOf(use.field);
      return fieldProblem(types, use, role ? FIELD_ROLE_TEXT[role] : undefined, index);
    })
    .filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) {
    throw new QueryError(problems.join('; '));
  }
}

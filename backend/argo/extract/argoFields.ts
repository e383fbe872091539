import { parseArgoTime } from './argoTime';
import { type Problems, shown } from './problems';

/**
 * Light, hand-written reads of an Argo object's fields: the input is Argo's own JSON, so a schema
 * library on the hot path would cost more than it finds. Anything of the wrong type is skipped and
 * named in the problems.
 */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an object has any key (without building the key array `Object.keys` would). */
export function hasKeys(object: object): boolean {
  for (const _ in object) {
    return true;
  }
  return false;
}

/** A non-empty string; undefined (no problem) when absent or null, undefined plus a problem otherwise. */
export function readString(value: unknown, field: string, problems: Problems): string | undefined {
  if (typeof value === 'string') {
    return value === '' ? undefined : value;
  }
  if (value !== undefined && value !== null) {
    problems.add(field, `${shown(value)} is not a string`);
  }
  return undefined;
}

/** Like readString, with a `missing` problem when absent, null or empty as well. */
export function readRequiredString(value: unknown, field: string, problems: Problems): string | undefined {
  const text = readString(value, field, problems);
  if (text === undefined && (value === undefined || value === null || value === '')) {
    problems.add(field, 'missing');
  }
  return text;
}

/** An object; undefined (no problem) when absent or null, undefined plus a problem otherwise. */
export function readObject(value: unknown, field: string, problems: Problems): JsonObject | undefined {
  if (isObject(value)) {
    return value;
  }
  if (value !== undefined && value !== null) {
    problems.add(field, `${shown(value)} is not an object`);
  }
  return undefined;
}

/** Epoch ms of a timestamp; undefined when absent or null (unset in Argo), undefined plus a problem when unreadable. */
export function readTime(value: unknown, field: string, problems: Problems): number | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const ms = typeof value === 'string' ? parseArgoTime(value) : NaN;
  if (Number.isNaN(ms)) {
    problems.add(field, `${shown(value)} is not a time`);
    return undefined;
  }
  return ms;
}

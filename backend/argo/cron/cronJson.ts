import { parseArgoTime } from '../extract/argoTime';

/** Small reads of Argo JSON values for the cron code. */

/** Epoch ms of an RFC 3339 date-time (Argo's timestamps, the scheduled-time annotation), else undefined. */
export function rfc3339Ms(value: unknown): number | undefined {
  // The extraction's reader: strict RFC 3339, read by hand (hundreds of thousands of runs pass here).
  const ms = typeof value === 'string' ? parseArgoTime(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** A short rendering of a value for a message. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

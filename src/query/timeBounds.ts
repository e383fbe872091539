import { inputMessages } from './inputMessages';

/**
 * The instants the datasource reads: from 1970 to the end of the year 9999. Argo parses RFC 3339 times
 * with four-digit years only, and JavaScript's Date fails beyond ±8.64e15 ms; workflows ran in neither.
 */
export const EARLIEST_MS = 0;
export const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why an epoch-milliseconds instant cannot be read, or undefined. */
export function epochMsProblem(ms: number): string | undefined {
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS ? undefined : inputMessages.outsideTimes(ms);
}

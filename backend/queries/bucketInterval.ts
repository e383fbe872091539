/**
 * The width of time buckets: the smallest "nice" interval at least as wide as Grafana's interval and
 * the range divided by maxDataPoints, widened further if the range would need more buckets than allowed.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const NICE_INTERVALS_MS = [
  SECOND,
  5 * SECOND,
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
];

export interface IntervalRequest {
  fromMs: number;
  toMs: number;
  intervalMs: number;
  maxDataPoints: number;
  /** The most buckets one series may have. */
  maxBuckets: number;
}

/** No bucket is wider than the longest time range a datasource may allow (maxRangeDays ≤ 3660). */
export const MAX_INTERVAL_MS = 3660 * DAY;

/**
 * Grafana's interval as a usable width: whole milliseconds, at most MAX_INTERVAL_MS; 0 (no wish) when it
 * is not a positive number. Elasticsearch refuses fractions, and prints of huge numbers ("1.5e+21ms") too.
 */
export function usableIntervalMs(intervalMs: number): number {
  return Number.isFinite(intervalMs) && intervalMs > 0 ? Math.min(Math.ceil(intervalMs), MAX_INTERVAL_MS) : 0;
}

export function bucketIntervalMs({ fromMs, toMs, intervalMs, maxDataPoints, maxBuckets }: IntervalRequest): number {
  const range = Number.isFinite(toMs - fromMs) ? Math.min(Math.max(0, toMs - fromMs), MAX_INTERVAL_MS) : 0;
  const points = Math.max(1, Math.min(maxDataPoints > 0 ? maxDataPoints : maxBuckets, maxBuckets));
  const wanted = Math.max(usableIntervalMs(intervalMs), range / points);
  for (const nice of NICE_INTERVALS_MS) {
    if (nice >= wanted) {
      return nice;
    }
  }
  // Beyond a week: whole weeks, enough of them to stay under the bucket limit.
  return Math.ceil(wanted / (7 * DAY)) * 7 * DAY;
}

export function formatInterval(ms: number): string {
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
  ] as const) {
    if (ms % size === 0) {
      return `${ms / size}${unit}`;
    }
  }
  return `${ms}ms`;
}

import { bucketIntervalMs, formatInterval, usableIntervalMs } from './bucketInterval';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('bucketIntervalMs', () => {
  it('rounds Grafana’s interval up to the next nice interval', () => {
    expect(bucketIntervalMs({ fromMs: 0, toMs: DAY, intervalMs: 3_600_000, maxDataPoints: 1000, maxBuckets: 10_000 })).toBe(HOUR);
    expect(bucketIntervalMs({ fromMs: 0, toMs: DAY, intervalMs: 40_000, maxDataPoints: 10_000, maxBuckets: 10_000 })).toBe(60_000);
  });

  it('widens buckets so the range fits in maxDataPoints', () => {
    // 30 days in at most 100 points: 7.2 h per point → 12 h buckets.
    expect(bucketIntervalMs({ fromMs: 0, toMs: 30 * DAY, intervalMs: 1000, maxDataPoints: 100, maxBuckets: 10_000 })).toBe(12 * HOUR);
  });

  it('never asks for more buckets than allowed, even when Grafana asks for more points', () => {
    const interval = bucketIntervalMs({ fromMs: 0, toMs: 365 * DAY, intervalMs: 1000, maxDataPoints: 1_000_000, maxBuckets: 120 });
    expect((365 * DAY) / interval).toBeLessThanOrEqual(120);
  });

  it('goes past a week in whole weeks', () => {
    const interval = bucketIntervalMs({ fromMs: 0, toMs: 10 * 365 * DAY, intervalMs: 0, maxDataPoints: 100, maxBuckets: 100 });
    expect(interval % (7 * DAY)).toBe(0);
    expect((10 * 365 * DAY) / interval).toBeLessThanOrEqual(100);
  });

  it('formats intervals in the largest whole unit', () => {
    expect(formatInterval(HOUR)).toBe('1h');
    expect(formatInterval(90_000)).toBe('90s');
    expect(formatInterval(1500)).toBe('1500ms');
  });

  it('gives Elasticsearch a whole number of milliseconds, whatever interval it is asked for', () => {
    const weird = [1500.5, 0.25, -5, NaN, Infinity, -Infinity, 9e18, 1.5e21, 1e300, Number.MAX_VALUE];
    for (const intervalMs of weird) {
      for (const maxDataPoints of [1000, NaN, 0, -1, 0.5, 1e12, Infinity]) {
        const interval = bucketIntervalMs({ fromMs: 0, toMs: DAY, intervalMs, maxDataPoints, maxBuckets: 60_000 });
        expect(`${interval}ms`).toMatch(/^[1-9]\d*ms$/);
        expect(interval).toBeLessThanOrEqual(3661 * DAY);
      }
    }
  });

  it('rounds a fractional interval up to whole milliseconds and ignores ones that are not positive numbers', () => {
    expect(usableIntervalMs(1500.5)).toBe(1501);
    expect(usableIntervalMs(0.25)).toBe(1);
    expect(usableIntervalMs(-5)).toBe(0);
    expect(usableIntervalMs(NaN)).toBe(0);
    expect(usableIntervalMs(1e300)).toBe(3660 * DAY);
  });
});

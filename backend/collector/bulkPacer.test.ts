import { backoffMs } from '../argo/client/retryPolicy';
import { BulkPacer } from './bulkPacer';
import { THROTTLED_RETRY } from './elasticsearchWriter';

describe('bulk pacing', () => {
  it('halves request size and concurrency on 429, down to the floor, and grows back slowly', () => {
    const pacer = new BulkPacer({ flushBytes: 4_000_000, concurrency: 4, minFlushBytes: 500_000, growAfter: 3 });
    pacer.onThrottled();
    expect([pacer.flushBytes, pacer.concurrency]).toEqual([2_000_000, 2]);
    pacer.onThrottled();
    pacer.onThrottled();
    pacer.onThrottled();
    expect([pacer.flushBytes, pacer.concurrency]).toEqual([500_000, 1]);
    pacer.onClean();
    pacer.onClean();
    expect(pacer.flushBytes).toBe(500_000);
    pacer.onClean();
    expect([pacer.flushBytes, pacer.concurrency]).toEqual([625_000, 2]);
    for (let i = 0; i < 100; i++) {
      pacer.onClean();
    }
    expect([pacer.flushBytes, pacer.concurrency]).toEqual([4_000_000, 4]);
    pacer.onClean();
    expect([pacer.flushBytes, pacer.concurrency]).toEqual([4_000_000, 4]);
  });

  it('backs off from half a second, doubling, to at most 30 s', () => {
    expect(backoffMs(1, THROTTLED_RETRY, () => 1)).toBe(500);
    expect(backoffMs(4, THROTTLED_RETRY, () => 1)).toBe(4000);
    expect(backoffMs(21, THROTTLED_RETRY, () => 0)).toBe(15_000);
  });
});

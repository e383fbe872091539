import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

import { logger } from '../log/logger';

/**
 * Gives memory back when the plugin goes quiet. V8 alone does not: its memory reducer waits for a low
 * allocation rate, which it measures at garbage collections, and an idle process has none, so the heap
 * and the pages V8 pools for reuse stay as large as under the last load (about 400 MB after 32
 * dashboards, docs/benchmarks.md). Once no data call has been in flight for IDLE_MS after some work,
 * one memory-reducing full collection (V8's "last resort" flavour, tens of ms on an idle heap) frees
 * the garbage and releases the pooled pages.
 */
export const IDLE_MS = 10_000;

type CollectGarbage = (options: { type: 'major'; flavor: 'last-resort' }) => void;

let inFlight = 0;
let workedSinceRelease = false;
let timer: NodeJS.Timeout | undefined;
let collect: CollectGarbage | undefined;

/** V8's gc(): exposed with the flag at run time, so the executable needs no --expose-gc. */
function collectGarbage(): CollectGarbage {
  if (!collect) {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') {
      collect = exposed as CollectGarbage;
    } else {
      v8.setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as CollectGarbage;
    }
  }
  return collect;
}

export function releaseMemoryNow(): void {
  const before = process.memoryUsage();
  const started = performance.now();
  collectGarbage()({ type: 'major', flavor: 'last-resort' });
  const after = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  logger.debug('released memory while idle', {
    ms: Math.round(performance.now() - started),
    heapTotalMB: `${mb(before.heapTotal)} -> ${mb(after.heapTotal)}`,
    rssMB: `${mb(before.rss)} -> ${mb(after.rss)}`,
  });
}

function releaseWhenStillIdle(): void {
  timer = undefined;
  if (inFlight === 0 && workedSinceRelease) {
    workedSinceRelease = false;
    releaseMemoryNow();
  }
}

/** Wraps a data handler (QueryData, CallResource, CheckHealth) so its calls count as work. */
export function countedAsWork<A extends unknown[], R>(handle: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    inFlight++;
    workedSinceRelease = true;
    clearTimeout(timer);
    try {
      return await handle(...args);
    } finally {
      inFlight--;
      if (inFlight === 0) {
        clearTimeout(timer);
        timer = setTimeout(releaseWhenStillIdle, IDLE_MS).unref();
      }
    }
  };
}

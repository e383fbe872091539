import * as v8 from 'node:v8';

import { environmentNumber } from '../settings/environmentNumber';

/**
 * V8 lets old space grow up to 4 times what a full collection leaves live when the heap limit is large
 * (as on any host with a few GB), so a plugin whose live data is 40 MB keeps 200+ MB under load. 60 %
 * more than live keeps it near its data (docs/benchmarks.md, memory). Less means more full collections:
 * at 30 % the backend spent about a fifth more CPU a panel under 32 clients for 8 MB less at its peak.
 * ARGOPERF_HEAP_GROWING_PERCENT (10-400) changes it. Set after the handshake, not
 * baked into the executable: as a start-up flag it costs the start 20-30 ms of CPU. V8 reads this flag
 * each time it sizes the heap after a collection, so setting it at run time takes effect.
 */
export const HEAP_GROWING_PERCENT = 60;

export function heapGrowingPercent(): number {
  return environmentNumber('ARGOPERF_HEAP_GROWING_PERCENT', HEAP_GROWING_PERCENT, (value) => Number.isInteger(value) && value >= 10 && value <= 400);
}

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent()}`);
}

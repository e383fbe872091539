import * as v8 from 'node:v8';

/**
 * V8 lets old space grow up to 4 times what a full collection leaves live when the heap limit is large
 * (as on any host with a few GB), so a plugin whose live data is 40 MB keeps 200+ MB under load. 30 %
 * more than live keeps it near its data (docs/benchmarks.md, memory). Set after the handshake, not
 * baked into the executable: as a start-up flag it costs the start 20-30 ms of CPU. V8 reads this flag
 * each time it sizes the heap after a collection, so setting it at run time takes effect.
 */
export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

import { Writable } from 'node:stream';

import { HEAP_GROWING_PERCENT } from '../server/heapGrowth';

/**
 * A backfill's live data stays near 50 MB whatever the number of workflows, but with V8's default
 * growth old space grows to several times that between collections: 271-318 MB RSS at 10,000 workflows,
 * 342 MB at 100,000 (docs/benchmarks.md, collector memory). The collector command limits the growth as
 * the datasource does, whichever way it is started (packaged `collect` or the plain CLI).
 */
it('the collector command limits V8 heap growth to HEAP_GROWING_PERCENT before it works', async () => {
  // Spied on the module object before the collector's modules load: each takes its own copy of it.
  const flags = jest.spyOn(jest.requireActual<typeof import('node:v8')>('node:v8'), 'setFlagsFromString');
  try {
    let cli: typeof import('./cli') | undefined;
    jest.isolateModules(() => {
      cli = jest.requireActual<typeof import('./cli')>('./cli');
    });
    const stdout = new Writable({ write: (_chunk, _encoding, done) => done() });
    expect(await cli!.runCollectorCli(['--help'], { env: {}, stdout })).toBe(0);
    expect(flags).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } finally {
    flags.mockRestore();
  }
});

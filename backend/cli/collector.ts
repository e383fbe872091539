/** `node scripts/run-ts.mjs backend/cli/collector.ts <backfill|sync|watch|report|demo> [options]`: see backend/collector/usage.ts. */
import { runCollectorCli } from '../collector/cli';
import { exitAfterOutput } from './exitAfterOutput';

runCollectorCli(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return exitAfterOutput(1);
  }
);

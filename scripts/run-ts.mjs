// Runs a backend TypeScript entry point with Node: `node scripts/run-ts.mjs backend/cli/x.ts [args]`.
// esbuild (already a dev dependency) bundles the entry into build/run-ts/<name>.cjs, leaving packages
// in node_modules, then Node runs it with the remaining arguments; the exit code is passed through.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [arguments]');
  process.exit(2);
}
const outfile = resolve(root, 'build/run-ts', `${basename(entry, '.ts')}.cjs`);
await build({
  entryPoints: [resolve(root, entry)],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  loader: { '.proto': 'text' },
  logLevel: 'warning',
});
// Node flags given to this script (e.g. --expose-gc) apply to the entry point too.
const run = spawnSync(process.execPath, [...process.execArgv, outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);

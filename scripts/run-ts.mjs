// Runs a backend TypeScript entry point with Node: `node scripts/run-ts.mjs backend/cli/x.ts [args]`.
// esbuild (already a dev dependency) bundles the entry into build/run-ts/<name>.cjs, leaving packages
// in node_modules, then Node runs it with the remaining arguments; the exit code is passed through.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
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
const child = spawn(process.execPath, [...process.execArgv, outfile, ...args], { stdio: 'inherit' });
// Whoever stops this process (kill <pid>, Ctrl-C, a closed terminal) stops the entry point too: no orphan.
const forwarded = ['SIGTERM', 'SIGINT', 'SIGHUP'];
for (const signal of forwarded) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`cannot start ${outfile}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // end the way the entry point ended, so callers see the signal (128 + its number if it is not fatal)
    forwarded.forEach((name) => process.removeAllListeners(name));
    process.exitCode = 128 + (constants.signals[signal] ?? 0);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});

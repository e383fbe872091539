import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { build } from 'esbuild';

/**
 * A child writes 1 MB to stdout (a pipe, so asynchronous on Linux) and 1,000 lines to stderr, then ends
 * with exitAfterOutput, or with a plain process.exit() for comparison. The parent reads nothing for half
 * a second, so most of it is still queued in the child when it ends.
 */
jest.setTimeout(60_000);

let dir: string;
let child: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exit-after-output-'));
  const entry = join(dir, 'child.ts');
  writeFileSync(
    entry,
    `import { exitAfterOutput } from ${JSON.stringify(join(__dirname, 'exitAfterOutput'))};
process.stdout.write('x'.repeat(1024 * 1024));
for (let i = 0; i < 1000; i++) process.stderr.write(\`line \${i} \${'y'.repeat(100)}\\n\`);
if (process.argv[2] === 'plain') process.exit(0); else void exitAfterOutput(0);
`
  );
  child = join(dir, 'child.cjs');
  await build({ entryPoints: [entry], outfile: child, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function received(mode: 'helper' | 'plain'): Promise<{ stdout: number; stderrLines: number; code: number | null }> {
  const process_ = spawn(process.execPath, [child, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<number | null>((resolve) => process_.on('close', resolve));
  process_.stdout.pause();
  process_.stderr.pause();
  await delay(500);
  let stdout = 0;
  let stderr = '';
  process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.length));
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  process_.stdout.resume();
  process_.stderr.resume();
  const code = await closed;
  return { stdout, stderrLines: stderr.split('\n').filter(Boolean).length, code };
}

it('hands every byte to a slow reader before the process ends', async () => {
  expect(await received('helper')).toEqual({ stdout: 1024 * 1024, stderrLines: 1000, code: 0 });
});

it('is needed: a plain process.exit() loses what is still queued for the pipe', async () => {
  const plain = await received('plain');
  expect(plain.code).toBe(0);
  expect(plain.stdout).toBeLessThan(1024 * 1024);
});

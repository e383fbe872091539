import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Client } from '@elastic/elasticsearch';
import { build } from 'esbuild';

import { seededRandom } from '../test/history';
import { elasticsearchUrl } from '../test/elasticsearch';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';
import { expectedDocuments, storedDocuments, targetArgs } from './collectorTestKit';

/**
 * Crash consistency: the collector (the bundled CLI, as a child process) is killed with SIGKILL at 20
 * seeded random moments of a 3,000-run backfill and restarted each time; in the end the indices hold
 * exactly the expected documents, computed from the generated objects: none lost, none twice.
 */
jest.setTimeout(240_000);

const HOUR = 3_600_000;
const stamp = Date.now();
const indexPrefix = `colltest-crash-${stamp}`;
const stateIndex = `colltest-crash-state-${stamp}`;
let dir: string;
let bundle: string;
let server: ArgoServerHandle;
let es: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collector-crash-'));
  bundle = join(dir, 'collector.cjs');
  await build({
    entryPoints: [resolve(__dirname, '../cli/collector.ts')],
    outfile: bundle,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    // Packages stay in node_modules: resolve them from the repo.
    nodePaths: [resolve(__dirname, '../../node_modules')],
  });
  es = new Client({ node: elasticsearchUrl() });
});

afterAll(async () => {
  await server?.close();
  await es.indices.delete({ index: `${indexPrefix}-*`, allow_no_indices: true });
  await es.indices.delete({ index: stateIndex }, { ignore: [404] });
  await es.indices.deleteIndexTemplate({ name: indexPrefix }, { ignore: [404] });
  await es.ilm.deleteLifecycle({ name: indexPrefix }, { ignore: [400, 404] });
  await es.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundled collector; kills it after `killAfterMs` unless it ended first. */
function runChild(args: string[], killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH, NODE_PATH: resolve(__dirname, '../../node_modules'), ARGOPERF_COLLECTOR_LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // The kill delay counts from the child's first log line, not from spawn: start-up time varies a lot
    // with the machine's load (a CI run with parallel test workers), the writing is what must be hit.
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killAfterMs !== undefined && timer === undefined) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stderr });
    });
  });
}

it('holds exactly the expected documents after 20 SIGKILLs and restarts during a 5,000-run backfill', async () => {
  // Enough runs that the collector, however fast, is still writing when most of the 20 kills land.
  const history = generateArgoHistory({ seed: 61, workflows: 5000, days: 30 });
  server = await startArgoServer({ history });
  const from = history.endMs - 32 * 24 * HOUR;
  const to = history.endMs + HOUR;
  const expected = expectedDocuments(history, indexPrefix, from, to);
  const args = [
    'backfill',
    '--from',
    new Date(from).toISOString(),
    '--to',
    new Date(to).toISOString(),
    '--slice-hours',
    '12',
    // Slices of about 1,500 documents: some 25 checkpoints over the range.
    '--slice-documents',
    '1500',
    ...targetArgs(server.url, indexPrefix, stateIndex),
    '--json-logs',
  ];
  const random = seededRandom(7);
  let killed = 0;
  let resumed = 0;
  for (let i = 0; i < 20; i++) {
    // From the first log line, the kills land anywhere from the template check to well into the writing.
    const run = await runChild(args, Math.floor(random() * 1200));
    resumed += run.stderr.includes('resuming the backfill') ? 1 : 0;
    if (run.signal === 'SIGKILL') {
      killed++;
    } else {
      expect(run).toMatchObject({ code: 0 });
    }
  }
  expect(killed).toBeGreaterThanOrEqual(15);
  // Killed runs left checkpoints behind that later runs resumed from (so kills hit mid-backfill).
  expect(resumed).toBeGreaterThanOrEqual(5);
  const last = await runChild(args);
  expect(last.code).toBe(0);

  const stored = await storedDocuments(es, indexPrefix, false);
  expect(stored.length).toBe(expected.size);
  expect(new Set(stored.map((d) => d.id)).size).toBe(stored.length);
  const mismatched = stored.filter((d) => expected.get(d.id) !== d.index);
  expect(mismatched).toEqual([]);
  expect(expected.size).toBeGreaterThan(30_000);
});

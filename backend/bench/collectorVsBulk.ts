/**
 * Issue 5's benchmark: documents per second written by the collector (a backfill from the Argo Server
 * test double, as a child process) ÷ documents per second of a plain `_bulk` of the very same NDJSON
 * (the collector's dry-run output) sent with curl in chunks of the collector's flush size, with the
 * collector's concurrency, into fresh indices created from the same template. Also the collector's peak
 * RSS and heap, sampled every 20 ms inside its process, and the CPU time each party spent (collector,
 * Argo double, Elasticsearch). Prints markdown tables.
 *
 * Two layouts, one after the other in the same run:
 * - shared: Elasticsearch, the double, the collector and curl all share every core of this machine;
 * - split: Elasticsearch on core 0, everything else (the double, the collector, curl) on the other
 *   cores, as when the collector runs on its own node (needs `taskset` and a local Elasticsearch whose
 *   pid is known: ES_PID or scripts/elasticsearch/start.sh's pid file; skipped otherwise).
 *
 *   npm run bench:collector -- [workflows=10000] [--collector-only] [--shared-only] [--cpu-prof=DIR]
 *     [--memory-timeline] [--collector-node-flag=FLAG]... [--collector=packaged|bundle] [--flush-bytes=N]
 *     [--executable=PATH]
 *
 * The collector is the packaged executable's `collect` (dist/, `npm run build` first), as users run it;
 * --executable=PATH runs another build's launcher (e.g. one copied aside before a change), and
 * --collector=bundle runs the collector's bundle on this benchmark's Node instead.
 *
 * --cpu-prof=DIR (with --collector=bundle: Node refuses --cpu-prof in NODE_OPTIONS, the packaged
 * executable's only way in) writes a V8 CPU profile of every collector process into DIR (summarise one with
 * `node scripts/bench/cpuProfileTop.mjs DIR/<file>.cpuprofile`). --memory-timeline prints the collector's
 * RSS and V8 heap every 2 s with the workflows read so far, to see whether anything grows with the number
 * of workflows; --collector-node-flag passes a flag to the collector's node (e.g. --heapsnapshot-near-heap-limit=2;
 * NODE_OPTIONS for the packaged executable, so only flags NODE_OPTIONS allows).
 *
 * Elasticsearch: ES_URL, or this checkout's test node (scripts/elasticsearch/start.sh), started here
 * if it is not running and then stopped at the end. Needs curl.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';

import { Client } from '@elastic/elasticsearch';
import { build } from 'esbuild';

import type { ArgoDocument } from '../argo/extract/documents';
import { BulkPacer } from '../collector/bulkPacer';
import { bulkWrite } from '../collector/bulkWrite';
import { collectorLog } from '../collector/collectorLog';
import { CollectorStats } from '../collector/collectorStats';
import { COLLECTOR_DEFAULTS } from '../collector/usage';
import { pacedClient } from '../collector/elasticsearchWriter';
import type { IndexOperation } from '../collector/documentIds';
import { templateTarget } from '../elasticsearch/indexTemplate';
import { installIndexTemplate } from '../elasticsearch/installIndexTemplate';
import { startArgoServer } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';
import { benchElasticsearch } from './benchElasticsearch';

const args = process.argv.slice(2);
/** Every `--name=value` given for `name`, in order. */
const optionValues = (name: string) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const optionValue = (name: string): string | undefined => optionValues(name)[0];
const WORKFLOWS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const COLLECTOR_ONLY = args.includes('--collector-only');
const SHARED_ONLY = args.includes('--shared-only');
const CPU_PROF_DIR = optionValue('cpu-prof');
const MEMORY_TIMELINE = args.includes('--memory-timeline');
const COLLECTOR_NODE_FLAGS = optionValues('collector-node-flag');
/**
 * Which collector runs: the packaged executable's `collect` (what the CronWorkflow and docker-compose run:
 * the bundled Node 24 with the executable's flags), or the collector's bundle on the Node running this
 * benchmark (`--collector=bundle`, how this benchmark ran before 2026-12-06 night).
 */
const COLLECTOR_KIND = optionValue('collector') ?? 'packaged';
const PACKAGED = resolve(optionValue('executable') ?? resolve(__dirname, '../..', 'dist/datasource/gpx_argoperf_workflows_linux_amd64'));
/** The collector's --flush-bytes, and curl's chunk size (`--flush-bytes=N`; default the collector's default). */
const FLUSH_BYTES = Number(optionValue('flush-bytes') ?? COLLECTOR_DEFAULTS.flushBytes);
const CONCURRENCY = 3;
/** Set by main() before anything uses it. */
let ES_URL = '';
const root = resolve(__dirname, '../..');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Samples the collector's memory inside its own process; prints the peaks and its CPU time on exit. */
const PEAK_PRELOAD = `
let rss = 0, heap = 0;
const sample = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
setInterval(sample, 20).unref();
if (process.env.BENCH_MEMORY_TIMELINE) {
  const t0 = Date.now();
  setInterval(() => { const m = process.memoryUsage(); require('fs').writeSync(2, 'MEM ' + JSON.stringify({ s: Math.round((Date.now() - t0) / 1000), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers }) + '\\n'); }, 2000).unref();
}
process.on('exit', () => { sample(); const c = process.cpuUsage(); require('fs').writeSync(2, 'PEAK ' + JSON.stringify({ rss, heap, cpuMs: (c.user + c.system) / 1000, systemMs: c.system / 1000 }) + '\\n'); });
`;

/** Where the pieces run: `taskset` prefixes for this machine's cores, or none (shared). */
interface Layout {
  name: string;
  /** Runs a command on the cores of the collector side (collector, curl); [] = anywhere. */
  clientCores: string[];
}

/** CPU time (ms) of a local process and its threads, from /proc; undefined when it cannot be read. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) {
    return undefined;
  }
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // utime and stime are fields 14 and 15 of stat; 12 and 13 after the pid and comm are removed.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Seconds waited for Elasticsearch to go idle before each measured side, for the report. */
const settleWaits: number[] = [];

/**
 * Waits until Elasticsearch is idle (under a tenth of a core over half a second, at most 60 s), so that no
 * side pays for merges and refreshes left by the side before it (curl always runs last). The waits are
 * printed: in the runs of 2026-12-06 the node was idle already (0.5 s each).
 */
async function settle(esPid: number | undefined): Promise<void> {
  if (!esPid) {
    return;
  }
  const started = performance.now();
  for (;;) {
    const before = processCpuMs(esPid);
    await delay(500);
    const after = processCpuMs(esPid);
    if (before === undefined || after === undefined || after - before < 50 || performance.now() - started > 60_000) {
      break;
    }
  }
  settleWaits.push((performance.now() - started) / 1000);
}

async function taskset(args: string[]): Promise<void> {
  const result = await run('taskset', args);
  if (result.code !== 0) {
    throw new Error(`taskset ${args.join(' ')} failed: ${result.stderr}`);
  }
}

function run(
  command: string,
  argv: string[],
  stdoutFile?: string,
  layout?: Layout,
  env: Record<string, string> = {}
): Promise<{ code: number | null; stderr: string; ms: number }> {
  if (layout?.clientCores.length) {
    return run('taskset', [...layout.clientCores, command, ...argv], stdoutFile, undefined, env);
  }
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, argv, {
      cwd: root,
      // The bundle lives in a temporary directory; its packages are the repo's.
      env: { ...process.env, NODE_PATH: join(root, 'node_modules'), ...(MEMORY_TIMELINE ? { BENCH_MEMORY_TIMELINE: '1', ARGOPERF_COLLECTOR_LOG_LEVEL: 'debug' } : {}), ...env },
      stdio: ['ignore', stdoutFile ? 'pipe' : 'ignore', 'pipe'] });
    const written = stdoutFile ? new Promise<void>((r) => child.stdout!.pipe(createWriteStream(stdoutFile)).on('finish', () => r())) : Promise.resolve();
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    // 'close': the child has exited and its output has been read to the end.
    child.on('close', (code) => {
      const ms = performance.now() - started;
      void written.then(() => done({ code, stderr, ms }));
    });
  });
}

/** Splits the NDJSON into files of at most FLUSH_BYTES (whole action+document pairs), into `prefix` indices. */
async function chunkFiles(ndjson: string, dir: string, from: string, to: string): Promise<{ files: string[]; docs: number }> {
  const files: string[] = [];
  let parts: string[] = [];
  let bytes = 0;
  let docs = 0;
  let action: string | undefined;
  const flush = () => {
    if (parts.length) {
      const file = join(dir, `chunk-${files.length}.ndjson`);
      writeFileSync(file, parts.join(''));
      files.push(file);
      parts = [];
      bytes = 0;
    }
  };
  for await (const line of createInterface({ input: createReadStream(ndjson) })) {
    if (action === undefined) {
      action = line.replace(`"_index":"${from}-`, `"_index":"${to}-`);
      continue;
    }
    const pair = `${action}\n${line}\n`;
    action = undefined;
    docs++;
    if (bytes + pair.length > FLUSH_BYTES) {
      flush();
    }
    parts.push(pair);
    bytes += Buffer.byteLength(pair);
  }
  flush();
  return { files, docs };
}

/** Sends the files with curl, CONCURRENCY at a time; every answer must say errors:false. */
async function curlBulk(files: string[], layout: Layout): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const result = await run('curl', [
        '-sS', '-o', `${file}.answer`, '-H', 'Content-Type: application/x-ndjson', '-XPOST',
        `${ES_URL}/_bulk?filter_path=errors`, '--data-binary', `@${file}`,
      ], undefined, layout);
      if (result.code !== 0) {
        throw new Error(`curl failed: ${result.stderr}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - started;
  for (const file of files) {
    const answer = readFileSync(`${file}.answer`, 'utf8');
    if (!answer.includes('"errors":false')) {
      throw new Error(`the plain _bulk of ${file} had errors: ${answer.slice(0, 300)}`);
    }
  }
  return ms;
}

/** The collector's own writing code (bulkWrite + pacer + paced client) fed from the NDJSON file. */
async function collectorWritePath(es: Client, ndjson: string, from: string, to: string): Promise<{ count: number; ms: number }> {
  await installIndexTemplate(es, templateTarget(to), { manageRetention: false });
  // One batch per run, as the collector reads them: a run document starts the next batch.
  async function* operations(): AsyncGenerator<IndexOperation[]> {
    let action: { index: { _index: string; _id: string } } | undefined;
    let run: IndexOperation[] = [];
    for await (const line of createInterface({ input: createReadStream(ndjson) })) {
      if (!action) {
        action = JSON.parse(line) as { index: { _index: string; _id: string } };
        continue;
      }
      const document = JSON.parse(line) as ArgoDocument;
      if (document.doc_kind === 'workflow' && run.length > 0) {
        yield run;
        run = [];
      }
      run.push({ index: action.index._index.replace(`${from}-`, `${to}-`), id: action.index._id, document });
      action = undefined;
    }
    if (run.length > 0) {
      yield run;
    }
  }
  const stats = new CollectorStats();
  const pacer = new BulkPacer({ flushBytes: FLUSH_BYTES, concurrency: CONCURRENCY });
  const client = pacedClient(es, pacer, (n) => (stats.documentsWritten += n));
  const log = collectorLog({ json: true, secrets: [], write: () => undefined });
  const started = performance.now();
  await bulkWrite(client, operations(), { pacer, stats, log });
  const ms = performance.now() - started;
  const count = await countOf(es, to);
  if (count !== stats.documentsWritten) {
    throw new Error(`write path: ${stats.documentsWritten} acknowledged, ${count} stored`);
  }
  return { count, ms };
}

async function countOf(es: Client, prefix: string): Promise<number> {
  await es.indices.refresh({ index: `${prefix}-*` });
  return (await es.count({ index: `${prefix}-*` })).count;
}

interface Row {
  name: string;
  count: number;
  ms: number;
  memory?: string;
  /** CPU ms of the collector process (and the kernel's part of it), the Argo double (this process) and Elasticsearch. */
  cpu?: { collector?: number; collectorSystem?: number; double?: number; elasticsearch?: number };
}

interface LayoutResult {
  layout: Layout;
  rows: Row[];
  ratio?: number;
  writeRatio?: number;
}

async function main(): Promise<void> {
  if (spawnSync('curl', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('curl is needed for the plain _bulk side (apt-get install curl)');
  }
  const elasticsearch = benchElasticsearch();
  ES_URL = elasticsearch.url;
  try {
    await benchmark(elasticsearch.pid);
  } finally {
    elasticsearch.stop();
  }
}

async function benchmark(esPid: number | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
  const es = new Client({ node: ES_URL });
  const stamp = Date.now();
  const stateIndex = `bench-collector-state-${stamp}`;
  const prefixes: string[] = [];
  const cores = availableParallelism();
  const layouts: Layout[] = [{ name: 'shared', clientCores: [] }];
  let splitNote = '';
  if (SHARED_ONLY) {
    splitNote = 'split layout not run (--shared-only)';
  } else if (!esPid || cores < 2 || (await run('taskset', ['-p', String(process.pid)])).code !== 0) {
    splitNote = 'split layout not run: it needs taskset, 2 or more cores and a local Elasticsearch with a known pid (ES_PID)';
  } else {
    layouts.push({ name: 'split', clientCores: ['-c', `1-${cores - 1}`] });
  }
  const results: LayoutResult[] = [];
  let written = 0;
  try {
    const bundle = join(dir, 'collector.cjs');
    if (COLLECTOR_KIND === 'bundle') {
      await build({ entryPoints: [join(root, 'backend/cli/collector.ts')], outfile: bundle, bundle: true, packages: 'external', platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
    } else if (COLLECTOR_KIND !== 'packaged') {
      throw new Error(`--collector=${COLLECTOR_KIND}: use packaged (the default) or bundle`);
    } else if (CPU_PROF_DIR) {
      throw new Error('--cpu-prof needs --collector=bundle: Node refuses --cpu-prof in NODE_OPTIONS, the only way to pass it to the packaged executable');
    } else if (!existsSync(PACKAGED)) {
      throw new Error(`${PACKAGED} is missing: build the plugin first (npm run build), or run the bundle with --collector=bundle`);
    }
    writeFileSync(join(dir, 'peak.cjs'), PEAK_PRELOAD);
    const history = generateArgoHistory({ seed: 5, workflows: WORKFLOWS, days: 60, liveHours: 24 * 365 });
    // Archived rows as JSON text made at start (as the archive database holds them): the double then
    // spends little of the cores the collector and Elasticsearch are measured on.
    const server = await startArgoServer({ history, prepareArchiveJson: true });
    const from = new Date(history.endMs - 61 * 86_400_000).toISOString();
    const to = new Date(history.endMs + 3_600_000).toISOString();
    /** The collector's command line: node flags go to the packaged executable through NODE_OPTIONS. */
    const collector = (prefix: string, extra: string[]): { command: string; argv: string[]; env: Record<string, string> } => {
      const nodeFlags = [
        ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(CPU_PROF_DIR)}`] : []),
        ...COLLECTOR_NODE_FLAGS,
        `--require=${join(dir, 'peak.cjs')}`,
      ];
      const collectorArgs = [
        'backfill', '--from', from, '--to', to, '--argo-url', server.url,
        '--es-url', ES_URL, '--index-prefix', prefix, '--state-index', stateIndex, '--json-logs', '--restart',
        '--flush-bytes', String(FLUSH_BYTES), '--concurrency', String(CONCURRENCY), ...extra,
      ];
      return COLLECTOR_KIND === 'bundle'
        ? { command: process.execPath, argv: [...nodeFlags, bundle, ...collectorArgs], env: {} }
        : { command: PACKAGED, argv: ['collect', ...collectorArgs], env: { NODE_OPTIONS: nodeFlags.join(' ') } };
    };
    const ndjson = join(dir, 'documents.ndjson');
    let dryRow: Row | undefined;
    if (!COLLECTOR_ONLY) {
      const dryPrefix = `bench-dry-${stamp}`;
      const doubleBefore = process.cpuUsage();
      const dryCommand = collector(dryPrefix, ['--dry-run']);
      const dry = await run(dryCommand.command, dryCommand.argv, ndjson, undefined, dryCommand.env);
      if (dry.code !== 0) {
        throw new Error(`the dry run failed: ${dry.stderr.slice(-2000)}`);
      }
      const peak = JSON.parse(/PEAK (.*)/.exec(dry.stderr)![1]) as { cpuMs: number; systemMs: number };
      const double = process.cpuUsage(doubleBefore);
      dryRow = { name: 'collector --dry-run (Argo double read + extraction + NDJSON, no Elasticsearch)', count: 0, ms: dry.ms, cpu: { collector: peak.cpuMs, collectorSystem: peak.systemMs, double: (double.user + double.system) / 1000 } };
    }
    for (const layout of layouts) {
      const tag = `${layout.name}-${stamp}`;
      const collectorPrefix = `bench-collector-${tag}`;
      const curlPrefix = `bench-curl-${tag}`;
      const writePrefix = `bench-writepath-${tag}`;
      prefixes.push(collectorPrefix, curlPrefix, writePrefix);
      if (layout.clientCores.length) {
        await taskset(['-a', '-p', '-c', '0', String(esPid)]);
        await taskset(['-a', '-p', ...layout.clientCores, String(process.pid)]);
      }
      try {
        await settle(esPid);
        const doubleBefore = process.cpuUsage();
        const esBefore = processCpuMs(esPid);
        const backfill = collector(collectorPrefix, []);
        const collectorRun = await run(backfill.command, backfill.argv, undefined, layout, backfill.env);
        const esAfter = processCpuMs(esPid);
        const double = process.cpuUsage(doubleBefore);
        if (collectorRun.code !== 0) {
          throw new Error(`the collector failed: ${collectorRun.stderr.slice(-2000)}`);
        }
        const peak = JSON.parse(/PEAK (.*)/.exec(collectorRun.stderr)![1]) as { rss: number; heap: number; cpuMs: number; systemMs: number };
        written = await countOf(es, collectorPrefix);
        if (MEMORY_TIMELINE) {
          printTimeline(collectorRun.stderr);
        }
        const result: LayoutResult = { layout, rows: [] };
        result.rows.push({
          name: 'collector backfill (Argo double → Elasticsearch)', count: written, ms: collectorRun.ms,
          memory: `${mb(peak.rss)} RSS, ${mb(peak.heap)} heap`,
          cpu: { collector: peak.cpuMs, collectorSystem: peak.systemMs, double: (double.user + double.system) / 1000, elasticsearch: delta(esBefore, esAfter) },
        });
        if (dryRow && layout.name === 'shared') {
          result.rows.push({ ...dryRow, count: written });
        }
        if (!COLLECTOR_ONLY) {
          await installIndexTemplate(es, templateTarget(curlPrefix), { manageRetention: false });
          const { files, docs } = await chunkFiles(ndjson, dir, `bench-dry-${stamp}`, curlPrefix);
          await settle(esPid);
          const esBeforeWrite = processCpuMs(esPid);
          const writePath = await collectorWritePath(es, ndjson, `bench-dry-${stamp}`, writePrefix);
          const esAfterWrite = processCpuMs(esPid);
          result.rows.push({ name: 'collector write path only (its bulk writer + pacing, fed the same NDJSON, in this process)', count: writePath.count, ms: writePath.ms, cpu: { elasticsearch: delta(esBeforeWrite, esAfterWrite) } });
          await settle(esPid);
          const esBeforeCurl = processCpuMs(esPid);
          const curlMs = await curlBulk(files, layout);
          const esAfterCurl = processCpuMs(esPid);
          const curlCount = await countOf(es, curlPrefix);
          if (curlCount !== docs || docs !== written) {
            throw new Error(`document counts differ: collector ${written}, NDJSON ${docs}, curl ${curlCount}`);
          }
          result.rows.push({ name: `plain _bulk with curl (${files.length} requests of ≤ ${mb(FLUSH_BYTES)}, ${CONCURRENCY} at a time)`, count: curlCount, ms: curlMs, cpu: { elasticsearch: delta(esBeforeCurl, esAfterCurl) } });
          result.ratio = written / collectorRun.ms / (curlCount / curlMs);
          result.writeRatio = writePath.count / writePath.ms / (curlCount / curlMs);
        }
        results.push(result);
      } finally {
        if (layout.clientCores.length) {
          const all = ['-c', `0-${cores - 1}`];
          await taskset(['-a', '-p', ...all, String(esPid)]);
          await taskset(['-a', '-p', ...all, String(process.pid)]);
        }
      }
    }
    await server.close();
    printResults(results, written, splitNote);
  } finally {
    await es.indices.delete({ index: [`bench-dry-${stamp}-*`, ...prefixes.map((p) => `${p}-*`)], allow_no_indices: true });
    await es.indices.delete({ index: stateIndex }, { ignore: [404] });
    for (const name of [`bench-dry-${stamp}`, ...prefixes]) {
      await es.indices.deleteIndexTemplate({ name }, { ignore: [404] });
    }
    await es.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The MEM lines of the collector's stderr with the slices written by then (from its debug lines). */
function printTimeline(stderr: string): void {
  console.log('\n| s | slices written | done until | RSS | heap used | heap total | external | arrayBuffers |');
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|');
  let slices = 0;
  let doneUntil = '';
  for (const line of stderr.split('\n')) {
    const done = /"done_until":"([^"]+)"/.exec(line)?.[1];
    if (done) {
      slices++;
      doneUntil = done;
    }
    const sample = /^MEM (.*)/.exec(line)?.[1];
    if (sample) {
      const m = JSON.parse(sample) as { s: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
      console.log(`| ${m.s} | ${slices} | ${doneUntil.slice(0, 16)} | ${mb(m.rss)} | ${mb(m.heapUsed)} | ${mb(m.heapTotal)} | ${mb(m.external)} | ${mb(m.arrayBuffers)} |`);
    }
  }
}

const delta = (before: number | undefined, after: number | undefined) => (before === undefined || after === undefined ? undefined : after - before);

/** The backfill's CPU per 100,000 documents for each party, and Elasticsearch's for curl's documents. */
function perHundredThousand(rows: LayoutResult['rows']): string {
  const per = (ms: number | undefined, count: number) => (ms === undefined || count === 0 ? '—' : ((ms / 1000) * (100_000 / count)).toFixed(1));
  const backfill = rows[0];
  const curl = rows.find((row) => row.name.startsWith('plain _bulk'));
  const parts = [
    `collector ${per(backfill.cpu?.collector, backfill.count)}`,
    `Argo double ${per(backfill.cpu?.double, backfill.count)}`,
    `Elasticsearch ${per(backfill.cpu?.elasticsearch, backfill.count)}`,
    ...(curl ? [`Elasticsearch for curl's documents ${per(curl.cpu?.elasticsearch, curl.count)}`] : []),
  ];
  return `CPU-s per 100k documents: ${parts.join(', ')}`;
}

function printResults(results: LayoutResult[], written: number, splitNote: string): void {
  const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(1));
  const which = COLLECTOR_KIND === 'bundle' ? `the collector's bundle on Node ${process.version}` : `the packaged executable's collect (${PACKAGED})`;
  console.log(`\n${WORKFLOWS} workflows, ${written} documents, Elasticsearch ${ES_URL}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end; collector: ${which}\n`);
  if (settleWaits.length) {
    console.log(`Before each side, Elasticsearch was let go idle (under 0.1 core): waits of ${settleWaits.map((s) => s.toFixed(1)).join(', ')} s\n`);
  }
  for (const { layout, rows, ratio, writeRatio } of results) {
    const where = layout.clientCores.length
      ? 'split: Elasticsearch on core 0; the double, the collector and curl on the others'
      : 'shared: everything on every core';
    console.log(`### ${where}\n`);
    console.log('| writer | documents | seconds | documents/s | peak memory | CPU s: collector (kernel) | CPU s: Argo double | CPU s: Elasticsearch |');
    console.log('|---|---:|---:|---:|---|---:|---:|---:|');
    for (const row of rows) {
      console.log(`| ${row.name} | ${row.count} | ${(row.ms / 1000).toFixed(1)} | ${Math.round(row.count / (row.ms / 1000))} | ${row.memory ?? '—'} | ${seconds(row.cpu?.collector)}${row.cpu?.collectorSystem === undefined ? '' : ` (${seconds(row.cpu.collectorSystem)})`} | ${seconds(row.cpu?.double)} | ${seconds(row.cpu?.elasticsearch)} |`);
    }
    console.log(ratio === undefined ? '\ncollector ÷ plain _bulk: n/a (--collector-only)' : `\ncollector ÷ plain _bulk: ${ratio.toFixed(2)} (target ≥ 0.8)`);
    console.log(perHundredThousand(rows));
    if (writeRatio !== undefined) {
      console.log(`collector write path ÷ plain _bulk: ${writeRatio.toFixed(2)}`);
    }
    console.log('');
  }
  if (splitNote) {
    console.log(splitNote);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

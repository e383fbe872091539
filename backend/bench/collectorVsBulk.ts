/**
 * Issue 5's benchmark: documents per second written by the collector (a backfill from the Argo Server
 * test double, as a child process) ÷ documents per second of a plain `_bulk` of the very same NDJSON
 * (the collector's dry-run output) sent with curl in chunks of the collector's flush size, with the
 * collector's concurrency, into fresh indices created from the same template. Also the collector's peak
 * RSS and heap, sampled every 20 ms inside its process. Prints a markdown table.
 *
 *   node scripts/run-ts.mjs backend/bench/collectorVsBulk.ts [workflows=10000] [--collector-only]
 *
 * Needs ES_URL (or /tmp/es_url): a running Elasticsearch, e.g. from scripts/elasticsearch/start.sh.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

import { Client } from '@elastic/elasticsearch';
import { build } from 'esbuild';

import type { ArgoDocument } from '../argo/extract/documents';
import { BulkPacer } from '../collector/bulkPacer';
import { bulkWrite } from '../collector/bulkWrite';
import { collectorLog } from '../collector/collectorLog';
import { CollectorStats } from '../collector/collectorStats';
import { pacedClient } from '../collector/elasticsearchWriter';
import type { IndexOperation } from '../collector/runDocuments';
import { templateTarget } from '../elasticsearch/indexTemplate';
import { installIndexTemplate } from '../elasticsearch/installIndexTemplate';
import { startArgoServer } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';

const args = process.argv.slice(2);
const WORKFLOWS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const COLLECTOR_ONLY = args.includes('--collector-only');
const FLUSH_BYTES = 5_000_000;
const CONCURRENCY = 3;
const ES_URL = process.env.ES_URL ?? (existsSync('/tmp/es_url') ? readFileSync('/tmp/es_url', 'utf8').trim() : '');
const root = resolve(__dirname, '../..');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Samples the collector's memory inside its own process; prints the peaks on exit. */
const PEAK_PRELOAD = `
let rss = 0, heap = 0;
const sample = () => { const m = process.memoryUsage(); rss = Math.max(rss, m.rss); heap = Math.max(heap, m.heapUsed); };
setInterval(sample, 20).unref();
process.on('exit', () => { sample(); require('fs').writeSync(2, 'PEAK ' + JSON.stringify({ rss, heap }) + '\\n'); });
`;

function run(command: string, argv: string[], stdoutFile?: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, argv, {
      cwd: root,
      // The bundle lives in a temporary directory; its packages are the repo's.
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
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
async function curlBulk(files: string[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const result = await run('curl', [
        '-sS', '-o', `${file}.answer`, '-H', 'Content-Type: application/x-ndjson', '-XPOST',
        `${ES_URL}/_bulk?filter_path=errors`, '--data-binary', `@${file}`,
      ]);
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
  async function* operations(): AsyncGenerator<IndexOperation> {
    let action: { index: { _index: string; _id: string } } | undefined;
    for await (const line of createInterface({ input: createReadStream(ndjson) })) {
      if (!action) {
        action = JSON.parse(line) as { index: { _index: string; _id: string } };
        continue;
      }
      yield { index: action.index._index.replace(`${from}-`, `${to}-`), id: action.index._id, document: JSON.parse(line) as ArgoDocument };
      action = undefined;
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

async function main(): Promise<void> {
  if (!ES_URL) {
    throw new Error('set ES_URL (start Elasticsearch with scripts/elasticsearch/start.sh)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
  const es = new Client({ node: ES_URL });
  const stamp = Date.now();
  const collectorPrefix = `bench-collector-${stamp}`;
  const curlPrefix = `bench-curl-${stamp}`;
  const stateIndex = `bench-collector-state-${stamp}`;
  const writePrefix = `bench-writepath-${stamp}`;
  try {
    const bundle = join(dir, 'collector.cjs');
    await build({ entryPoints: [join(root, 'backend/cli/collector.ts')], outfile: bundle, bundle: true, packages: 'external', platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
    writeFileSync(join(dir, 'peak.cjs'), PEAK_PRELOAD);
    const history = generateArgoHistory({ seed: 5, workflows: WORKFLOWS, days: 60, liveHours: 24 * 365 });
    const server = await startArgoServer({ history });
    const from = new Date(history.endMs - 61 * 86_400_000).toISOString();
    const to = new Date(history.endMs + 3_600_000).toISOString();
    const collectorArgs = (prefix: string, extra: string[]) => [
      '--require', join(dir, 'peak.cjs'), bundle, 'backfill', '--from', from, '--to', to, '--argo-url', server.url,
      '--es-url', ES_URL, '--index-prefix', prefix, '--state-index', stateIndex, '--json-logs', '--restart',
      '--flush-bytes', String(FLUSH_BYTES), '--concurrency', String(CONCURRENCY), ...extra,
    ];
    const collector = await run(process.execPath, collectorArgs(collectorPrefix, []));
    if (collector.code !== 0) {
      throw new Error(`the collector failed: ${collector.stderr.slice(-2000)}`);
    }
    const peak = JSON.parse(/PEAK (.*)/.exec(collector.stderr)![1]) as { rss: number; heap: number };
    const written = await countOf(es, collectorPrefix);
    const rows = [
      ['collector backfill (Argo double → Elasticsearch)', written, collector.ms, `${mb(peak.rss)} RSS, ${mb(peak.heap)} heap`],
    ];
    let ratioText = 'n/a (--collector-only)';
    let writeRatio: string | undefined;
    if (!COLLECTOR_ONLY) {
      const ndjson = join(dir, 'documents.ndjson');
      const dry = await run(process.execPath, collectorArgs(collectorPrefix, ['--dry-run']), ndjson);
      if (dry.code !== 0) {
        throw new Error(`the dry run failed: ${dry.stderr.slice(-2000)}`);
      }
      rows.push(['collector --dry-run (Argo double read + extraction + NDJSON, no Elasticsearch)', written, dry.ms, '—']);
      await installIndexTemplate(es, templateTarget(curlPrefix), { manageRetention: false });
      const { files, docs } = await chunkFiles(ndjson, dir, collectorPrefix, curlPrefix);
      const writePath = await collectorWritePath(es, ndjson, collectorPrefix, writePrefix);
      rows.push([`collector write path only (its bulk helper + pacing, fed the same NDJSON, in this process)`, writePath.count, writePath.ms, '—']);
      const curlMs = await curlBulk(files);
      const curlCount = await countOf(es, curlPrefix);
      if (curlCount !== docs || docs !== written) {
        throw new Error(`document counts differ: collector ${written}, NDJSON ${docs}, curl ${curlCount}`);
      }
      rows.push([`plain _bulk with curl (${files.length} requests of ≤ ${mb(FLUSH_BYTES)}, ${CONCURRENCY} at a time)`, curlCount, curlMs, '—']);
      const ratio = written / collector.ms / (curlCount / curlMs);
      ratioText = `${ratio.toFixed(2)} (target ≥ 0.8)`;
      writeRatio = (writePath.count / writePath.ms / (curlCount / curlMs)).toFixed(2);
    }
    await server.close();
    console.log(`\n${WORKFLOWS} workflows, ${written} documents, Elasticsearch ${ES_URL}\n`);
    console.log('| writer | documents | seconds | documents/s | peak memory |');
    console.log('|---|---:|---:|---:|---|');
    for (const [name, count, ms, memory] of rows) {
      console.log(`| ${name} | ${count} | ${((ms as number) / 1000).toFixed(1)} | ${Math.round((count as number) / ((ms as number) / 1000))} | ${memory} |`);
    }
    console.log(`\ncollector ÷ plain _bulk: ${ratioText}`);
    if (writeRatio) {
      console.log(`collector write path ÷ plain _bulk: ${writeRatio}`);
    }
  } finally {
    await es.indices.delete({ index: [`${collectorPrefix}-*`, `${curlPrefix}-*`, `${writePrefix}-*`], allow_no_indices: true });
    await es.indices.delete({ index: stateIndex }, { ignore: [404] });
    for (const name of [collectorPrefix, curlPrefix, writePrefix]) {
      await es.indices.deleteIndexTemplate({ name }, { ignore: [404] });
    }
    await es.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

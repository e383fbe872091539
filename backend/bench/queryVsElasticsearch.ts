import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from '@elastic/elasticsearch';

import { encodeFrame } from '../frames/arrowEncoder';
import type { Frame } from '../frames/frame';
import type { QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import { benchElasticsearch } from './benchElasticsearch';
import { BENCH_INDEX, ensureBenchHistory } from './benchHistory';
import { BENCH_TIMELINE_INDEX, BENCH_TIMELINE_NAMESPACE, ensureBenchTimeline } from './benchTimeline';
import { loadAverage, processCpuMs } from './processMemory';
import { queryDataClient } from './queryDataClient';
import { executedQueryString, replaySearches, type Replay } from './replaySearches';
import { handshakeTarget } from '../test/pluginHandshake';

/**
 * Issue 3's benchmark: for each query type over 30 days grouped by workflow, the time the packaged
 * backend takes to answer QueryData over gRPC (as Grafana calls it) ÷ the time Elasticsearch alone
 * takes for the very same search body sent directly over HTTP. Runs interleaved; medians. The timeline
 * reads one 9,000-item run's documents from an index of its own (benchTimeline.ts), page by page.
 * Elasticsearch's shard request cache is off on the benchmark index so both sides really search.
 * Each query type runs at least `runs` times and, beyond that, until it has run `seconds` (at most
 * MAX_RUNS times): a search of a few milliseconds gets hundreds of pairs, so its median does not
 * follow the few stalls of a busy machine that fifteen pairs would catch.
 *
 *   npm run bench:queries -- [runs=15] [node documents=1000000] [seconds=4]
 *
 * Elasticsearch: ES_URL, or this checkout's test node (scripts/elasticsearch/start.sh), started here
 * if it is not running and then stopped at the end.
 */
const RUNS = Number(process.argv[2] ?? 15);
const NODE_DOCUMENTS = Number(process.argv[3] ?? 1_000_000);
const SECONDS = Number(process.argv[4] ?? 4);
const MAX_RUNS = 500;
const BUILT = join(__dirname, '../../dist/datasource/gpx_argoperf_workflows_linux_amd64');
// Old against new build in one run: ARGOPERF_BENCH_EXECUTABLES=/old/gpx_...:/new/gpx_... (alternated per run).
const EXECUTABLES = (process.env.ARGOPERF_BENCH_EXECUTABLES ?? BUILT).split(':').filter(Boolean);
interface BenchQuery {
  name: string;
  json: Record<string, unknown>;
  /** The timeline's run (its own index and time range); the history otherwise. */
  timeline?: true;
  replay?: Replay;
}
const QUERIES: BenchQuery[] = [
  { name: 'durations (p50, p95, max per workflow)', json: { queryType: 'durations', level: 'workflow', groupBy: ['workflow'], stats: ['p50', 'p95', 'max'], limit: 50 } },
  { name: 'durations (node level, p95 per workflow)', json: { queryType: 'durations', level: 'node', groupBy: ['workflow'], stats: ['p95'], limit: 50 } },
  { name: 'outcomes (counts and failure rate per workflow)', json: { queryType: 'outcomes', groupBy: ['workflow'], limit: 50 } },
  { name: 'outcomes (failure reasons per workflow)', json: { queryType: 'outcomes', level: 'node', view: 'reasons', groupBy: ['workflow'], limit: 50 } },
  { name: 'heatmap (node durations)', json: { queryType: 'heatmap', level: 'node' } },
  { name: 'runs (newest 100, with baselines and retries)', json: { queryType: 'runs', limit: 100 } },
  { name: 'baseline (p95, last 1 h vs 14 days, per workflow)', json: { queryType: 'baseline', stat: 'p95', groupBy: ['workflow'], limit: 200 } },
  { name: 'resources (CPU and average cores per workflow)', json: { queryType: 'resources', resources: ['cpu', 'avg_cores'], groupBy: ['workflow'], limit: 50 } },
  { name: 'metrics (rows_processed per workflow)', json: { queryType: 'metrics', metric: 'rows_processed', aggregation: 'sum', groupBy: ['workflow'], limit: 50 } },
  { name: 'timeline (9,000-item run with retries, from Elasticsearch)', json: { queryType: 'timeline', source: 'elasticsearch', filters: { namespaces: [BENCH_TIMELINE_NAMESPACE] } }, timeline: true, replay: 'pages' },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function startPlugin(executable: string): Promise<{ address: string; pid: number; stop: () => void }> {
  const child = spawn(executable, [], { env: { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await handshakeTarget(child, `${executable} (run npm run build first)`);
  return { address, pid: child.pid!, stop: () => child.kill() };
}

function frameEncodingRate(): string {
  const points = 100_000;
  const frame: Frame = {
    fields: [
      { name: 'time', type: 'time', nullable: false, values: Array.from({ length: points }, (_, i) => 1_700_000_000_000 + i * 1000) },
      { name: 'duration', type: 'number', nullable: true, labels: { workflow: 'w' }, values: Array.from({ length: points }, (_, i) => i / 7) },
    ],
    meta: { type: 'timeseries-multi', typeVersion: [0, 1] },
  };
  encodeFrame(frame);
  const started = performance.now();
  let frames = 0;
  while (performance.now() - started < 3000) {
    // A fresh time array each time: the encoder shares a time column only among the frames of one answer.
    encodeFrame({ ...frame, fields: [{ ...frame.fields[0], values: frame.fields[0].values.slice() } as Frame['fields'][number], frame.fields[1]] });
    frames++;
  }
  const seconds = (performance.now() - started) / 1000;
  return `${(frames / seconds).toFixed(1)} frames/s of ${points} points (${((frames * points) / seconds / 1e6).toFixed(2)} M points/s)`;
}

/** An answer of many small series (outcomes: 50 workflows × 3 phases of 240 buckets), encoded frame by frame. */
function seriesAnswerEncodingTime(): string {
  const frames: Frame[] = [];
  for (let group = 0; group < 50; group++) {
    const times = Array.from({ length: 240 }, (_, i) => 1_790_000_000_000 + i * 10_800_000);
    for (const outcome of ['succeeded', 'failed', 'error']) {
      const labels = { workflow: `workflow-${group}`, outcome };
      frames.push({
        refId: 'A',
        fields: [
          { name: 'time', type: 'time', nullable: false, values: times },
          { name: 'runs', type: 'number', nullable: false, labels, config: { unit: 'none', displayNameFromDS: `workflow-${group} ${outcome}` }, values: times.map((_, i) => i % 7) },
        ],
        meta: { type: 'timeseries-multi', typeVersion: [0, 1] },
      });
    }
  }
  const times: number[] = [];
  for (let round = 0; round < 60; round++) {
    // Fresh time arrays each round: the encoder shares a time column only among the frames of one answer.
    const fresh = new Map<unknown, unknown[]>();
    const started = performance.now();
    for (const frame of frames) {
      const values = frame.fields[0].values;
      const copy = fresh.get(values) ?? values.slice();
      fresh.set(values, copy);
      encodeFrame({ ...frame, fields: [{ ...frame.fields[0], values: copy } as Frame['fields'][number], frame.fields[1]] });
    }
    times.push(performance.now() - started);
  }
  return `${median(times.slice(10)).toFixed(2)} ms for ${frames.length} series frames of 240 points (median of 50)`;
}

/** What a QueryData call costs without any search: malformed query JSON, answered with its error. */
async function queryDataFloor(queryData: (request: QueryDataRequest) => Promise<unknown>, pluginContext: object): Promise<number> {
  const request = { pluginContext, headers: {}, queries: [{ refId: 'A', json: Buffer.from('{'), queryType: '', timeRange: { fromEpochMS: 0, toEpochMS: 1 } }] } as unknown as QueryDataRequest;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await queryData(request);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main(): Promise<void> {
  for (const executable of EXECUTABLES.filter((e) => !existsSync(e))) {
    throw new Error(`${executable} is missing: run npm run build first`);
  }
  const elasticsearch = benchElasticsearch();
  try {
    await benchmark(elasticsearch.url);
  } finally {
    elasticsearch.stop();
  }
}

async function benchmark(esUrl: string): Promise<void> {
  const es = new Client({ node: esUrl });
  const history = await ensureBenchHistory(es, NODE_DOCUMENTS);
  await es.indices.putSettings({ index: BENCH_INDEX, settings: { 'index.requests.cache.enable': false } });
  const timeline = await ensureBenchTimeline(es);
  const plugins = await Promise.all(EXECUTABLES.map(startPlugin));
  const clients = plugins.map((plugin) => queryDataClient(plugin.address));
  const pluginContext = (index: string) => ({
    orgId: 1,
    pluginId: 'argoperf-workflows-datasource',
    dataSourceInstanceSettings: { uid: index, name: index, lastUpdatedMS: 1, jsonData: Buffer.from(JSON.stringify({ elasticsearch: { url: esUrl, index } })), decryptedSecureJsonData: {} },
  });
  console.log(`history: ${history.nodeDocs} node and ${history.workflowDocs} workflow documents over 30 days; timeline: ${timeline.documents} documents of one run; interleaved runs, each query at least ${RUNS} times and for ${SECONDS} s (at most ${MAX_RUNS})\n`);
  if (EXECUTABLES.length > 1) {
    console.log(`backends, alternated: ${EXECUTABLES.map((e, i) => `${i + 1}. ${e}`).join('; ')}\n`);
  }
  const backendNames = EXECUTABLES.length > 1 ? EXECUTABLES.map((_, i) => ` ${i + 1}`) : [''];
  // Each backend against Elasticsearch alone running its own searches (builds may search differently).
  // Backend CPU per call (user + system of its process over the timed calls, 10 ms ticks): a loaded
  // machine stretches wall times, much less the CPU a build spends.
  const columns = backendNames.map((n) => ` backend${n} QueryData (median) | Elasticsearch alone${n} (median) | ratio${n} | backend${n} CPU per call |`);
  console.log(`load average ${loadAverage()}\n`);
  console.log(`| query | runs |${columns.join('')}`);
  console.log(`| --- | --- |${' --- |'.repeat(4 * backendNames.length)}`);
  for (const query of QUERIES) {
    const index = query.timeline ? BENCH_TIMELINE_INDEX : BENCH_INDEX;
    const range = query.timeline ? { fromEpochMS: timeline.fromMs, toEpochMS: timeline.toMs } : { fromEpochMS: history.fromMs, toEpochMS: history.toMs };
    const json = query.timeline ? { ...query.json, run: timeline.run } : query.json;
    const request = {
      pluginContext: pluginContext(index),
      headers: {},
      queries: [{ refId: 'A', maxDataPoints: 1000, intervalMS: 3_600_000, timeRange: range, json: Buffer.from(JSON.stringify(json)), queryType: '' }],
    } as unknown as QueryDataRequest;
    const answers = await Promise.all(clients.map(async (client) => (await client.queryData(request)).responses.A));
    for (const answer of answers.filter((a) => a.error)) {
      throw new Error(`${query.name}: ${answer.error}`);
    }
    const directs = answers.map((answer) => replaySearches(esUrl, index, executedQueryString(answer.frames![0]), query.replay ?? 'lines'));
    for (const direct of directs) {
      await direct();
    }
    const backendTimes: number[][] = clients.map(() => []);
    const esTimes: number[][] = clients.map(() => []);
    const cpuBefore = plugins.map((plugin) => processCpuMs(plugin.pid));
    const until = performance.now() + SECONDS * 1000;
    for (let i = 0; i < RUNS || (i < MAX_RUNS && performance.now() < until); i++) {
      for (const [k, client] of clients.entries()) {
        let t = performance.now();
        await client.queryData(request);
        backendTimes[k].push(performance.now() - t);
        t = performance.now();
        await directs[k]();
        esTimes[k].push(performance.now() - t);
      }
    }
    const runs = backendTimes[0].length;
    const cpu = plugins.map((plugin, k) => (processCpuMs(plugin.pid) - cpuBefore[k]) / runs);
    const cells = clients.map((_, k) => {
      const [b, e] = [median(backendTimes[k]), median(esTimes[k])];
      return ` ${b.toFixed(1)} ms | ${e.toFixed(1)} ms | ${(b / e).toFixed(2)} | ${cpu[k].toFixed(1)} ms |`;
    });
    console.log(`| ${query.name} | ${runs} |${cells.join('')}`);
  }
  for (const [k, client] of clients.entries()) {
    const floor = await queryDataFloor(client.queryData, pluginContext(BENCH_INDEX));
    console.log(`\nQueryData floor${backendNames[k]} (a query refused before any search: gRPC round trip and handler): ${floor.toFixed(2)} ms median`);
  }
  console.log(`\nload average ${loadAverage()}`);
  console.log(`\nframe encoding: ${frameEncodingRate()}; ${seriesAnswerEncodingTime()}`);
  clients.forEach((client) => client.close());
  plugins.forEach((plugin) => plugin.stop());
  await es.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});

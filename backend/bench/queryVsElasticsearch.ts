import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from '@elastic/elasticsearch';
import { tableFromIPC } from 'apache-arrow';

import { encodeFrame } from '../frames/arrowEncoder';
import type { Frame } from '../frames/frame';
import type { QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import { benchElasticsearch } from './benchElasticsearch';
import { BENCH_INDEX, ensureBenchHistory } from './benchHistory';
import { queryDataClient } from './queryDataClient';

/**
 * Issue 3's benchmark: for each query type over 30 days grouped by workflow, the time the packaged
 * backend takes to answer QueryData over gRPC (as Grafana calls it) ÷ the time Elasticsearch alone
 * takes for the very same search body sent directly over HTTP. Runs interleaved; medians.
 * Elasticsearch's shard request cache is off on the benchmark index so both sides really search.
 *
 *   npm run bench:queries -- [runs=15] [node documents=1000000]
 *
 * Elasticsearch: ES_URL, or this checkout's test node (scripts/elasticsearch/start.sh), started here
 * if it is not running and then stopped at the end.
 */
const RUNS = Number(process.argv[2] ?? 15);
const NODE_DOCUMENTS = Number(process.argv[3] ?? 1_000_000);
const EXECUTABLE = join(__dirname, '../../dist/datasource/gpx_argoperf_workflows_linux_amd64');
const QUERIES: Array<{ name: string; json: Record<string, unknown> }> = [
  { name: 'durations (p50, p95, max per workflow)', json: { queryType: 'durations', level: 'workflow', groupBy: ['workflow'], stats: ['p50', 'p95', 'max'], limit: 50 } },
  { name: 'durations (node level, p95 per workflow)', json: { queryType: 'durations', level: 'node', groupBy: ['workflow'], stats: ['p95'], limit: 50 } },
  { name: 'outcomes (counts and failure rate per workflow)', json: { queryType: 'outcomes', groupBy: ['workflow'], limit: 50 } },
  { name: 'outcomes (failure reasons per workflow)', json: { queryType: 'outcomes', level: 'node', view: 'reasons', groupBy: ['workflow'], limit: 50 } },
  { name: 'heatmap (node durations)', json: { queryType: 'heatmap', level: 'node' } },
  { name: 'runs (newest 100, with baselines and retries)', json: { queryType: 'runs', limit: 100 } },
  { name: 'baseline (p95, last 1 h vs 14 days, per workflow)', json: { queryType: 'baseline', stat: 'p95', groupBy: ['workflow'], limit: 200 } },
  { name: 'resources (CPU and average cores per workflow)', json: { queryType: 'resources', resources: ['cpu', 'avg_cores'], groupBy: ['workflow'], limit: 50 } },
  { name: 'metrics (rows_processed per workflow)', json: { queryType: 'metrics', metric: 'rows_processed', aggregation: 'sum', groupBy: ['workflow'], limit: 50 } },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function startPlugin(): Promise<{ address: string; stop: () => void }> {
  const child = spawn(EXECUTABLE, [], { env: { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    child.once('exit', () => reject(new Error(`${EXECUTABLE} exited; run npm run build first`)));
  });
  return { address: line.split('|')[3], stop: () => child.kill() };
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

async function main(): Promise<void> {
  if (!existsSync(EXECUTABLE)) {
    throw new Error(`${EXECUTABLE} is missing: run npm run build first`);
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
  const plugin = await startPlugin();
  const data = queryDataClient(plugin.address);
  const queryData = data.queryData;
  const pluginContext = {
    orgId: 1,
    pluginId: 'argoperf-workflows-datasource',
    dataSourceInstanceSettings: { uid: 'bench', name: 'bench', lastUpdatedMS: 1, jsonData: Buffer.from(JSON.stringify({ elasticsearch: { url: esUrl, index: BENCH_INDEX } })), decryptedSecureJsonData: {} },
  };
  console.log(`history: ${history.nodeDocs} node and ${history.workflowDocs} workflow documents over 30 days; ${RUNS} interleaved runs each\n`);
  console.log('| query | backend QueryData (median) | Elasticsearch alone (median) | ratio |');
  console.log('| --- | --- | --- | --- |');
  for (const query of QUERIES) {
    const request = {
      pluginContext,
      headers: {},
      queries: [{ refId: 'A', maxDataPoints: 1000, intervalMS: 3_600_000, timeRange: { fromEpochMS: history.fromMs, toEpochMS: history.toMs }, json: Buffer.from(JSON.stringify(query.json)), queryType: '' }],
    } as unknown as QueryDataRequest;
    const first = (await queryData(request)).responses.A;
    if (first.error) {
      throw new Error(`${query.name}: ${first.error}`);
    }
    const meta = JSON.parse(tableFromIPC(first.frames![0]).schema.metadata.get('meta') ?? '{}');
    // One line per search the backend ran (runs makes two): Elasticsearch alone runs them all, in order.
    const bodies = (meta.executedQueryString as string).split('\n');
    const direct = async () => {
      for (const body of bodies) {
        await fetch(`${esUrl}/${BENCH_INDEX}/_search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then((r) => r.text());
      }
    };
    await direct();
    const backendTimes: number[] = [];
    const esTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await queryData(request);
      backendTimes.push(performance.now() - t);
      t = performance.now();
      await direct();
      esTimes.push(performance.now() - t);
    }
    const [b, e] = [median(backendTimes), median(esTimes)];
    console.log(`| ${query.name} | ${b.toFixed(1)} ms | ${e.toFixed(1)} ms | ${(b / e).toFixed(2)} |`);
  }
  console.log(`\nframe encoding: ${frameEncodingRate()}`);
  data.close();
  plugin.stop();
  await es.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

import type { QueryDataRequest } from '../protocol/messages';
import { BENCH_INDEX } from './benchHistory';
import { processCpuMs } from './processMemory';
import { queryDataClient } from './queryDataClient';
import { executedQueryString } from './replaySearches';
import { handshakeTarget } from '../test/pluginHandshake';

/**
 * For CPU profiles of the backend (docs/benchmarks.md, Queries): starts a backend command, sends it one
 * QueryData `repeats` times, prints the median and the backend's CPU per call, then ends it with SIGTERM so --cpu-prof writes its file.
 *
 *   ES_URL=... node scripts/run-ts.mjs backend/bench/queryRepeat.ts '<query JSON>' <repeats> \
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof build/backend/main.cjs
 *
 * INDEX (default the query benchmark's history), FROM and TO (epoch ms, default its 30 days);
 * EXECUTED=<file> writes the first answer's executedQueryString there.
 */
const [json, repeats, ...command] = process.argv.slice(2);

async function main(): Promise<void> {
  const child = spawn(command[0], command.slice(1), { env: { ...process.env, grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const client = queryDataClient(await handshakeTarget(child, command.join(' ')));
  const settings = { elasticsearch: { url: process.env.ES_URL, index: process.env.INDEX ?? BENCH_INDEX } };
  const range = { fromEpochMS: Number(process.env.FROM ?? Date.UTC(2026, 9, 1)), toEpochMS: Number(process.env.TO ?? Date.UTC(2026, 9, 31)) };
  const request = {
    pluginContext: { orgId: 1, pluginId: 'argoperf-workflows-datasource', dataSourceInstanceSettings: { uid: 'bench', name: 'bench', lastUpdatedMS: 1, jsonData: Buffer.from(JSON.stringify(settings)), decryptedSecureJsonData: {} } },
    headers: {},
    queries: [{ refId: 'A', maxDataPoints: 1000, intervalMS: 3_600_000, timeRange: range, json: Buffer.from(json), queryType: '' }],
  } as unknown as QueryDataRequest;
  const times: number[] = [];
  let cpuFrom = processCpuMs(child.pid!);
  for (let i = 0; i < Number(repeats); i++) {
    const started = performance.now();
    const answer = (await client.queryData(request)).responses.A;
    times.push(performance.now() - started);
    if (i === 0) {
      cpuFrom = processCpuMs(child.pid!);
      const frames = answer.frames ?? [];
      console.log(answer.error || `${frames.length} frames, ${frames.reduce((sum, frame) => sum + frame.length, 0)} bytes`);
      if (process.env.EXECUTED && frames.length) {
        writeFileSync(process.env.EXECUTED, executedQueryString(frames[0]));
      }
    }
  }
  const cpuPerCall = (processCpuMs(child.pid!) - cpuFrom) / (times.length - 1);
  times.sort((a, b) => a - b);
  console.log(`median ${times[Math.floor(times.length / 2)].toFixed(2)} ms, p10 ${times[Math.floor(times.length / 10)].toFixed(2)} ms, backend CPU ${cpuPerCall.toFixed(2)} ms per call after the first`);
  client.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { credentials, makeGenericClientConstructor } from '@grpc/grpc-js';

import type { QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory, type ArgoHistory } from '../test/argoServer/workflowHistory';
import { serviceDefinition } from './protocol';
import { IDLE_MS } from './idleMemory';
import { handshakeTarget } from '../test/pluginHandshake';

/**
 * The packaged executable (as Grafana starts it) gives memory back once its work stops: after
 * queries that leave a lot of garbage behind, its RSS returns close to where it started within
 * IDLE_MS and a few seconds. Without that, V8 keeps the heap it grew to for as long as the process
 * lives (issue 10: ~400 MB after load, never given back).
 */
const EXECUTABLE = join(__dirname, '../../dist/datasource/gpx_argoperf_workflows_linux_amd64');
const Data = makeGenericClientConstructor(serviceDefinition('pluginv2.Data'), 'Data');

const rssMB = (pid: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let argo: ArgoServerHandle;
let history: ArgoHistory;

beforeAll(async () => {
  // A server whose live list carries every run's nodes (v3.4): large pages the plugin parses.
  history = generateArgoHistory({ seed: 3, workflows: 1500, days: 10, liveHours: 24 * 365 });
  argo = await startArgoServer({ version: 'v3.4.17', history });
});

afterAll(() => argo.close());

/** Step durations of the last 10 days from the Argo Server: every run listed, parsed and extracted. */
function argoDurations(): QueryDataRequest {
  return {
    pluginContext: {
      orgId: 1,
      pluginId: 'argoperf-workflows-datasource',
      dataSourceInstanceSettings: { uid: 'idle', name: 'idle', lastUpdatedMS: 1, jsonData: Buffer.from(JSON.stringify({ argo: { url: argo.url } })), decryptedSecureJsonData: {} },
    },
    headers: {},
    queries: [
      {
        refId: 'A',
        maxDataPoints: 1000,
        intervalMS: 3_600_000,
        timeRange: { fromEpochMS: history.endMs - 10 * 86_400_000, toEpochMS: history.endMs },
        json: Buffer.from(JSON.stringify({ queryType: 'durations', source: 'argo', level: 'node', groupBy: ['workflow'], stats: ['p95'] })),
        queryType: '',
      },
    ],
  } as unknown as QueryDataRequest;
}

describe('the packaged executable when idle', () => {
  it('returns to about its starting RSS after a burst of queries', async () => {
    if (!existsSync(EXECUTABLE)) {
      throw new Error(`${EXECUTABLE} is missing: run npm run build first`);
    }
    const child = spawn(EXECUTABLE, [], { env: { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const data = new Data(await handshakeTarget(child, EXECUTABLE), credentials.createInsecure());
      const queryData = (request: QueryDataRequest) =>
        new Promise<QueryDataResponse>((resolve, reject) =>
          (data as unknown as { QueryData: Function }).QueryData(request, (error: Error | null, response: QueryDataResponse) => (error ? reject(error) : resolve(response)))
        );
      await sleep(1000);
      const start = rssMB(child.pid!);
      for (let round = 0; round < 2; round++) {
        const answers = await Promise.all(Array.from({ length: 4 }, () => queryData(argoDurations())));
        answers.forEach((answer) => expect(answer.responses.A.status).toBe(200));
      }
      const loaded = rssMB(child.pid!);
      // The burst must have grown the process, or the rest proves nothing.
      expect(loaded - start).toBeGreaterThan(60);
      await sleep(IDLE_MS + 5000);
      const idle = rssMB(child.pid!);
      // Within 40 MB of the start (pages the queries' code and Buffers still hold), not near `loaded`.
      expect(Math.round(idle)).toBeLessThanOrEqual(Math.round(start + 40));
      data.close();
    } finally {
      child.kill();
    }
  }, 90_000);
});

import * as http from 'node:http';
import * as net from 'node:net';

import { queryData } from '../../handlers/queryData';
import type { DataResponse } from '../../protocol/messages';
import { decodeSeries, decodeTable } from '../../test/decodeFrames';
import { elasticsearchUrl } from '../../test/elasticsearch';
import { closedPort, dataQuery, pluginContext } from '../../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory, withRunningTail, type ArgoHistory } from '../../test/argoServer/workflowHistory';
import { DOCUMENT_MAPPINGS } from '../../elasticsearch/indexTemplate';
import { liveClock } from '../live/liveClock';

/**
 * Source argo and live with Elasticsearch configured but failing (a closed port, or a node that
 * accepts connections and never answers): the answer comes from the Argo Server (the double) with a
 * warning that the Elasticsearch part is missing. When the Argo Server fails, the query fails as
 * before, whatever Elasticsearch does. Expected rows and counts come from the double's objects.
 */
const DAY = 86_400_000;
const wallClock = liveClock.nowMs;
let history: ArgoHistory;
let server: ArgoServerHandle;
let refused: string;
let silent: net.Server;
let silentUrl: string;
let FROM: number;
let TO: number;
let overloaded: http.Server;
let overloadedUrl: string;
const index = `argoperf-down-${Date.now()}`;

/** In front of the real node: searches answer 503 as an overloaded cluster does; the rest goes through. */
function overloadedNode(): http.Server {
  const node = new URL(elasticsearchUrl());
  return http.createServer((req, res) => {
    if (req.url?.includes('/_search')) {
      req.resume();
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'search_phase_execution_exception', reason: 'all shards failed' }, status: 503 }));
      return;
    }
    const upstream = http.request({ host: node.hostname, port: node.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

beforeAll(async () => {
  history = withRunningTail(generateArgoHistory({ seed: 23, workflows: 150, days: 6 }), 3);
  TO = history.endMs;
  FROM = TO - 5 * DAY;
  liveClock.nowMs = () => TO;
  server = await startArgoServer({ history });
  refused = `http://127.0.0.1:${await closedPort()}`;
  // Accepts connections, reads requests, never answers: the client's timeout ends each attempt.
  silent = net.createServer((socket) => socket.on('data', () => undefined));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  overloaded = overloadedNode();
  await new Promise<void>((resolve) => overloaded.listen(0, '127.0.0.1', resolve));
  overloadedUrl = `http://127.0.0.1:${(overloaded.address() as net.AddressInfo).port}`;
  // An index with our mapping, so the field check passes and the search itself is what fails.
  await fetch(`${elasticsearchUrl()}/${index}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mappings: DOCUMENT_MAPPINGS }) });
});

afterAll(async () => {
  liveClock.nowMs = wallClock;
  await server.close();
  await new Promise((resolve) => silent.close(resolve));
  await new Promise((resolve) => overloaded.close(resolve));
  await fetch(`${elasticsearchUrl()}/${index}`, { method: 'DELETE' });
});

async function ask(json: object, elasticsearch: object | undefined, argoUrl = server.url): Promise<DataResponse> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url: argoUrl }, ...(elasticsearch ? { elasticsearch } : {}) }),
      headers: {},
      queries: [{ ...dataQuery('A', json, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: 10 * DAY }],
    },
    new AbortController().signal
  );
  return response.responses.A;
}

const startedInRange = () =>
  history.workflows
    .map(({ workflow }) => workflow)
    .filter((w) => {
      const start = Date.parse(w.status?.startedAt ?? '');
      return start >= FROM && start < TO;
    });

type Notice = { severity: string; text: string };
const warnings = (answer: DataResponse, decode: (bytes: Uint8Array) => { meta?: Record<string, unknown> }) =>
  (answer.frames ?? [])
    .flatMap((frame) => (decode(frame).meta?.notices ?? []) as Notice[])
    .filter((notice) => notice.severity === 'warning')
    .map((notice) => notice.text);

function expectMissingNotice(answer: DataResponse, reason: RegExp, consequence: RegExp, decode: (bytes: Uint8Array) => { meta?: Record<string, unknown> } = decodeSeries) {
  expect(answer.error).toBeFalsy();
  const texts = warnings(answer, decode);
  const notice = texts.find((text) => text.startsWith('Elasticsearch could not be read'));
  expect(notice).toMatch(reason);
  expect(notice).toMatch(consequence);
}

describe('Elasticsearch refuses the connection', () => {
  const es = () => ({ url: refused, timeoutSeconds: 5 });

  it('durations with source argo count the runs the Argo Server holds, with a warning', async () => {
    const answer = await ask({ queryType: 'durations', source: 'argo', stats: ['count'], groupBy: [] }, es());
    expectMissingNotice(answer, /connection refused/, /runs the Argo Server has already deleted .* are missing/);
    const total = (answer.frames ?? []).map(decodeSeries).reduce((sum, f) => sum + f.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0);
    expect(total).toBe(startedInRange().filter((w) => w.status?.finishedAt).length);
  });

  it('runs with source argo list the runs the Argo Server holds, with a warning', async () => {
    const answer = await ask({ queryType: 'runs', source: 'argo', limit: 1000, baselineDays: 5 }, es());
    expectMissingNotice(answer, /connection refused/, /runs the Argo Server has already deleted .* are missing/, decodeTable);
    const [table] = (answer.frames ?? []).map(decodeTable);
    expect([...(table.columns.workflow as string[])].sort()).toEqual(startedInRange().map((w) => w.metadata.name!).sort());
  });

  it('live answers from the Argo Server, the p95 from its runs alone, with a warning', async () => {
    const answer = await ask({ queryType: 'live', view: 'table', baselineDays: 5 }, es());
    expectMissingNotice(answer, /connection refused/, /p95 .* only from the runs the Argo Server still holds/, decodeTable);
    const [table] = (answer.frames ?? []).map(decodeTable);
    const running = history.workflows.filter(({ workflow }) => workflow.status?.phase === 'Running').map(({ workflow }) => workflow.metadata.name);
    expect([...(table.columns.workflow as string[])].sort()).toEqual(running.sort());
    // The same rows as from a datasource without Elasticsearch.
    const [alone] = ((await ask({ queryType: 'live', view: 'table', baselineDays: 5 }, undefined)).frames ?? []).map(decodeTable);
    expect(table.columns.p95).toEqual(alone.columns.p95);
  });
});

describe('Elasticsearch never answers', () => {
  it('durations with source argo answer after the timeout, with a warning', async () => {
    const started = Date.now();
    const answer = await ask({ queryType: 'durations', source: 'argo', stats: ['count'], groupBy: [] }, { url: silentUrl, timeoutSeconds: 1 });
    expectMissingNotice(answer, /timed out|did not answer/, /are missing/);
    // Two attempts of one second each, on a loaded machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('Elasticsearch answers 503', () => {
  it('runs with source argo answer from the Argo Server, with a warning', async () => {
    const answer = await ask({ queryType: 'runs', source: 'argo', limit: 1000, baselineDays: 5 }, { url: overloadedUrl, index });
    expectMissingNotice(answer, /503/, /are missing/, decodeTable);
    const [table] = (answer.frames ?? []).map(decodeTable);
    expect(table.columns.workflow).toHaveLength(startedInRange().length);
  });
});

describe('the Argo Server fails', () => {
  it('fails the query as before, Elasticsearch up', async () => {
    const argoDown = `http://127.0.0.1:${await closedPort()}`;
    const answer = await ask({ queryType: 'durations', source: 'argo', stats: ['count'], groupBy: [] }, { url: elasticsearchUrl(), index: 'argoperf-none-*' }, argoDown);
    expect(answer.status).toBe(502);
    expect(answer.errorSource).toBe('downstream');
    expect(answer.error).toMatch(/^connection refused by http:\/\/127\.0\.0\.1:\d+: the Argo Server is not listening there/);
    const live = await ask({ queryType: 'live' }, { url: refused }, argoDown);
    expect(live.status).toBe(502);
  });
});

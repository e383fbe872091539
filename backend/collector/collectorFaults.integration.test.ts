import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Client } from '@elastic/elasticsearch';

import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { elasticsearchUrl } from '../test/elasticsearch';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory, type ArgoHistory } from '../test/argoServer/workflowHistory';
import { CollectorTestIndices, expectedDocuments, runCollector, storedDocuments } from './collectorTestKit';

/**
 * Bad input and faults: Elasticsearch down, throttling (429) mid-run, the Argo Server failing or
 * refusing the token, a workflow with garbage timestamps, a conflicting mapping, and the dry run.
 */
jest.setTimeout(120_000);

const HOUR = 3_600_000;
const indices = new CollectorTestIndices('colltest-faults');
const { stateIndex } = indices;
let es: Client;
let history: ArgoHistory;
let server: ArgoServerHandle;
let FROM: number;
let TO: number;
let garbageUid: string;

const prefix = (name: string) => indices.prefix(name);

const range = () => ['--from', new Date(FROM).toISOString(), '--to', new Date(TO).toISOString()];
const argo = (url = server.url) => ['--argo-url', url, '--state-index', stateIndex];

beforeAll(async () => {
  es = new Client({ node: elasticsearchUrl() });
  history = generateArgoHistory({ seed: 71, workflows: 60, days: 3 });
  // One run whose every time is garbage (Date.parse reads it, RFC 3339 does not): it has no start.
  const garbage = history.workflows.find((g) => g.storage === 'live' || g.storage === 'both')!;
  garbage.storage = 'live';
  const workflow = garbage.workflow;
  delete workflow.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'];
  workflow.metadata.creationTimestamp = 'Tue Jan 13 2026 10:00:00 GMT+0000';
  workflow.status = { ...workflow.status, startedAt: 'Tue Jan 13 2026 10:00:00 GMT+0000' };
  for (const node of Object.values((workflow.status.nodes ?? {}) as Record<string, { startedAt?: string }>)) {
    node.startedAt = 'yesterday at noon';
  }
  garbageUid = workflow.metadata.uid!;
  expect(extractWorkflow(workflow).workflow).toBeUndefined();
  server = await startArgoServer({ history });
  FROM = history.endMs - 4 * 24 * HOUR;
  TO = history.endMs + HOUR;
});

afterAll(async () => {
  await server.close();
  await indices.remove(es);
  await es.close();
});

/** The expected documents without those of the garbage run. */
function expectedFor(p: string): Map<string, string> {
  const expected = expectedDocuments(history, p, FROM, TO);
  for (const id of [...expected.keys()].filter((id) => id === garbageUid || id.startsWith(`${garbageUid}/`))) {
    expected.delete(id);
  }
  return expected;
}

async function expectExactly(p: string, expected: Map<string, string>) {
  const stored = await storedDocuments(es, p, false);
  expect(stored.map((d) => `${d.index} ${d.id}`).sort()).toEqual([...expected].map(([id, index]) => `${index} ${id}`).sort());
}

it('skips and counts a run with garbage timestamps, writing none of its documents, and writes all the others', async () => {
  const p = prefix('garbage');
  const run = await runCollector(['backfill', ...range(), ...argo(), '--es-url', elasticsearchUrl(), '--index-prefix', p]);
  expect(run.code).toBe(0);
  expect(run.summary).toMatchObject({ workflows_skipped: 1, documents_rejected: 0 });
  expect(run.stderr).toContain('skipped a workflow that has no usable run document');
  expect(run.stderr).toContain(garbageUid);
  await expectExactly(p, expectedFor(p));
});

type BulkResult = { errors: boolean; items: Array<{ index: Record<string, unknown> }> };

/**
 * A proxy in front of Elasticsearch that numbers the bulk requests (from 1): `refuse(n)` answers one with
 * 429 as a whole; `alter(n, body, result)` edits Elasticsearch's answer to one before it is passed on.
 */
async function bulkProxy(options: { refuse?: (n: number) => boolean; alter?: (n: number, body: string, result: BulkResult) => void }) {
  let bulks = 0;
  const upstream = new URL(elasticsearchUrl());
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isBulk = req.method === 'POST' && req.url?.startsWith('/_bulk');
      const n = isBulk ? ++bulks : 0;
      if (isBulk && options.refuse?.(n)) {
        res.writeHead(429, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify({ error: { type: 'es_rejected_execution_exception', reason: 'rejected execution of coordinating operation' }, status: 429 }));
        return;
      }
      const headers = { ...req.headers, host: upstream.host };
      delete headers['accept-encoding'];
      const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(parts).toString();
          if (isBulk && options.alter) {
            const result = JSON.parse(text) as BulkResult;
            options.alter(n, body.toString('utf8'), result);
            text = JSON.stringify(result);
          }
          const { 'content-length': _length, ...rest } = answer.headers;
          res.writeHead(answer.statusCode ?? 502, rest);
          res.end(text);
        });
      });
      forward.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    get bulks() {
      return bulks;
    },
    async close() {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    },
  };
}

it('retries through 429 answers of Elasticsearch, to whole bulk requests and to single items, adapting the request size', async () => {
  const p = prefix('throttled');
  const proxy = await bulkProxy({
    refuse: (n) => n === 2 || n === 4,
    alter: (n, _body, result) => {
      if (n === 3 || n === 6) {
        // Elasticsearch indexed them, but say the first items were rejected: the retry writes them again.
        result.errors = true;
        for (const item of result.items.slice(0, 5)) {
          item.index = { _index: item.index._index, _id: item.index._id, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } };
        }
      }
    },
  });
  try {
    const run = await runCollector(['backfill', ...range(), ...argo(), '--es-url', proxy.url, '--index-prefix', p, '--flush-bytes', '200000']);
    expect(run.code).toBe(0);
    expect(proxy.bulks).toBeGreaterThan(6);
    expect(run.summary.throttled_429).toBe(4);
    await expectExactly(p, expectedFor(p));
  } finally {
    await proxy.close();
  }
});

it('counts and names the documents Elasticsearch rejects for good, and writes all the others', async () => {
  const p = prefix('rejected');
  const rejectedIds: string[] = [];
  const proxy = await bulkProxy({
    alter: (n, body, result) => {
      if (n !== 2) {
        return;
      }
      // The second request's operations at positions 1 and 4: their ids from its action lines.
      const actions = body.split('\n').filter((_, i) => i % 2 === 0);
      result.errors = true;
      for (const position of [1, 4]) {
        rejectedIds.push((JSON.parse(actions[position]) as { index: { _id: string } }).index._id);
        result.items[position].index = { status: 400, error: { type: 'document_parsing_exception', reason: 'failed to parse field [duration_ms]' } };
      }
    },
  });
  try {
    const run = await runCollector(['backfill', ...range(), ...argo(), '--es-url', proxy.url, '--index-prefix', p, '--flush-bytes', '200000']);
    expect(run.code).toBe(0);
    expect(rejectedIds).toHaveLength(2);
    const expected = expectedFor(p);
    expect(run.summary).toMatchObject({ documents_rejected: 2, documents_written: expected.size - 2 });
    const logged = run.stderr.split('\n').filter((line) => line.includes('Elasticsearch rejected a document'));
    expect(logged).toHaveLength(2);
    logged.forEach((line, i) => {
      expect(line).toContain(rejectedIds[i]);
      expect(line).toContain(expected.get(rejectedIds[i])!);
      expect(line).toContain('document_parsing_exception: failed to parse field [duration_ms]');
    });
  } finally {
    await proxy.close();
  }
});

it('refuses to write when an existing index maps a field differently, naming the index and the field', async () => {
  const p = prefix('conflict');
  await es.indices.create({ index: `${p}-2019.01`, mappings: { properties: { duration_ms: { type: 'keyword' } } } });
  const run = await runCollector(['backfill', ...range(), ...argo(), '--es-url', elasticsearchUrl(), '--index-prefix', p]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain(`index ${p}-2019.01 maps field \\"duration_ms\\" as keyword`);
  expect(run.stderr).toContain('refusing to write');
  const indices = await es.cat.indices({ index: `${p}-*`, format: 'json', h: 'index' });
  expect(indices.map((i) => i.index)).toEqual([`${p}-2019.01`]);
});

it('reports Elasticsearch down at start with exit code 1', async () => {
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  const run = await runCollector(['sync', ...argo(), '--es-url', `http://127.0.0.1:${port}`]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`could not reach Elasticsearch at http://127.0.0.1:${port}`);
});

it('reports the Argo Server answering 503 after the client’s retries, exit code 1, nothing written', async () => {
  const p = prefix('argo503');
  server.setFaults({ kind: 'status', status: 503, path: '/api/v1/workflows' });
  try {
    const run = await runCollector(['backfill', ...range(), ...argo(), '--es-url', elasticsearchUrl(), '--index-prefix', p]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Argo Server: .*503/);
  } finally {
    server.setFaults();
  }
  expect(await storedDocuments(es, p, false)).toEqual([]);
});

it('reports a refused token (401) without printing it', async () => {
  const guarded = await startArgoServer({ history, auth: { mode: 'client', tokens: { 'good-token': { name: 'reader', namespaces: '*' } } } });
  try {
    const token = 'not-the-right-token-4711';
    const run = await runCollector(['sync', ...argo(guarded.url), '--es-url', elasticsearchUrl(), '--index-prefix', prefix('argo401')], { ARGO_TOKEN: token });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Argo Server: .*401/);
    expect(run.stderr).not.toContain('4711');
  } finally {
    await guarded.close();
  }
});

it('keeps watching when a round fails, and writes everything in the next round', async () => {
  const p = prefix('watch');
  server.setFaults({ kind: 'status', status: 403, times: 1, path: '/api/v1/workflows' });
  const stop = new AbortController();
  const hours = String(Math.ceil((Date.now() - FROM) / HOUR));
  const watching = runCollector(['watch', '--every', '1', '--initial-hours', hours, ...argo(), '--es-url', elasticsearchUrl(), '--index-prefix', p], {}, stop.signal);
  const expected = expectedFor(p);
  for (let i = 0; i < 100 && (await storedDocuments(es, p, false)).length < expected.size; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  stop.abort();
  const run = await watching;
  server.setFaults();
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/sync failed, retrying in 1 s: Argo Server: .*403/);
  expect(run.stderr).toContain('sync round done');
  await expectExactly(p, expected);
});

it('prints the bulk NDJSON in a dry run and writes nothing', async () => {
  const p = prefix('dryrun');
  const run = await runCollector(['backfill', ...range(), ...argo(), '--es-url', elasticsearchUrl(), '--index-prefix', p, '--dry-run']);
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { index?: { _index: string; _id: string } });
  const actions = lines.filter((_, i) => i % 2 === 0).map((l) => `${l.index!._index} ${l.index!._id}`);
  const expected = expectedFor(p);
  expect(actions.sort()).toEqual([...expected].map(([id, index]) => `${index} ${id}`).sort());
  expect(Object.keys(await es.indices.get({ index: `${p}-*`, allow_no_indices: true }))).toEqual([]);
  expect(await es.indices.existsIndexTemplate({ name: p })).toBe(false);
});

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Client } from '@elastic/elasticsearch';

import type { ArgoDocument } from '../argo/extract/documents';
import { elasticsearchUrl } from '../test/elasticsearch';
import { BulkPacer } from './bulkPacer';
import { bulkWrite } from './bulkWrite';
import { collectorLog } from './collectorLog';
import { CollectorStats } from './collectorStats';
import type { IndexOperation } from './documentIds';
import { pacedClient } from './elasticsearchWriter';

/**
 * The bulk writer against a real Elasticsearch node: what a failing source leaves written, that a failing
 * request stops the reading, and that no more requests than the pacer allows are in flight.
 */
jest.setTimeout(60_000);

const INDEX = `bulkwrite-test-${process.pid}`;
let es: Client;

beforeAll(() => {
  es = new Client({ node: elasticsearchUrl() });
});

afterAll(async () => {
  await es.indices.delete({ index: `${INDEX}*`, allow_no_indices: true });
  await es.close();
});

/** `runs` runs of `nodes` + 1 documents of about 1 KB each; `failAt` throws instead of that run. */
async function* runs(index: string, count: number, nodes: number, read: { runs: number }, failAt?: number): AsyncGenerator<IndexOperation[]> {
  for (let r = 0; r < count; r++) {
    if (r === failAt) {
      throw new Error('the Argo Server failed');
    }
    read.runs++;
    yield Array.from({ length: nodes + 1 }, (_, n) => ({
      index,
      id: n === 0 ? `run-${r}` : `run-${r}/node-${n}`,
      document: { doc_kind: n === 0 ? 'workflow' : 'node', message: 'x'.repeat(1000) } as unknown as ArgoDocument,
    }));
  }
}

function writer(client: Client, flushBytes: number, concurrency: number) {
  const stats = new CollectorStats();
  const pacer = new BulkPacer({ flushBytes, concurrency });
  const paced = pacedClient(client, pacer, (n) => (stats.documentsWritten += n));
  const log = collectorLog({ json: true, secrets: [], write: () => undefined });
  return { stats, write: (batches: AsyncIterator<IndexOperation[]>) => bulkWrite(paced, batches, { pacer, stats, log }) };
}

async function storedIds(index: string): Promise<string[]> {
  await es.indices.refresh({ index });
  const answer = await es.search<unknown>({ index, size: 10_000, _source: false, query: { match_all: {} } });
  return answer.hits.hits.map((hit) => hit._id!).sort();
}

/** A stand-in for Elasticsearch's bulk endpoint: `answer` decides each response, after `delayMs`. */
async function fakeBulk(delayMs: number, answer: (n: number) => { status: number; body: object }) {
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const n = ++requests;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        const { status, body } = answer(n);
        res.writeHead(status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        res.end(JSON.stringify(body));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({ requests, maxInFlight }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

it('writes every run the source gave before it failed, then throws the source’s error', async () => {
  const index = `${INDEX}-source`;
  const read = { runs: 0 };
  const { stats, write } = writer(es, 20_000, 2);
  await expect(write(runs(index, 30, 4, read, 17))).rejects.toThrow('the Argo Server failed');
  const expected = Array.from({ length: 17 }, (_, r) => [`run-${r}`, ...[1, 2, 3, 4].map((n) => `run-${r}/node-${n}`)]).flat().sort();
  expect(await storedIds(index)).toEqual(expected);
  expect(stats.documentsWritten).toBe(expected.length);
});

it('stops reading when a bulk request fails for good, and throws its error', async () => {
  const bulk = await fakeBulk(20, () => ({ status: 400, body: { error: { type: 'illegal_argument_exception', reason: 'no' }, status: 400 } }));
  const client = new Client({ node: bulk.url, maxRetries: 0 });
  try {
    const read = { runs: 0 };
    const { write } = writer(client, 10_000, 2);
    await expect(write(runs(`${INDEX}-never`, 500, 4, read))).rejects.toThrow('illegal_argument_exception');
    // About 2 runs fill a request: the reading stopped long before the 500 runs.
    expect(read.runs).toBeLessThan(50);
  } finally {
    await client.close();
    await bulk.close();
  }
});

it('never has more requests in flight than the pacer’s concurrency, and sends each once when all succeed', async () => {
  const bulk = await fakeBulk(30, () => ({ status: 200, body: { errors: false, items: [] } }));
  const client = new Client({ node: bulk.url, maxRetries: 0 });
  try {
    const read = { runs: 0 };
    const { write } = writer(client, 10_000, 3);
    await write(runs(`${INDEX}-fake`, 60, 4, read));
    // A request goes out once its NDJSON reaches 10,000 bytes, and the rest at the end.
    let requests = 0;
    let bytes = 0;
    for await (const batch of runs(`${INDEX}-fake`, 60, 4, { runs: 0 })) {
      for (const { index, id, document } of batch) {
        bytes += Buffer.byteLength(`{"index":{"_index":"${index}","_id":"${id}"}}\n${JSON.stringify(document)}\n`);
        if (bytes >= 10_000) {
          requests++;
          bytes = 0;
        }
      }
    }
    requests += bytes > 0 ? 1 : 0;
    expect(requests).toBeGreaterThan(20);
    expect(bulk.stats()).toEqual({ requests, maxInFlight: 3 });
  } finally {
    await client.close();
    await bulk.close();
  }
});

import * as http from 'node:http';

import { startServer, type TestServer } from '../tlsServer';
import { ELASTICSEARCH_503_BODY } from './faultAnswers';
import { startFaultProxy, type FaultProxy } from './faultProxy';

/** Each fault as an HTTP client sees it through the proxy, and the pass-through before and after. */
const BODY = JSON.stringify({ hits: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `run-${i}` })) });

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  ms: number;
}

function get(proxy: FaultProxy, timeoutMs = 3000, headers: Record<string, string> = {}): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    let status: number | undefined;
    let body: string | undefined;
    const failed = (error: NodeJS.ErrnoException) =>
      resolve({ status, body, error: error.code ?? error.message, ms: Date.now() - started });
    const request = http.get(
      proxy.url('http', '/search'),
      { headers, agent: false, timeout: timeoutMs },
      (response) => {
        status = response.statusCode;
        body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
        response.on('end', () => resolve({ status, body, ms: Date.now() - started }));
        response.on('error', failed);
      }
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    // A connection lost mid-answer may be reported on the request rather than the response.
    request.on('error', failed);
  });
}

describe('fault proxy', () => {
  let upstream: TestServer;
  let proxy: FaultProxy;
  beforeAll(async () => {
    upstream = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(BODY) });
      res.end(BODY);
    });
    const { port } = new URL(upstream.url);
    proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(port) });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });
  afterEach(() => proxy.setFault({ kind: 'none' }));

  it('passes requests and answers through unchanged', async () => {
    expect(await get(proxy)).toMatchObject({ status: 200, body: BODY });
  });

  it('refuses connections, then listens again on the same port', async () => {
    await proxy.setFault({ kind: 'refuse' });
    expect((await get(proxy)).error).toBe('ECONNREFUSED');
    await proxy.setFault({ kind: 'none' });
    expect(await get(proxy)).toMatchObject({ status: 200, body: BODY });
  });

  it('resets the connection in the middle of the answer', async () => {
    await proxy.setFault({ kind: 'reset' });
    const outcome = await get(proxy);
    expect(outcome.status).toBe(200);
    expect(outcome.error).toMatch(/ECONNRESET|aborted/);
    expect(outcome.body!.length).toBeLessThan(BODY.length);
  });

  it('stalls: the request is taken and never answered', async () => {
    await proxy.setFault({ kind: 'stall' });
    const outcome = await get(proxy, 700);
    expect(outcome).toMatchObject({ error: 'TIMEOUT' });
    expect(outcome.ms).toBeGreaterThanOrEqual(650);
  });

  it('drips the answer slowly, all of it in the end', async () => {
    await proxy.setFault({ kind: 'drip', bytes: 2048, everyMs: 100 });
    const outcome = await get(proxy, 10_000);
    expect(outcome).toMatchObject({ status: 200, body: BODY });
    // The head and about 9 KB of body in 2 KiB pieces, one every 100 ms.
    expect(outcome.ms).toBeGreaterThanOrEqual(300);
  });

  it('truncates the answer and closes the connection cleanly', async () => {
    await proxy.setFault({ kind: 'truncate' });
    const outcome = await get(proxy);
    expect(outcome.error).toMatch(/aborted|ECONNRESET/);
    expect(outcome.body!.length).toBeLessThan(BODY.length);
  });

  it('answers bytes that are not HTTP', async () => {
    await proxy.setFault({ kind: 'garbage' });
    expect((await get(proxy)).error).toMatch(/^HPE_/);
  });

  it("answers a 503 with Elasticsearch's body by itself", async () => {
    await proxy.setFault({ kind: 'status' });
    expect(await get(proxy)).toMatchObject({ status: 503, body: ELASTICSEARCH_503_BODY });
  });

  it('echoes the request, credentials included, in a 401', async () => {
    await proxy.setFault({ kind: 'echo' });
    const outcome = await get(proxy, 3000, { Authorization: 'Bearer echo-me' });
    expect(outcome.status).toBe(401);
    expect(JSON.parse(outcome.body!).message).toMatch(/GET \/search HTTP\/1\.1.*authorization: Bearer echo-me/i);
  });
});

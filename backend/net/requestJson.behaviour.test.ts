import { getEventListeners } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { selfSignedCertificate, startServer, type TestServer } from '../test/tlsServer';
import { jsonAgent, requestJson } from './requestJson';

/** What requestJson promises its callers (ArgoHttp, checkArgo), whatever carries the bytes. */
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  tls?: { key: string; cert: string }
) {
  server = await startServer(handler, tls);
  return server;
}

describe('requestJson', () => {
  it('answers the status, lower-case headers and parsed body; the raw text when it is not JSON', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(req.url === '/json' ? 200 : 502, { 'Content-Type': 'text/plain', 'Retry-After': '7' });
      res.end(req.url === '/json' ? '{"a":[1,2]}' : 'upstream down');
    });
    const json = await requestJson({ url: `${url}/json`, timeoutMs: 5000 });
    expect(json).toMatchObject({ status: 200, body: { a: [1, 2] } });
    expect(json.headers['retry-after']).toBe('7');
    const text = await requestJson({ url: `${url}/text`, timeoutMs: 5000 });
    expect(text).toMatchObject({ status: 502, body: undefined, text: 'upstream down' });
    expect(text.headers['content-type']).toBe('text/plain');
  });

  it('sends Accept and the given headers, and does not follow a redirect', async () => {
    const { url, requests } = await serve((_req, res) => {
      res.writeHead(302, { Location: '/elsewhere' });
      res.end();
    });
    const answer = await requestJson({ url: `${url}/api`, headers: { Authorization: 'Bearer t0k' }, timeoutMs: 5000 });
    expect(answer.status).toBe(302);
    expect(requests.map((r) => [r.url, r.headers.authorization, r.headers.accept])).toEqual([
      ['/api', 'Bearer t0k', 'application/json'],
    ]);
  });

  it('sends credentials in the URL as Basic auth, unless an Authorization header is given', async () => {
    const { url, requests } = await serve((_req, res) => res.end('{}'));
    const withUser = url.replace('://', '://ad%40min:p%3Ass@');
    await requestJson({ url: withUser, timeoutMs: 5000 });
    await requestJson({ url: withUser, headers: { Authorization: 'Bearer given' }, timeoutMs: 5000 });
    expect(requests.map((r) => r.headers.authorization)).toEqual([
      `Basic ${Buffer.from('ad@min:p:ss').toString('base64')}`,
      'Bearer given',
    ]);
  });

  it('stops reading an answer larger than maxBytes and fails with its size', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`[${'1,'.repeat(5000)}1]`);
    });
    await expect(requestJson({ url, timeoutMs: 5000, maxBytes: 1000 })).rejects.toThrow(
      'answer larger than 1000 bytes'
    );
  });

  it('fails at once with an AbortError when cancelled mid-answer, and leaves no listener on the signal', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
    });
    const controller = new AbortController();
    const pending = requestJson({ url, timeoutMs: 10_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const abortedAt = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - abortedAt).toBeLessThan(1000);

    const done = new AbortController();
    server!.requests.length = 0;
    await expect(requestJson({ url, timeoutMs: 300, signal: done.signal })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(getEventListeners(done.signal, 'abort')).toHaveLength(0);
  });

  it('does not send a request whose signal is already aborted', async () => {
    const { url, requests } = await serve((_req, res) => res.end('{}'));
    await expect(requestJson({ url, timeoutMs: 5000, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toHaveLength(0);
  });

  it("reports a connection closed before or during the answer as node's ECONNRESET (retried by ArgoHttp)", async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/mid-body') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
        res.write('[1,');
        setTimeout(() => req.socket.destroy(), 50);
        return;
      }
      req.socket.destroy();
    });
    await expect(requestJson({ url: `${url}/before`, timeoutMs: 5000 })).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(requestJson({ url: `${url}/mid-body`, timeoutMs: 5000 })).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
  });

  it('trusts the given CA, refuses an unknown certificate with its TLS code, and skips verification when asked', async () => {
    const tls = selfSignedCertificate();
    const { url } = await serve((_req, res) => res.end('{"ok":true}'), tls);
    await expect(requestJson({ url, timeoutMs: 5000, caCert: tls.cert })).resolves.toMatchObject({
      body: { ok: true },
    });
    await expect(requestJson({ url, timeoutMs: 5000 })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    await expect(requestJson({ url, timeoutMs: 5000, tlsSkipVerify: true })).resolves.toMatchObject({
      body: { ok: true },
    });
  });
});

describe('jsonAgent', () => {
  it('keeps connections alive and opens at most `connections` of them to a server', async () => {
    let inFlight = 0;
    let most = 0;
    const sockets = new Set<unknown>();
    const { url } = await serve((req, res) => {
      sockets.add(req.socket);
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.end('{}');
      }, 50);
    });
    const agent = jsonAgent({ connections: 2 });
    try {
      await Promise.all(Array.from({ length: 8 }, () => requestJson({ url, timeoutMs: 10_000, agent })));
      expect(most).toBe(2);
      expect(sockets.size).toBe(2);
    } finally {
      await agent.close();
    }
  });
});

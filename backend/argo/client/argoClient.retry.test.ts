import { createLogger } from '../../log/logger';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { ArgoClient } from './argoClient';
import { ArgoRequestError } from './argoErrors';
import type { ArgoClientOptions } from './clientOptions';

const TOKEN = 'sa-token-retry-0123456789';
let server: ArgoServerHandle;
beforeAll(async () => {
  server = await startArgoServer({
    auth: { mode: 'client', tokens: { [TOKEN]: { name: 'reader', namespaces: '*' } } },
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.setFaults();
  // A request that the previous test's client sent just before its deadline reaches this (same-process)
  // server a few event-loop turns later: let it arrive before the record is cleared.
  await new Promise((resolve) => setTimeout(resolve, 20));
  server.resetRequests();
});

const clients: ArgoClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.close()));
function client(extra: Partial<ArgoClientOptions> = {}): ArgoClient {
  const created = new ArgoClient({
    url: server.url,
    token: TOKEN,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...extra,
  });
  clients.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<ArgoRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ArgoRequestError);
    return error as ArgoRequestError;
  }
  throw new Error('expected a failure');
}

describe('retries', () => {
  it.each([502, 503, 504])('retries %i and then succeeds', async (status) => {
    server.setFaults({ kind: 'status', status, times: 2 });
    await expect(client().version()).resolves.toMatchObject({ version: 'v4.1.2' });
    expect(server.requests.map((r) => r.status)).toEqual([status, status, 200]);
  });

  it.each([
    [500, 'serverError'],
    [400, 'badRequest'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'wrongUrl'],
    [409, 'badRequest'],
  ])('never retries %i', async (status, kind) => {
    server.setFaults({ kind: 'status', status });
    const error = await failure(client().version());
    expect([error.kind, error.status, error.attempts, server.requests.length]).toEqual([kind, status, 1, 1]);
  });

  it('honours Retry-After on 429', async () => {
    server.setFaults({ kind: 'status', status: 429, retryAfter: '1', times: 1 });
    const started = Date.now();
    await client().version();
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(server.requests[1].startedMs - server.requests[0].startedMs).toBeGreaterThanOrEqual(990);
  });

  it('fails at once when Retry-After lies past the deadline', async () => {
    server.setFaults({ kind: 'status', status: 429, retryAfter: '30' });
    const started = Date.now();
    const error = await failure(client().version({ deadline: Date.now() + 3000 }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.message).toBe(
      "the Argo Server answered 429 and asked to retry after 30 s, which is past this query's deadline; could not read the server version"
    );
    expect(server.requests).toHaveLength(1);
  });

  it('keeps retrying with backoff until the deadline, never past it', async () => {
    server.setFaults({ kind: 'status', status: 503 });
    const deadline = Date.now() + 800;
    const error = await failure(
      client({ retry: { maxAttempts: 100, baseDelayMs: 40, maxDelayMs: 160 } }).version({ deadline })
    );
    expect(Date.now()).toBeLessThan(deadline + 150);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(
      /^the Argo Server did not read the server version before the query's deadline \(\d\.\d s, timeout\); the last attempt failed with: the Argo Server failed with status 503 when asked to read the server version; the server said: Service Unavailable \(after \d+ attempts\)$/
    );
    expect(server.requests.length).toBeGreaterThanOrEqual(4);
    expect(server.requests.every((r) => r.startedMs < deadline)).toBe(true);
    // Backoff grows: later gaps are longer than the first.
    const gaps = server.requests.slice(1).map((r, i) => r.startedMs - server.requests[i].startedMs);
    expect(Math.max(...gaps.slice(2))).toBeGreaterThan(gaps[0]);
  });

  it('gives up after maxAttempts and says how many', async () => {
    server.setFaults({ kind: 'status', status: 503 });
    const error = await failure(client({ retry: { maxAttempts: 3, baseDelayMs: 5 } }).version());
    expect([server.requests.length, error.attempts]).toEqual([3, 3]);
    expect(error.message).toBe(
      'the Argo Server failed with status 503 when asked to read the server version; the server said: Service Unavailable (after 3 attempts)'
    );
  });

  it('retries dropped connections, before and during the body', async () => {
    server.setFaults({ kind: 'reset', times: 2 }, { kind: 'resetMidBody', times: 1 });
    await expect(client().version()).resolves.toMatchObject({ version: 'v4.1.2' });
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry a truncated answer or a per-request timeout', async () => {
    server.setFaults({ kind: 'truncatedJson' });
    expect((await failure(client().version())).kind).toBe('invalidJson');
    expect(server.requests).toHaveLength(1);
    server.setFaults({ kind: 'delay', ms: 1500 });
    server.resetRequests();
    const error = await failure(client({ timeoutSeconds: 1 }).version());
    expect([error.kind, server.requests.length]).toEqual(['timeout', 1]);
  });

  it('stops waiting between attempts when the query is cancelled', async () => {
    server.setFaults({ kind: 'status', status: 503, retryAfter: '5' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(client().version({ signal: controller.signal }));
    expect([error.kind, error.message]).toEqual(['cancelled', 'the request to the Argo Server was cancelled']);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('logs retries at debug level, without the token', async () => {
    const lines: string[] = [];
    server.setFaults({
      kind: 'status',
      status: 503,
      times: 2,
      message: `upstream rejected Authorization: Bearer ${TOKEN}`,
    });
    await client({ logger: createLogger((line) => lines.push(line), 'debug') }).version();
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({
      '@level': 'debug',
      '@message': 'Argo Server request will be retried',
      path: 'api/v1/version',
      reason: 'status 503',
      attempt: 1,
    });
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});

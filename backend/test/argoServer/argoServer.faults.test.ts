import * as https from 'node:https';

import { startArgoServer, type ArgoServerHandle, type ArgoServerOptions } from './startArgoServer';
import { testGet } from './testGet';

const TOKEN = 'reader-secret-token-9f8e7d';
const options: ArgoServerOptions = {
  history: { workflows: 40 },
  auth: { mode: 'client', tokens: { [TOKEN]: { name: 'reader', namespaces: ['ml'] } } },
};

async function withServer(extra: ArgoServerOptions, test: (server: ArgoServerHandle) => Promise<void>): Promise<void> {
  const server = await startArgoServer({ ...options, ...extra });
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

describe('authentication and RBAC', () => {
  it('in client mode: 401 without a token; /version takes any bearer token; unknown tokens fail on lists', () =>
    withServer({}, async (server) => {
      expect((await testGet(`${server.url}/api/v1/workflows/ml`)).status).toBe(401);
      expect((await testGet(`${server.url}/api/v1/version`, 'made-up')).status).toBe(200);
      const unknown = await testGet(`${server.url}/api/v1/workflows/ml`, 'made-up');
      expect([unknown.status, unknown.body.message, unknown.headers['grpc-metadata-argo-version']]).toEqual([
        401,
        'Unauthorized',
        undefined,
      ]);
      expect((await testGet(`${server.url}/api/v1/workflows/ml`, TOKEN)).status).toBe(200);
    }));

  it('answers 403 outside the granted namespaces and for all-namespace lists', () =>
    withServer({}, async (server) => {
      const other = await testGet(`${server.url}/api/v1/workflows/data`, TOKEN);
      expect([other.status, other.body.message]).toEqual([
        403,
        'Permission denied, you are not allowed to list workflows in namespace "data". Maybe you want to specify a namespace with query parameter `.namespace=data`?',
      ]);
      expect((await testGet(`${server.url}/api/v1/workflows/`, TOKEN)).status).toBe(403);
      const cron = await testGet(`${server.url}/api/v1/cron-workflows/argo`, TOKEN);
      expect(cron.body.message).toBe(
        'cronworkflows.argoproj.io is forbidden: User "system:serviceaccount:argo:reader" cannot list resource "cronworkflows" in API group "argoproj.io" in the namespace "argo"'
      );
    }));

  it('in server mode needs no token; hybrid falls back to server mode without one', () =>
    withServer({ auth: { mode: 'server' } }, async (server) => {
      expect((await testGet(`${server.url}/api/v1/workflows/`)).status).toBe(200);
    }).then(() =>
      withServer({ auth: { mode: 'hybrid', tokens: {} } }, async (server) => {
        expect((await testGet(`${server.url}/api/v1/workflows/`)).status).toBe(200);
        expect((await testGet(`${server.url}/api/v1/workflows/`, 'made-up')).status).toBe(401);
      })
    ));
});

describe('the request record', () => {
  it('keeps path, query and headers, with the credential redacted and the caller named', () =>
    withServer({}, async (server) => {
      await testGet(`${server.url}/api/v1/workflows/ml?listOptions.limit=3&fields=metadata`, TOKEN);
      const [request] = server.requests;
      expect(request).toMatchObject({
        method: 'GET',
        path: '/api/v1/workflows/ml',
        query: { 'listOptions.limit': '3', fields: 'metadata' },
        identity: 'reader',
        status: 200,
      });
      expect(request.headers.authorization).toBe('Bearer [redacted]');
      expect(JSON.stringify(server.requests)).not.toContain(TOKEN);
    }));

  it('measures the most requests in flight at once', () =>
    withServer({ auth: { mode: 'server' }, faults: [{ kind: 'delay', ms: 80 }] }, async (server) => {
      await Promise.all(Array.from({ length: 6 }, () => testGet(`${server.url}/api/v1/version`)));
      expect(server.maxInFlight).toBe(6);
      server.resetRequests();
      await testGet(`${server.url}/api/v1/version`);
      expect([server.requests.length, server.maxInFlight]).toEqual([1, 1]);
    }));
});

describe('faults', () => {
  const version = (server: ArgoServerHandle) => testGet(`${server.url}/api/v1/version`, TOKEN);

  it('delays answers', () =>
    withServer({ faults: [{ kind: 'delay', ms: 150 }] }, async (server) => {
      const started = Date.now();
      await version(server);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    }));

  it('fails n times with a status, then answers; 429 carries Retry-After', () =>
    withServer({ faults: [{ kind: 'status', status: 503, times: 2 }] }, async (server) => {
      expect([(await version(server)).status, (await version(server)).status, (await version(server)).status]).toEqual([
        503, 503, 200,
      ]);
      server.setFaults({ kind: 'status', status: 429, retryAfter: '2' });
      const limited = await version(server);
      expect([limited.status, limited.headers['retry-after'], limited.body.code]).toEqual([429, '2', 8]);
    }));

  it('only on matching paths', () =>
    withServer({ faults: [{ kind: 'status', status: 502, path: '/archived-workflows' }] }, async (server) => {
      expect((await version(server)).status).toBe(200);
      expect((await testGet(`${server.url}/api/v1/archived-workflows`, TOKEN)).status).toBe(502);
    }));

  it('cuts JSON in half, answers HTML, or drops the connection', () =>
    withServer(
      {
        faults: [
          { kind: 'truncatedJson', times: 1 },
          { kind: 'html', times: 1 },
          { kind: 'reset', times: 1 },
          { kind: 'resetMidBody', times: 1 },
        ],
      },
      async (server) => {
        const cut = await version(server);
        expect(cut.status).toBe(200);
        expect(cut.body).toBeUndefined();
        expect(() => JSON.parse(cut.text)).toThrow();
        const html = await version(server);
        expect([html.status, html.headers['content-type'], html.text.startsWith('<!DOCTYPE html>')]).toEqual([
          200,
          'text/html; charset=utf-8',
          true,
        ]);
        await expect(version(server)).rejects.toThrow();
        await expect(version(server)).rejects.toThrow();
        expect((await version(server)).status).toBe(200);
      }
    ));
});

describe('TLS and base paths', () => {
  it('serves https with a self-signed certificate that clients must trust explicitly', () =>
    withServer({ tls: true, auth: { mode: 'server' } }, async (server) => {
      const get = (ca?: string) =>
        new Promise<number>((resolve, reject) => {
          https.get(`${server.url}/api/v1/version`, { ca }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
        });
      expect(server.url).toMatch(/^https:/);
      await expect(get()).rejects.toThrow(/self[- ]signed/);
      await expect(get(server.ca)).resolves.toBe(200);
    }));

  it('answers under its base path only, like a server behind an ingress', () =>
    withServer({ basePath: '/argo', auth: { mode: 'server' } }, async (server) => {
      const root = server.url.replace(/\/argo$/, '');
      expect((await testGet(`${server.url}/api/v1/version`)).status).toBe(200);
      const outside = await testGet(`${root}/api/v1/version`);
      expect([outside.status, outside.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
      const ui = await testGet(`${server.url}/workflows`);
      expect([ui.status, ui.text.startsWith('<!doctype html>')]).toEqual([200, true]);
      const unknown = await testGet(`${server.url}/api/v1/no-such-thing`);
      expect([unknown.status, unknown.text]).toEqual([404, 'Not Found\n']);
      expect(server.requests.map((r) => r.apiPath)).toEqual([
        '/api/v1/version',
        '/api/v1/version',
        '/workflows',
        '/api/v1/no-such-thing',
      ]);
    }));
});

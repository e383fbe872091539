import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { selfSignedCertificate } from '../../test/tlsServer';
import { ArgoClient } from './argoClient';
import type { ArgoClientOptions } from './clientOptions';

const TOKEN = 'sa-token-tls-44d1c0ffee';

async function attempt(options: ArgoClientOptions): Promise<string> {
  const client = new ArgoClient({ token: TOKEN, retry: { baseDelayMs: 5 }, ...options });
  try {
    return (await client.version()).version;
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain(TOKEN);
    return message;
  } finally {
    client.close();
  }
}

describe('TLS', () => {
  let secure: ArgoServerHandle;
  let plain: ArgoServerHandle;
  beforeAll(async () => {
    secure = await startArgoServer({ tls: true, version: 'v3.7.5' });
    plain = await startArgoServer({ version: 'v3.7.5' });
  });
  afterAll(async () => {
    await secure.close();
    await plain.close();
  });

  it('verifies certificates by default and says how to fix a self-signed one', async () => {
    expect(await attempt({ url: secure.url })).toMatch(
      /^TLS failure talking to the Argo Server at https:\/\/127\.0\.0\.1:\d+ \(self[- ]signed certificate\); add the server's CA certificate in the datasource settings, or turn on "Skip TLS verify" for testing$/
    );
  });

  it('trusts a custom CA certificate', async () => {
    expect(await attempt({ url: secure.url, caCert: secure.ca })).toBe('v3.7.5');
  });

  it('rejects a certificate from another CA', async () => {
    expect(await attempt({ url: secure.url, caCert: selfSignedCertificate().cert })).toMatch(
      /^TLS failure talking to the Argo Server/
    );
  });

  it('accepts anything with skip-verify', async () => {
    expect(await attempt({ url: secure.url, tlsSkipVerify: true })).toBe('v3.7.5');
  });

  it('says to use https:// when plain http reaches a TLS port', async () => {
    expect(await attempt({ url: secure.url.replace('https:', 'http:') })).toMatch(
      /closed the connection unexpectedly; if it serves https, use an https:\/\/ URL \(after 5 attempts\)$/
    );
  });

  it('reports a TLS failure when https:// reaches a plain http port', async () => {
    expect(await attempt({ url: plain.url.replace('http:', 'https:') })).toMatch(
      /^TLS failure talking to the Argo Server at https:/
    );
  });
});

describe('base URLs with a sub-path', () => {
  let server: ArgoServerHandle;
  beforeAll(async () => {
    server = await startArgoServer({ basePath: '/argo', history: { workflows: 20 } });
  });
  afterAll(() => server.close());

  it.each(['', '/'])('keeps the sub-path with or without a trailing slash ("%s")', async (slash) => {
    server.resetRequests();
    const client = new ArgoClient({ url: `${server.url}${slash}` });
    try {
      const { items } = await client.listWorkflows({ namespace: 'ml' });
      expect(items.length).toBeGreaterThan(0);
      await client.getWorkflow('ml', items[0].metadata.name!);
    } finally {
      client.close();
    }
    expect(server.requests.map((r) => r.path)).toEqual([
      '/argo/api/v1/version',
      '/argo/api/v1/workflows/ml',
      expect.stringMatching(/^\/argo\/api\/v1\/workflows\/ml\/.+/),
    ]);
  });

  it('encodes namespace and name as path segments', async () => {
    const client = new ArgoClient({ url: server.url });
    try {
      await client.getWorkflow('ml', 'a/b?c').catch(() => undefined);
    } finally {
      client.close();
    }
    expect(server.requests.at(-1)!.path).toBe('/argo/api/v1/workflows/ml/a%2Fb%3Fc');
  });
});

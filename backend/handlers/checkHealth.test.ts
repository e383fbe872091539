import { HealthStatus } from '../protocol/messages';
import { closedPort, pluginContext } from '../test/pluginContext';
import { selfSignedCertificate, startServer, type TestServer } from '../test/tlsServer';
import { startArgoServer } from '../test/argoServer/startArgoServer';
import { checkHealth } from './checkHealth';

const signal = new AbortController().signal;
const TOKEN = 'sa-token-0123456789-secret';

/** Answers GET /api/v1/version like an Argo Server when the bearer token matches. */
function argoVersionServer(tls?: { key: string; cert: string }): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: 16, message: `token not valid: ${req.headers.authorization}` }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ version: 'v3.6.2', buildDate: '2026-01-01T00:00:00Z', platform: 'linux/amd64' }));
  }, tls);
}

describe('CheckHealth', () => {
  const tls = selfSignedCertificate();
  let https: TestServer;
  let plain: TestServer;
  let refused: string;
  beforeAll(async () => {
    https = await argoVersionServer(tls);
    plain = await argoVersionServer();
    refused = `http://127.0.0.1:${await closedPort()}`;
  });
  afterAll(async () => {
    await https.close();
    await plain.close();
  });

  const check = async (jsonData: unknown, secure: Record<string, string> = {}) =>
    checkHealth({ pluginContext: pluginContext(jsonData, secure), headers: {} }, signal);

  it('fails with the reason when the settings do not validate', async () => {
    const result = await check({ elasticsearch: { url: 'not a url' } });
    expect(result.status).toBe(HealthStatus.ERROR);
    expect(result.message).toBe('datasource settings: elasticsearch.url: must be an http:// or https:// URL');
  });

  it('fails when nothing is configured', async () => {
    const result = await check({});
    expect(result.message).toBe('datasource settings: configure Elasticsearch, the Argo Server, or both');
  });

  it('reports the Argo Server version with the token, given with or without "Bearer "', async () => {
    for (const token of [TOKEN, `Bearer ${TOKEN}`]) {
      const result = await check({ argo: { url: plain.url } }, { argoToken: token });
      expect(result.message).toBe('Argo Server v3.6.2 reachable; the token may list workflows and cron workflows in all namespaces');
      expect(result.status).toBe(HealthStatus.OK);
    }
  });

  it('says the token was rejected on 401 and never repeats the token', async () => {
    const result = await check({ argo: { url: plain.url } }, { argoToken: 'wrong-token-value' });
    expect(result.status).toBe(HealthStatus.ERROR);
    expect(result.message).toMatch(/^the Argo Server rejected the credentials \(401 Unauthorized\)/);
    expect(result.message).not.toContain('wrong-token-value');
  });

  it('names a TLS failure against a self-signed server and passes with its CA or skip-verify', async () => {
    const failing = await check({ argo: { url: https.url } }, { argoToken: TOKEN });
    expect(failing.message).toMatch(/^TLS failure talking to the Argo Server at https:\/\/127\.0\.0\.1:\d+ \(self[- ]signed certificate\)/);
    const withCa = await check({ argo: { url: https.url } }, { argoToken: TOKEN, argoCaCert: tls.cert });
    expect(withCa.status).toBe(HealthStatus.OK);
    const skipping = await check({ argo: { url: https.url, tlsSkipVerify: true } }, { argoToken: TOKEN });
    expect(skipping.status).toBe(HealthStatus.OK);
  });

  it('says connection refused, without a stack trace, for both services', async () => {
    const result = await check({ elasticsearch: { url: refused }, argo: { url: refused } });
    expect(result.status).toBe(HealthStatus.ERROR);
    expect(result.message.match(/connection refused by/g)).toHaveLength(2);
    expect(result.message).not.toMatch(/\n\s+at /);
    const details = JSON.parse(Buffer.from(result.jsonDetails!).toString());
    expect(details.argo.ok).toBe(false);
    expect(details.elasticsearch.ok).toBe(false);
  });

  it('reports a timeout as a timeout', async () => {
    const slow = await startServer(() => undefined);
    const result = await check({ argo: { url: slow.url, timeoutSeconds: 1 } });
    expect(result.message).toMatch(/did not answer within 1 s \(timeout\)/);
    await slow.close().catch(() => undefined);
  });

  it('says when the URL answers but is not an Argo Server', async () => {
    const other = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>login</html>');
    });
    const result = await check({ argo: { url: other.url } });
    expect(result.message).toMatch(/did not answer like an Argo Server/);
    await other.close();
  });

  it('proves the token with a list: a token Kubernetes rejects fails although /api/v1/version answers it', async () => {
    const argo = await startArgoServer({ auth: { mode: 'client', tokens: { [TOKEN]: { name: 'reader', namespaces: ['ml'] } } } });
    try {
      const unknown = await check({ argo: { url: argo.url } }, { argoToken: 'expired-token-abcdef' });
      expect(unknown.status).toBe(HealthStatus.ERROR);
      expect(unknown.message).toMatch(/401/);
      expect(unknown.message).not.toContain('expired-token-abcdef');
      // Allowed in ml only: listing every namespace is refused, listing ml (the allow-list) works.
      const everywhere = await check({ argo: { url: argo.url } }, { argoToken: TOKEN });
      expect(everywhere.status).toBe(HealthStatus.ERROR);
      expect(everywhere.message).toMatch(/403|forbidden|not allowed|permission/i);
      const ml = await check({ argo: { url: argo.url }, namespaces: ['ml'] }, { argoToken: TOKEN });
      expect(ml.message).toMatch(/^Argo Server v\S+ reachable; the token may list workflows and cron workflows in namespace ml$/);
      expect(ml.status).toBe(HealthStatus.OK);
    } finally {
      await argo.close();
    }
  });
});

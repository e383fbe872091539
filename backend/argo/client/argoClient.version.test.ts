import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import type { Logger } from '../../log/logger';
import { ArgoClient } from './argoClient';
import { VERSION_MAX_AGE_MS } from './serverVersionKeeper';

/*
 * The client learns the Argo Server's version and reads it again when it is five minutes old, so that an
 * upgrade (which changes how lists and CronWorkflows are read) shows without new settings or a restart.
 * The double is upgraded in place; a test clock ages the version.
 */
const versionRequests = (server: ArgoServerHandle) =>
  server.requests.filter((r) => r.apiPath === '/api/v1/version').length;

describe('ArgoClient: the server version is read again', () => {
  let server: ArgoServerHandle;
  let client: ArgoClient;
  let clockMs: number;
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;

  // v3.4 and v3.5 do not name their version in their answers: only /api/v1/version tells it.
  async function start(version: string): Promise<void> {
    server = await startArgoServer({ version });
    clockMs = Date.parse('2026-01-15T12:00:00Z');
    client = new ArgoClient({ url: server.url, now: () => clockMs, logger });
  }
  afterEach(async () => {
    client.close();
    await server.close();
    warnings.length = 0;
  });

  it('is five minutes old at most: until then the version known is used without asking', async () => {
    await start('v3.4.17');
    expect((await client.features()).offsetTokens).toBe(false);
    server.setVersion('v3.5.8');
    clockMs += VERSION_MAX_AGE_MS - 1;
    expect((await client.features()).offsetTokens).toBe(false);
    expect(versionRequests(server)).toBe(1);

    clockMs += 1;
    expect((await client.features()).offsetTokens).toBe(true); // v3.5.7+ pages with offsets
    expect(client.serverVersion).toBe('v3.5.8');
    expect(versionRequests(server)).toBe(2);
    expect(VERSION_MAX_AGE_MS).toBe(5 * 60_000);
  });

  it('once expired, only the call that found it so waits for the new reading; the others go on', async () => {
    await start('v3.4.17');
    await client.features();
    server.setVersion('v3.5.8');
    clockMs += VERSION_MAX_AGE_MS;
    server.setFaults({ kind: 'delay', ms: 300, path: '/api/v1/version' });
    const answered: string[] = [];
    const ask = (who: string) =>
      client.features().then((f) => answered.push(`${who}: ${f.offsetTokens ? 'v3.5.8' : 'v3.4.17'}`));
    await Promise.all([ask('first'), ask('second'), ask('third')]);
    expect(answered).toEqual(['second: v3.4.17', 'third: v3.4.17', 'first: v3.5.8']);
    expect(versionRequests(server)).toBe(2);
  });

  it('keeps the version known when the re-check fails, until the next period', async () => {
    await start('v3.5.8');
    await client.features();
    clockMs += VERSION_MAX_AGE_MS;
    server.setFaults({ kind: 'status', status: 404, path: '/api/v1/version', times: 1 });
    expect((await client.features()).offsetTokens).toBe(true);
    expect(client.serverVersion).toBe('v3.5.8');
    expect(warnings).toEqual(['re-reading the Argo Server version failed; the one known is kept']);
    clockMs += VERSION_MAX_AGE_MS - 1;
    await client.features();
    expect(versionRequests(server)).toBe(2);
  });

  it('is read again by the next call when the call re-checking it is cancelled', async () => {
    await start('v3.4.17');
    await client.features();
    server.setVersion('v3.5.8');
    clockMs += VERSION_MAX_AGE_MS;
    server.setFaults({ kind: 'delay', ms: 500, path: '/api/v1/version', times: 1 });
    const cancel = new AbortController();
    const cancelled = client.features({ signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled' });
    expect((await client.features()).offsetTokens).toBe(true);
    expect(client.serverVersion).toBe('v3.5.8');
  });

  it('follows a server that names its version in every answer (v3.6+) at its next answer, without asking', async () => {
    await start('v3.7.12');
    await client.features();
    server.setVersion('v4.0.3');
    await client.listCronWorkflows({ namespace: 'argo' });
    expect(client.serverVersion).toBe('v4.0.3');
    expect((await client.features()).continueNeedsRemainingCount).toBe(true);
    expect(versionRequests(server)).toBe(1);
  });
});

import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../../test/argoServer/workflowHistory';
import { ArgoClient } from './argoClient';

const history = generateArgoHistory({ workflows: 120, seed: 3 });
const archived = history.workflows.filter((g) => g.storage !== 'live').map((g) => g.workflow.metadata.uid!);
let server: ArgoServerHandle;
beforeAll(async () => {
  server = await startArgoServer({ history, version: 'v4.1.2' });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFaults({ kind: 'delay', ms: 60 });
  server.resetRequests();
});

async function withClient(
  options: { concurrency?: number },
  test: (client: ArgoClient) => Promise<void>
): Promise<void> {
  const client = new ArgoClient({ url: server.url, ...options });
  try {
    await test(client);
  } finally {
    client.close();
  }
}

describe('the concurrency limit', () => {
  it('keeps at most 4 requests in flight by default', () =>
    withClient({}, async (client) => {
      const started = Date.now();
      await Promise.all(archived.slice(0, 20).map((uid) => client.getArchivedWorkflow(uid)));
      expect(server.maxInFlight).toBe(4);
      // 20 requests, 4 at a time, 60 ms each.
      expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 60 - 10);
    }));

  it('takes the limit from the constructor', () =>
    withClient({ concurrency: 2 }, async (client) => {
      await Promise.all(archived.slice(0, 10).map((uid) => client.getArchivedWorkflow(uid)));
      expect(server.maxInFlight).toBe(2);
    }));

  it('bounds the node-detail GETs of a whole list walk', () =>
    withClient({ concurrency: 3 }, async (client) => {
      server.setFaults({ kind: 'delay', ms: 5 });
      let items = 0;
      for await (const page of client.listWorkflowPagesWithNodes({ pageSize: 40 })) {
        items += page.items.length;
      }
      expect(items).toBe(120);
      expect(server.requests.filter((r) => r.apiPath.startsWith('/api/v1/archived-workflows/'))).toHaveLength(
        archived.length
      );
      expect(server.maxInFlight).toBe(3);
    }));

  it('lets a queued request leave when its query is cancelled; it never reaches the server', () =>
    withClient({ concurrency: 1 }, async (client) => {
      server.setFaults({ kind: 'delay', ms: 300 });
      const first = client.getArchivedWorkflow(archived[0]);
      const controller = new AbortController();
      const queued = client.getArchivedWorkflow(archived[1], { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(client.load).toEqual({ inFlight: 1, queued: 1 });
      const abortedAt = Date.now();
      controller.abort();
      await expect(queued).rejects.toMatchObject({ kind: 'cancelled' });
      expect(Date.now() - abortedAt).toBeLessThan(50);
      await first;
      expect(server.requests.map((r) => r.apiPath)).toEqual([`/api/v1/archived-workflows/${archived[0]}`]);
    }));

  it('gives up on a queued request when the query deadline passes while it waits', () =>
    withClient({ concurrency: 1 }, async (client) => {
      server.setFaults({ kind: 'delay', ms: 400 });
      const first = client.getArchivedWorkflow(archived[0]);
      await expect(client.getArchivedWorkflow(archived[1], { deadline: Date.now() + 100 })).rejects.toMatchObject({
        kind: 'timeout',
      });
      await first;
      expect(server.requests).toHaveLength(1);
    }));
});

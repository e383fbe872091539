import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../../test/argoServer/workflowHistory';
import { ArgoClient } from './argoClient';
import { ArgoRequestError } from './argoErrors';
import type { ArgoClientOptions } from './clientOptions';

/**
 * The live list with nodes fetched one page ahead from the Argo Server double (a v3.4 server whose list
 * carries the nodes): the next page is on its way while the reader works on this one, the pages and their
 * continue tokens (the collector's checkpoints) are those the server sent, and a failure or a cancellation
 * reaches the reader at the page it concerns.
 */
const history = generateArgoHistory({ workflows: 600, seed: 13, liveHours: 24 * 365 });
const liveUids = history.workflows
  .filter((g) => g.storage === 'live' || g.storage === 'both')
  .map((g) => g.workflow.metadata.uid!);
const PAGE = 100;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition() && Date.now() - started < timeoutMs) {
    await pause(10);
  }
}

async function withDouble(
  options: Partial<ArgoClientOptions>,
  test: (client: ArgoClient, server: ArgoServerHandle) => Promise<void>
): Promise<void> {
  const server = await startArgoServer({ version: 'v3.4.17', history });
  const client = new ArgoClient({ url: server.url, nodePageSize: PAGE, ...options });
  try {
    await test(client, server);
  } finally {
    client.close();
    await server.close();
  }
}

const listRequests = (server: ArgoServerHandle) => server.requests.filter((r) => r.apiPath === '/api/v1/workflows/');

describe('listing workflows with nodes one page ahead', () => {
  it('has the next page asked for while the reader works on this one; pages and tokens as the server sent them', () =>
    withDouble({}, async (client, server) => {
      const pages = Math.ceil(liveUids.length / PAGE);
      const requestsWhileReading: number[] = [];
      const uids: string[] = [];
      const tokens: Array<string | undefined> = [];
      for await (const page of client.listWorkflowPagesWithNodes()) {
        // A slow reader (the collector writing to Elasticsearch): the next page is asked for meanwhile.
        // Generous waits for a loaded machine: until the next request arrives (or 3 s), then a little more.
        await until(() => listRequests(server).length >= Math.min(page.index + 2, pages), 3_000);
        await pause(50);
        requestsWhileReading.push(listRequests(server).length);
        uids.push(...page.items.map((w) => w.metadata.uid!));
        tokens.push(page.continue);
      }
      expect(uids.sort()).toEqual([...liveUids].sort());
      // Page n + 1 was asked for while the reader held page n; never more than one page ahead.
      expect(requestsWhileReading).toEqual(Array.from({ length: pages }, (_, n) => Math.min(n + 2, pages)));
      // Each page's continue token is the one the next request carried: checkpoints resume where they did.
      const sent = listRequests(server).map((r) => r.query['listOptions.continue']);
      expect(tokens.slice(0, -1)).toEqual(sent.slice(1));
      expect(tokens[tokens.length - 1]).toBeUndefined();
    }));

  it('reports a failure of the page fetched ahead at that page, after the reader had every item before it', async () => {
    let server: ArgoServerHandle | undefined;
    let lists = 0;
    // The page after the first fails (500 is not retried); set as soon as the first list answer is in.
    const onCall = ({ path }: { path: string }) => {
      if (path.startsWith('api/v1/workflows/') && ++lists === 1) {
        server!.setFaults({ kind: 'status', status: 500, message: 'etcd is unavailable', path: '/api/v1/workflows/' });
      }
    };
    await withDouble({ onCall }, async (client, double) => {
      server = double;
      const read: string[] = [];
      const listing = client.listWorkflowPagesWithNodes();
      const reading = (async () => {
        for await (const page of listing) {
          await pause(100);
          read.push(...page.items.map((w) => w.metadata.uid!));
        }
      })();
      const error = await reading.then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeInstanceOf(ArgoRequestError);
      expect((error as Error).message).toMatch(/status 500 .*list.*workflows.*etcd is unavailable/);
      expect(read).toHaveLength(PAGE);
      expect(listing.outcome).toMatchObject({ complete: false, pages: 1, items: PAGE });
    });
  });

  it('stops with the cancellation message when the query is cancelled while the reader works on a page', () =>
    withDouble({}, async (client) => {
      const controller = new AbortController();
      const pagesRead: number[] = [];
      const reading = (async () => {
        for await (const page of client.listWorkflowPagesWithNodes({}, { signal: controller.signal })) {
          pagesRead.push(page.index);
          controller.abort();
          await pause(50);
        }
      })();
      await expect(reading).rejects.toMatchObject({
        kind: 'cancelled',
        message: 'the request to the Argo Server was cancelled',
      });
      expect(pagesRead).toEqual([0]);
    }));
});

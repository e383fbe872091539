import { startArgoServer, type ArgoServerHandle, type ArgoServerOptions } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory, type Storage } from '../../test/argoServer/workflowHistory';
import { ArgoClient } from './argoClient';
import { LABELS, type Workflow } from './argoTypes';
import type { ArgoClientOptions } from './clientOptions';

const history = generateArgoHistory({ workflows: 3000, seed: 5 });
/** The generator's own list: uids by where each workflow is kept. */
const expectedUids = (...storages: Storage[]) =>
  history.workflows
    .filter((g) => storages.includes(g.storage))
    .map((g) => g.workflow.metadata.uid!)
    .sort();
const ALL = expectedUids('live', 'both', 'archived');
const uids = (items: Workflow[]) => items.map((w) => w.metadata.uid!).sort();

async function withClient(
  server: ArgoServerOptions,
  client: Partial<ArgoClientOptions>,
  test: (c: ArgoClient, s: ArgoServerHandle) => Promise<void>
): Promise<void> {
  const double = await startArgoServer({ history, ...server });
  const argo = new ArgoClient({ url: double.url, ...client });
  try {
    await test(argo, double);
  } finally {
    argo.close();
    await double.close();
  }
}

const listRequests = (server: ArgoServerHandle, path = '/api/v1/workflows/') =>
  server.requests.filter((r) => r.apiPath === path);

describe('paging the live list over 3000 generated workflows', () => {
  it('v3.4 (opaque Kubernetes tokens): every live uid exactly once', () =>
    withClient({ version: 'v3.4.18' }, { pageSize: 100 }, async (client, server) => {
      const result = await client.listWorkflows();
      const live = expectedUids('live', 'both');
      expect(uids(result.items)).toEqual(live);
      expect(result.outcome).toEqual({
        complete: true,
        pages: Math.ceil(live.length / 100),
        items: live.length,
        duplicates: 0,
        offsetsGuessed: 0,
      });
      const tokens = listRequests(server)
        .map((r) => r.query['listOptions.continue'])
        .filter(Boolean);
      expect(tokens.every((t) => JSON.parse(Buffer.from(t, 'base64').toString()).v === 'meta.k8s.io/v1')).toBe(true);
      expect(listRequests(server).every((r) => r.query['listOptions.fieldSelector'] === undefined)).toBe(true);
    }));

  it('v3.4 with includeArchive: the live list, then the archive, each uid once', () =>
    withClient({ version: 'v3.4.18' }, { pageSize: 500 }, async (client, server) => {
      const result = await client.listWorkflows({ includeArchive: true });
      expect(uids(result.items)).toEqual(ALL);
      expect(result.outcome.duplicates).toBe(expectedUids('both').length);
      expect(listRequests(server, '/api/v1/archived-workflows').length).toBeGreaterThan(1);
    }));

  it('v3.7 (decimal offsets): live and archived, every uid exactly once', () =>
    withClient({ version: 'v3.7.5' }, { pageSize: 250 }, async (client, server) => {
      const result = await client.listWorkflows();
      expect(uids(result.items)).toEqual(ALL);
      expect(result.outcome).toMatchObject({ complete: true, pages: 13, duplicates: 0 });
      expect(listRequests(server).map((r) => r.query['listOptions.continue'] ?? '')).toEqual([
        '',
        ...Array.from({ length: 12 }, (_, i) => String(250 * (i + 1))),
      ]);
    }));

  it('v4.1 (continue bug): asks for the remaining count, so nothing is lost', () =>
    withClient({ version: 'v4.1.2', corpus: true }, { pageSize: 300 }, async (client, server) => {
      const result = await client.listWorkflows();
      const corpus = server.store.live.filter((w) => !history.workflows.some((g) => g.workflow === w));
      expect(uids(result.items)).toEqual([...ALL, ...uids(corpus)].sort());
      expect(result.outcome.complete).toBe(true);
      expect(
        listRequests(server).every((r) => r.query['listOptions.fieldSelector'] === 'ext.showRemainingItemCount=true')
      ).toBe(true);
    }));

  it('an offset server that never sends continue: the client pages by offset itself', () =>
    withClient({ version: 'v4.1.2', quirks: { omitContinue: true } }, { pageSize: 400 }, async (client) => {
      const result = await client.listWorkflows();
      expect(uids(result.items)).toEqual(ALL);
      // 7 full pages, then a short one ends the list.
      expect(result.outcome).toMatchObject({ complete: true, pages: 8, offsetsGuessed: 7 });
    }));

  it('a Kubernetes list that drops continue: one page, flagged incomplete from the remaining count', () =>
    withClient({ version: 'v3.4.18', quirks: { omitContinue: true } }, { pageSize: 100 }, async (client) => {
      const result = await client.listWorkflows();
      expect(result.items).toHaveLength(100);
      expect(result.outcome.complete).toBe(false);
      expect(result.outcome.incompleteReason).toBe(
        `the server reported ${expectedUids('live', 'both').length - 100} more items but no continue token while listing workflows from the Argo Server v3.4.18; the list is incomplete`
      );
    }));

  it('a server repeating its continue token: stops after the repeat instead of looping', () =>
    withClient({ version: 'v3.7.5', quirks: { repeatContinue: true } }, { pageSize: 200 }, async (client, server) => {
      const result = await client.listWorkflows();
      // Page 2 (offset 200) still brings new items, but names '200' again as the next token.
      expect([result.items.length, listRequests(server).length, result.outcome.complete]).toEqual([400, 2, false]);
      expect(result.outcome.incompleteReason).toMatch(/same continue token twice/);
    }));

  it('stops at maxItems and says more exist', () =>
    withClient({ version: 'v3.7.5' }, { pageSize: 100 }, async (client) => {
      const result = await client.listWorkflows({ maxItems: 250 });
      expect([result.items.length, result.outcome.complete]).toEqual([250, false]);
    }));

  it('asks for the next page only when the reader wants it, one page at a time', () =>
    withClient({ version: 'v3.7.5' }, { pageSize: 500 }, async (client, server) => {
      const pages = client.listWorkflowPages();
      const sizes: number[] = [];
      for await (const page of pages) {
        sizes.push(page.items.length);
        // The version probe plus one list request per page read so far.
        expect(server.requests).toHaveLength(1 + sizes.length);
      }
      expect(sizes).toEqual([500, 500, 500, 500, 500, 500, 0]);
      expect(pages.outcome).toMatchObject({ complete: true, items: 3000 });
    }));
});

describe('filters and the archive list', () => {
  it('pages the archive list by offset; namespace by parameter from v3.4.5, by field selector before', () =>
    withClient({ version: 'v4.1.2' }, { pageSize: 500 }, async (client, server) => {
      const archived = expectedUids('both', 'archived');
      expect(uids((await client.listArchivedWorkflows()).items)).toEqual(archived);
      const ml = history.workflows
        .filter((g) => g.storage !== 'live' && g.workflow.metadata.namespace === 'ml')
        .map((g) => g.workflow);
      expect(uids((await client.listArchivedWorkflows({ namespace: 'ml' })).items)).toEqual(uids(ml));
      expect(listRequests(server, '/api/v1/archived-workflows').at(-1)!.query).toMatchObject({ namespace: 'ml' });
    }).then(() =>
      withClient({ version: 'v3.4.0' }, { pageSize: 500 }, async (client, server) => {
        const ml = history.workflows
          .filter((g) => g.storage !== 'live' && g.workflow.metadata.namespace === 'ml')
          .map((g) => g.workflow);
        expect(uids((await client.listArchivedWorkflows({ namespace: 'ml' })).items)).toEqual(uids(ml));
        expect(listRequests(server, '/api/v1/archived-workflows')[0].query).toMatchObject({
          'listOptions.fieldSelector': 'metadata.namespace=ml',
        });
      })
    ));

  const from = '2026-01-05T00:00:00Z';
  const to = '2026-01-08T00:00:00Z';
  const inWindow = (storages: Storage[]) =>
    history.workflows
      .filter(
        (g) =>
          storages.includes(g.storage) && g.workflow.status!.startedAt! >= from && g.workflow.status!.startedAt! <= to
      )
      .map((g) => g.workflow);

  it('filters by start time on the server where it can (v3.5.7+), else on the client (v3.4)', () =>
    withClient({ version: 'v3.7.5' }, {}, async (client, server) => {
      const result = await client.listWorkflows({ startedAfter: from, startedBefore: new Date(to) });
      expect(uids(result.items)).toEqual(uids(inWindow(['live', 'both', 'archived'])));
      expect(listRequests(server)[0].query['listOptions.fieldSelector']).toBe(
        `spec.startedAt>${from},spec.startedAt<${to}`
      );
    }).then(() =>
      withClient({ version: 'v3.4.18' }, {}, async (client, server) => {
        const result = await client.listWorkflows({ startedAfter: from, startedBefore: to, includeArchive: true });
        expect(uids(result.items)).toEqual(uids(inWindow(['live', 'both', 'archived'])));
        expect(listRequests(server)[0].query['listOptions.fieldSelector']).toBeUndefined();
      })
    ));

  it('scopes by namespace and label selector', () =>
    withClient({ version: 'v4.1.2' }, { pageSize: 100 }, async (client, server) => {
      const selector = `${LABELS.cronWorkflow}=nightly-etl`;
      const result = await client.listWorkflows({ namespace: 'data', labelSelector: selector });
      const expected = history.workflows
        .filter(
          (g) =>
            g.workflow.metadata.namespace === 'data' &&
            g.workflow.metadata.labels?.[LABELS.cronWorkflow] === 'nightly-etl'
        )
        .map((g) => g.workflow);
      expect(uids(result.items)).toEqual(uids(expected));
      expect(listRequests(server, '/api/v1/workflows/data')[0].query['listOptions.labelSelector']).toBe(selector);
    }));

  it('pages cron workflows with opaque tokens', () =>
    withClient({ version: 'v4.1.2', corpus: true }, { pageSize: 3 }, async (client, server) => {
      const result = await client.listCronWorkflows();
      expect(result.items.map((c) => `${c.metadata.namespace}/${c.metadata.name}`).sort()).toEqual(
        server.store.cronWorkflows.map((c) => `${c.metadata.namespace}/${c.metadata.name}`).sort()
      );
      expect(result.outcome).toMatchObject({ complete: true, pages: 4 });
      expect((await client.getCronWorkflow('data', 'nightly-etl')).spec.schedules).toEqual(
        history.cronWorkflows[0].spec.schedules
      );
    }));
});

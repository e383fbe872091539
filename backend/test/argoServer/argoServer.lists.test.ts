import { gunzipSync } from 'node:zlib';

import { LABELS, type Workflow } from '../../argo/client/argoTypes';
import { startArgoServer, type ArgoServerHandle, type ArgoServerOptions } from './startArgoServer';
import { schemaErrors } from './swaggerSchemas';
import { testGet } from './testGet';
import { generateArgoHistory } from './workflowHistory';

const history = generateArgoHistory({ workflows: 400, seed: 11 });
const all = history.workflows.map((g) => g.workflow);
const WORKFLOW_LIST = 'io.argoproj.workflow.v1alpha1.WorkflowList';

async function withServer(
  options: ArgoServerOptions,
  test: (server: ArgoServerHandle) => Promise<void>
): Promise<void> {
  const server = await startArgoServer({ history, ...options });
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

/** Follows `continue` the way a naive client does; returns uids and the tokens seen. */
async function walk(
  server: ArgoServerHandle,
  path: string,
  limit: number,
  extra = ''
): Promise<{ uids: string[]; tokens: string[] }> {
  const uids: string[] = [];
  const tokens: string[] = [];
  let token = '';
  for (let page = 0; page < 100; page++) {
    const answer = await testGet(
      `${server.url}${path}${path.includes('?') ? '&' : '?'}listOptions.limit=${limit}&listOptions.continue=${encodeURIComponent(token)}${extra}`
    );
    uids.push(...(answer.body.items ?? []).map((w: Workflow) => w.metadata.uid));
    token = answer.body.metadata.continue ?? '';
    if (!token) {
      break;
    }
    tokens.push(token);
  }
  return { uids, tokens };
}

const uidsOf = (workflows: Workflow[]) => workflows.map((w) => w.metadata.uid!).sort();

describe('the double lists like the real server', () => {
  it('pages v3.4 live lists with opaque Kubernetes tokens over live objects only', () =>
    withServer({ version: 'v3.4.18' }, async (server) => {
      const { uids, tokens } = await walk(server, '/api/v1/workflows/', 7);
      expect(uids.sort()).toEqual(
        uidsOf(history.workflows.filter((g) => g.storage !== 'archived').map((g) => g.workflow))
      );
      expect(tokens.every((t) => JSON.parse(Buffer.from(t, 'base64').toString()).v === 'meta.k8s.io/v1')).toBe(true);
      const first = await testGet(`${server.url}/api/v1/workflows/?listOptions.limit=7`);
      expect(first.body.metadata.remainingItemCount).toBe(uids.length - 7);
      const selected = await testGet(
        `${server.url}/api/v1/workflows/?listOptions.limit=2&listOptions.labelSelector=team`
      );
      expect(selected.body.metadata.remainingItemCount).toBeUndefined();
    }));

  it('pages v3.7 live lists with decimal offsets over live and archived workflows', () =>
    withServer({ version: 'v3.7.5' }, async (server) => {
      const { uids, tokens } = await walk(server, '/api/v1/workflows/', 60);
      expect(uids.sort()).toEqual(uidsOf(all));
      expect(tokens).toEqual(['60', '120', '180', '240', '300', '360']);
    }));

  it('reproduces the v4.0–v4.1 bug: no continue past the archive, unless the count is asked for', () =>
    withServer({ version: 'v4.1.2', corpus: true }, async (server) => {
      const liveOnly = server.store.live.filter((w) => w.metadata.labels?.[LABELS.archivingStatus] !== 'Archived');
      const archived = server.store.archive.length;
      const buggy = await walk(server, '/api/v1/workflows/', 50);
      // HasMoreWorkflows probes the archive alone at offset+limit, so pages stop once that passes its end.
      expect(buggy.uids.length).toBe(Math.min(liveOnly.length + archived, Math.ceil(archived / 50) * 50));
      expect(buggy.uids.length).toBeLessThan(liveOnly.length + archived);
      const counted = await walk(
        server,
        '/api/v1/workflows/',
        50,
        '&listOptions.fieldSelector=ext.showRemainingItemCount%3Dtrue'
      );
      expect(counted.uids.length).toBe(liveOnly.length + server.store.archive.length);
      const page = await testGet(
        `${server.url}/api/v1/workflows/?listOptions.limit=50&listOptions.fieldSelector=ext.showRemainingItemCount%3Dtrue`
      );
      expect(page.body.metadata.remainingItemCount).toBe(counted.uids.length - 50);
    }));

  it('can omit continue entirely, or repeat the same token', () =>
    withServer({ version: 'v3.7.5', quirks: { omitContinue: true } }, async (server) => {
      expect((await walk(server, '/api/v1/workflows/', 50)).uids).toHaveLength(50);
    }).then(() =>
      withServer({ version: 'v3.7.5', quirks: { repeatContinue: true } }, async (server) => {
        const first = await testGet(`${server.url}/api/v1/workflows/?listOptions.limit=50`);
        const second = await testGet(
          `${server.url}/api/v1/workflows/?listOptions.limit=50&listOptions.continue=${first.body.metadata.continue}`
        );
        expect(second.body.metadata.continue).toBe(first.body.metadata.continue);
      })
    ));

  it('pages the archive by offset and filters it by namespace (parameter from v3.4.5, field selector always)', () =>
    withServer({ version: 'v4.1.2' }, async (server) => {
      const archived = history.workflows.filter((g) => g.storage !== 'live').map((g) => g.workflow);
      expect((await walk(server, '/api/v1/archived-workflows', 70)).uids.sort()).toEqual(uidsOf(archived));
      const ml = uidsOf(archived.filter((w) => w.metadata.namespace === 'ml'));
      expect((await walk(server, '/api/v1/archived-workflows?namespace=ml', 70)).uids.sort()).toEqual(ml);
      expect(
        (
          await walk(server, '/api/v1/archived-workflows?listOptions.fieldSelector=metadata.namespace%3Dml', 70)
        ).uids.sort()
      ).toEqual(ml);
    }).then(() =>
      withServer({ version: 'v3.4.0' }, async (server) => {
        // Before v3.4.5 the parameter does not exist; grpc-gateway drops it and every namespace comes back.
        const answer = await testGet(`${server.url}/api/v1/archived-workflows?namespace=ml`);
        expect(new Set(answer.body.items.map((w: Workflow) => w.metadata.namespace)).size).toBe(3);
      })
    ));

  it('filters by label selector, namespace path, start time (inclusive) and, from v3.7.1, creation time', () =>
    withServer({ version: 'v3.7.5' }, async (server) => {
      const failedMl = all.filter(
        (w) => w.metadata.namespace === 'ml' && w.metadata.labels![LABELS.phase] === 'Failed'
      );
      const selector = encodeURIComponent(`${LABELS.phase} in (Failed)`);
      expect(
        (await walk(server, `/api/v1/workflows/ml?listOptions.labelSelector=${selector}`, 30)).uids.sort()
      ).toEqual(uidsOf(failedMl));
      const from = all[100].status!.startedAt!;
      const to = all[200].status!.startedAt!;
      const inRange = all.filter((w) => w.status!.startedAt! >= from && w.status!.startedAt! <= to);
      const fieldSelector = encodeURIComponent(`spec.startedAt>${from},spec.startedAt<${to}`);
      expect(
        (await walk(server, `/api/v1/workflows/?listOptions.fieldSelector=${fieldSelector}`, 40)).uids.sort()
      ).toEqual(uidsOf(inRange));
      const created = all.filter((w) => w.metadata.creationTimestamp! >= from);
      expect((await walk(server, `/api/v1/workflows/?createdAfter=${from}`, 40)).uids.sort()).toEqual(uidsOf(created));
    }).then(() =>
      withServer({ version: 'v3.4.18' }, async (server) => {
        const answer = await testGet(
          `${server.url}/api/v1/workflows/?listOptions.fieldSelector=spec.startedAt%3E2026-01-01T00:00:00Z`
        );
        expect([answer.status, answer.body.message]).toEqual([400, 'field label not supported: spec.startedAt']);
      })
    ));

  it('projects lists with `fields` (metadata only when named) and ignores it on the archive', () =>
    withServer({ version: 'v4.1.2' }, async (server) => {
      const answer = await testGet(
        `${server.url}/api/v1/workflows/?listOptions.limit=5&fields=items.metadata.name,items.status.phase`
      );
      expect(answer.body.metadata).toBeUndefined();
      expect(
        answer.body.items.every(
          (w: Workflow) =>
            JSON.stringify(Object.keys(w)) === '["metadata","status"]' &&
            Object.keys(w.metadata).join() === 'name' &&
            Object.keys(w.status!).join() === 'phase'
        )
      ).toBe(true);
      const kept = await testGet(
        `${server.url}/api/v1/workflows/?listOptions.limit=5&fields=metadata,items.metadata.uid`
      );
      expect(kept.body.metadata.continue).toBe('5');
      expect(schemaErrors(WORKFLOW_LIST, kept.body, { projected: true })).toEqual([]);
      const archive = await testGet(
        `${server.url}/api/v1/archived-workflows?listOptions.limit=1&fields=items.metadata.name`
      );
      expect(Object.keys(archive.body.items[0])).toEqual(['metadata', 'spec', 'status']);
    }));

  it('answers an empty list with items: null, or [] when that quirk is off', () =>
    withServer({}, async (server) => {
      expect((await testGet(`${server.url}/api/v1/workflows/nowhere`)).body.items).toBeNull();
    }).then(() =>
      withServer({ quirks: { itemsNullWhenEmpty: false } }, async (server) => {
        expect((await testGet(`${server.url}/api/v1/workflows/nowhere`)).body.items).toEqual([]);
      })
    ));
});

describe('node storage quirks', () => {
  const live = (server: ArgoServerHandle) => server.store.live;

  it('lists compressed nodes as base64 gzip of the node map; GET hydrates them unless fields drop nodes', () =>
    withServer({ version: 'v3.4.18', quirks: { compressEvery: 2 } }, async (server) => {
      const answer = await testGet(`${server.url}/api/v1/workflows/`);
      const compressed = answer.body.items.filter((w: Workflow) => w.status?.compressedNodes);
      expect(compressed.length).toBeGreaterThan(5);
      for (const item of compressed as Workflow[]) {
        const original = live(server).find((w) => w.metadata.uid === item.metadata.uid)!;
        expect(item.status!.nodes).toBeUndefined();
        expect(JSON.parse(gunzipSync(Buffer.from(item.status!.compressedNodes!, 'base64')).toString())).toEqual(
          original.status!.nodes
        );
      }
      const one = compressed[0] as Workflow;
      const full = await testGet(`${server.url}/api/v1/workflows/${one.metadata.namespace}/${one.metadata.name}`);
      expect(full.body.status.nodes).toEqual(
        live(server).find((w) => w.metadata.uid === one.metadata.uid)!.status!.nodes
      );
      const slim = await testGet(
        `${server.url}/api/v1/workflows/${one.metadata.namespace}/${one.metadata.name}?fields=-status.nodes`
      );
      expect(slim.body.status.nodes).toBeUndefined();
    }));

  it('lists offloaded workflows without nodes (or with them when the server fills them); GET hydrates', () =>
    withServer({ version: 'v3.4.18', quirks: { offloadEvery: 3 } }, async (server) => {
      const answer = await testGet(`${server.url}/api/v1/workflows/`);
      const offloaded = answer.body.items.filter((w: Workflow) => w.status?.offloadNodeStatusVersion) as Workflow[];
      expect(offloaded.length).toBeGreaterThan(5);
      expect(offloaded.every((w) => w.status!.nodes === undefined && w.status!.compressedNodes === undefined)).toBe(
        true
      );
      const full = await testGet(
        `${server.url}/api/v1/workflows/${offloaded[0].metadata.namespace}/${offloaded[0].metadata.name}`
      );
      expect(Object.keys(full.body.status.nodes).length).toBeGreaterThan(1);
    }).then(() =>
      withServer({ version: 'v3.4.18', quirks: { offloadEvery: 3, offloadListFills: true } }, async (server) => {
        const answer = await testGet(`${server.url}/api/v1/workflows/`);
        expect(answer.body.items.every((w: Workflow) => w.status?.nodes)).toBe(true);
      })
    ));
});

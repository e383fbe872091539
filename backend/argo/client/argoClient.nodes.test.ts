import { gunzipSync } from 'node:zlib';

import { startArgoServer, type ArgoServerHandle, type ArgoServerOptions } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../../test/argoServer/workflowHistory';
import { ArgoClient } from './argoClient';
import type { NodeStatus, Workflow } from './argoTypes';
import { NODE_DETAIL_GET_FIELDS, NODE_LIST_FIELDS, RUN_SUMMARY_FIELDS } from './fields';
import { nodeSource } from './nodeDetail';

const history = generateArgoHistory({ workflows: 300, seed: 9 });
const generatedNodes = new Map(history.workflows.map((g) => [g.workflow.metadata.uid!, g.workflow.status!.nodes!]));

async function withClient(
  server: ArgoServerOptions,
  test: (c: ArgoClient, s: ArgoServerHandle) => Promise<void>
): Promise<void> {
  const double = await startArgoServer({ history, ...server });
  const client = new ArgoClient({ url: double.url, pageSize: 100, nodePageSize: 40 });
  try {
    await test(client, double);
  } finally {
    client.close();
    await double.close();
  }
}

/** The node map of an item, decompressing compressedNodes the way the extraction does. */
function nodesOf(workflow: Workflow): Record<string, NodeStatus> | undefined {
  const compressed = workflow.status?.compressedNodes;
  return compressed
    ? JSON.parse(gunzipSync(Buffer.from(compressed, 'base64')).toString())
    : (workflow.status?.nodes ?? undefined);
}

const gets = (server: ArgoServerHandle) =>
  server.requests.filter((r) => /^\/api\/v1\/(workflows\/[^/]+\/[^/]+|archived-workflows\/.+)$/.test(r.apiPath));

describe('projections', () => {
  it('asks for run summaries without nodes, or with nodes in whatever form the server keeps them', () =>
    withClient({ version: 'v3.4.18', quirks: { compressEvery: 4, offloadEvery: 5 } }, async (client, server) => {
      const summary = await client.listWorkflows();
      expect(server.requests[1].query.fields).toBe(RUN_SUMMARY_FIELDS.join(','));
      expect(summary.items.every((w) => w.status?.nodes === undefined && w.metadata.labels && w.status?.phase)).toBe(
        true
      );
      const withNodes = await client.listWorkflows({ projection: 'nodes' });
      expect(server.requests.at(-1)!.query.fields).toBe(NODE_LIST_FIELDS.join(','));
      const sources = new Set(withNodes.items.map(nodeSource));
      expect(sources).toEqual(new Set(['inline', 'compressed', 'offloaded']));
      expect(
        withNodes.items.every((w) => (w as { spec?: { templates?: unknown } }).spec?.templates === undefined)
      ).toBe(true);
    }));
});

describe('node detail by single GETs', () => {
  it('GETs only offloaded items (v3.4 list); compressed ones are left to the caller', () =>
    withClient({ version: 'v3.4.18', quirks: { compressEvery: 4, offloadEvery: 5 } }, async (client, server) => {
      const listed = (await client.listWorkflows({ projection: 'nodes' })).items;
      const offloaded = listed.filter((w) => nodeSource(w) === 'offloaded');
      server.resetRequests();
      const pages = client.listWorkflowPagesWithNodes();
      const items: Workflow[] = [];
      for await (const page of pages) {
        items.push(...page.items);
      }
      expect(
        gets(server)
          .map((r) => r.apiPath)
          .sort()
      ).toEqual(offloaded.map((w) => `/api/v1/workflows/${w.metadata.namespace}/${w.metadata.name}`).sort());
      expect(gets(server).every((r) => r.query.fields === NODE_DETAIL_GET_FIELDS && r.query.uid === undefined)).toBe(
        true
      );
      expect(items.filter((w) => nodeSource(w) === 'compressed').length).toBeGreaterThan(3);
      expect(
        items.every((w) => JSON.stringify(nodesOf(w)) === JSON.stringify(generatedNodes.get(w.metadata.uid!)))
      ).toBe(true);
      expect(pages.outcome).toMatchObject({ complete: true, items: listed.length });
    }));

  it('GETs compressed items too when asked (zstd or brotli the caller cannot read)', () =>
    withClient({ version: 'v3.4.18', quirks: { compressEvery: 4 } }, async (client, server) => {
      const listed = (await client.listWorkflows({ projection: 'nodes' })).items;
      const compressed = listed.filter((w) => nodeSource(w) === 'compressed');
      server.resetRequests();
      const detailed = await client.withNodeDetail(listed, {}, { fetchCompressed: true });
      expect(gets(server)).toHaveLength(compressed.length);
      expect(
        detailed.every(
          (w) =>
            nodeSource(w) === 'inline' &&
            JSON.stringify(w.status!.nodes) === JSON.stringify(generatedNodes.get(w.metadata.uid!))
        )
      ).toBe(true);
    }));

  it('v4.1: archived rows come slim and are fetched from the archive by uid; live ones by name with uid', () =>
    withClient({ version: 'v4.1.2', quirks: { offloadEvery: 2 } }, async (client, server) => {
      const items: Workflow[] = [];
      for await (const page of client.listWorkflowPagesWithNodes()) {
        items.push(...page.items);
      }
      expect(items).toHaveLength(300);
      expect(
        items.every((w) => JSON.stringify(w.status!.nodes) === JSON.stringify(generatedNodes.get(w.metadata.uid!)))
      ).toBe(true);
      const archiveGets = gets(server).filter((r) => r.apiPath.startsWith('/api/v1/archived-workflows/'));
      expect(archiveGets).toHaveLength(history.workflows.filter((g) => g.storage !== 'live').length);
      const liveGets = gets(server).filter((r) => r.apiPath.startsWith('/api/v1/workflows/'));
      const offloadedLive = history.workflows.filter(
        (g) => g.storage === 'live' && server.store.nodeStorage(g.workflow, server.quirks) === 'offloaded'
      );
      expect(liveGets.map((r) => r.query.uid).sort()).toEqual(offloadedLive.map((g) => g.workflow.metadata.uid).sort());
      expect(liveGets.every((r) => r.query.fields === NODE_DETAIL_GET_FIELDS)).toBe(true);
    }));

  it('v3.4: a row from the minimal archive list is not found live, so it is fetched from the archive', () =>
    withClient({ version: 'v3.4.18' }, async (client, server) => {
      const archivedOnly = history.workflows.find((g) => g.storage === 'archived')!.workflow;
      const row = (await client.listArchivedWorkflows({ namespace: archivedOnly.metadata.namespace })).items.find(
        (w) => w.metadata.uid === archivedOnly.metadata.uid
      )!;
      expect(Object.keys(row.metadata).sort()).toEqual(['creationTimestamp', 'name', 'namespace', 'uid']);
      server.resetRequests();
      const full = await client.workflowWithNodes(row);
      expect(full.status!.nodes).toEqual(archivedOnly.status!.nodes);
      expect(server.requests.map((r) => [r.apiPath, r.status])).toEqual([
        [`/api/v1/workflows/${row.metadata.namespace}/${row.metadata.name}`, 404],
        [`/api/v1/archived-workflows/${row.metadata.uid}`, 200],
      ]);
    }));
});

describe('version detection', () => {
  it('probes /api/v1/version once and remembers it', () =>
    withClient({ version: 'v3.7.5' }, async (client, server) => {
      expect(client.serverVersion).toBeUndefined();
      await client.listWorkflows({ maxItems: 1 });
      await client.listArchivedWorkflows({ maxItems: 1 });
      expect(client.serverVersion).toBe('v3.7.5');
      expect(server.requests.filter((r) => r.apiPath === '/api/v1/version')).toHaveLength(1);
      expect((await client.version()).gitTag).toBe('v3.7.5');
    }));

  it('learns the version from the Grpc-Metadata-Argo-Version header (v3.6+) without a probe', () =>
    withClient({ version: 'v3.6.2' }, async (client, server) => {
      const archived = history.workflows.find((g) => g.storage === 'archived')!.workflow;
      await client.getArchivedWorkflow(archived.metadata.uid!);
      expect(client.serverVersion).toBe('v3.6.2');
      await client.listWorkflows({ maxItems: 1 });
      expect(server.requests.some((r) => r.apiPath === '/api/v1/version')).toBe(false);
    }));
});

describe('edge cases of node detail', () => {
  it('keeps a workflow deleted since it was listed, without nodes, instead of failing the page', () =>
    withClient({ version: 'v4.1.2' }, async (client, server) => {
      const gone: Workflow = {
        metadata: { name: 'gone-abcde', namespace: 'ml', uid: 'no-such-uid' },
        status: { phase: 'Succeeded' },
      };
      await expect(client.withNodeDetail([gone])).resolves.toEqual([gone]);
      expect(server.requests.filter((r) => r.status === 404)).toHaveLength(2);
    }));

  it('shares one version probe between parallel calls', () =>
    withClient({ version: 'v4.1.2' }, async (client, server) => {
      const live = history.workflows.filter((g) => g.storage === 'both').slice(0, 6);
      await Promise.all(
        live.map((g) =>
          client.getWorkflow(
            g.workflow.metadata.namespace!,
            g.workflow.metadata.name!,
            {},
            { uid: g.workflow.metadata.uid }
          )
        )
      );
      expect(server.requests.filter((r) => r.apiPath === '/api/v1/version')).toHaveLength(1);
      expect(server.requests.filter((r) => r.query.uid)).toHaveLength(6);
    }));
});

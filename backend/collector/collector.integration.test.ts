import { Client } from '@elastic/elasticsearch';

import type { Workflow } from '../argo/client/argoTypes';
import { elasticsearchUrl } from '../test/elasticsearch';
import { ArgoStore } from '../test/argoServer/argoStore';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { quirksFor } from '../test/argoServer/versionQuirks';
import { generateArgoHistory, type ArgoHistory } from '../test/argoServer/workflowHistory';
import { CollectorTestIndices, expectedDocuments, expectedNodeIds, runCollector, runningCopy, storedDocuments, targetArgs, withoutCollectedAt } from './collectorTestKit';

/**
 * The collector against the real Elasticsearch node and the Argo Server double: backfill then sync
 * writes the same documents; two collectors at once write each document once; a running run's
 * documents are replaced by the final ones. Expected ids come from the generated objects (collectorTestKit).
 */
const HOUR = 3_600_000;
const indices = new CollectorTestIndices('colltest');
const { stateIndex } = indices;
let es: Client;

const prefix = (name: string) => indices.prefix(name);

const common = (server: ArgoServerHandle, indexPrefix: string) => targetArgs(server.url, indexPrefix, stateIndex);

const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(() => {
  es = new Client({ node: elasticsearchUrl() });
});

afterAll(async () => {
  await indices.remove(es);
  await es.close();
});

describe('a generated history of 300 runs over 10 days', () => {
  let history: ArgoHistory;
  let server: ArgoServerHandle;
  let FROM: number;
  let TO: number;
  let expected: Map<string, string>;

  beforeAll(async () => {
    history = generateArgoHistory({ seed: 51, workflows: 300, days: 10 });
    server = await startArgoServer({ history });
    FROM = history.endMs - 12 * 24 * HOUR;
    TO = history.endMs + HOUR;
    expected = expectedDocuments(history, 'P', FROM, TO);
  });
  afterAll(() => server.close());

  const pairs = (docs: Array<{ index: string; id: string }>, p: string) => docs.map((d) => `${d.index.replace(p, 'P')} ${d.id}`).sort();
  const expectedPairs = () => [...expected].map(([id, index]) => `${index} ${id}`).sort();

  it('backfills every run that started in the range, then a sync writes the same documents with the same content', async () => {
    const p = prefix('resync');
    const backfill = await runCollector(['backfill', '--from', iso(FROM), '--to', iso(TO), ...common(server, p)]);
    expect(backfill.code).toBe(0);
    const inRange = history.workflows.filter(({ workflow }) => Date.parse(workflow.status!.startedAt!) >= FROM).length;
    expect(inRange).toBe(300);
    expect(backfill.summary).toMatchObject({ workflows_read: 300, workflows_skipped: 0, documents_written: expected.size, documents_rejected: 0 });
    const first = await storedDocuments(es, p);
    expect(pairs(first, p)).toEqual(expectedPairs());
    expect(expected.size).toBeGreaterThan(3000);

    const hours = String(Math.ceil((Date.now() - FROM) / HOUR));
    const resync = await runCollector(['sync', '--initial-hours', hours, ...common(server, p)]);
    expect(resync.code).toBe(0);
    const second = await storedDocuments(es, p);
    expect(second.length).toBe(first.length);
    expect(second.map((d) => [d.index, d.id, withoutCollectedAt(d.source)])).toEqual(first.map((d) => [d.index, d.id, withoutCollectedAt(d.source)]));

    // A handful by hand: the run and node documents carry the object's own values.
    const byId = new Map(second.map((d) => [d.id, d.source]));
    const finished = history.workflows.map((g) => g.workflow).filter((w) => w.status?.finishedAt);
    for (const workflow of [finished[0], finished.find((w) => w.status?.phase === 'Failed')!, finished[finished.length - 1]]) {
      const doc = byId.get(workflow.metadata.uid!)!;
      expect(doc).toMatchObject({
        doc_kind: 'workflow',
        phase: workflow.status!.phase,
        namespace: workflow.metadata.namespace,
        workflow: expect.objectContaining({ name: workflow.metadata.name, uid: workflow.metadata.uid }),
      });
      expect(Date.parse(doc['@timestamp'] as string)).toBe(Date.parse(workflow.status!.startedAt!));
      expect(Date.parse(doc.end as string)).toBe(Date.parse(workflow.status!.finishedAt!));
      expect(doc.duration_ms).toBe(Date.parse(workflow.status!.finishedAt!) - Date.parse(workflow.status!.startedAt!));
      const rawNodes = workflow.status!.nodes as Record<string, { name: string; phase: string; startedAt: string }>;
      for (const id of expectedNodeIds(workflow)) {
        const node = rawNodes[id.split('/')[1]];
        expect(byId.get(id)).toMatchObject({ doc_kind: 'node', phase: node.phase, node: expect.objectContaining({ name: node.name }) });
      }
    }
  });

  it('writes every document once when two collectors run the same backfill at the same time', async () => {
    const p = prefix('twice');
    const args = ['backfill', '--from', iso(FROM), '--to', iso(TO), '--slice-hours', '48', ...common(server, p)];
    const [a, b] = await Promise.all([runCollector(args), runCollector(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const stored = await storedDocuments(es, p, false);
    expect(new Set(stored.map((d) => d.id)).size).toBe(stored.length);
    expect(pairs(stored, p)).toEqual(expectedPairs());
  });

  it('resumes a finished backfill as done, and --restart runs it again', async () => {
    const p = prefix('resume');
    const args = ['backfill', '--from', iso(history.endMs - 2 * 24 * HOUR), '--to', iso(TO), ...common(server, p)];
    expect((await runCollector(args)).code).toBe(0);
    const again = await runCollector(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('was already done; --restart runs it again');
    expect(again.summary).toMatchObject({ workflows_read: 0 });
    const restarted = await runCollector([...args, '--restart']);
    expect(restarted.summary.workflows_read).toBeGreaterThan(0);
  });
});

describe('a run that was running and then finished', () => {
  let server: ArgoServerHandle;
  let finished: Workflow;

  beforeAll(async () => {
    const history = generateArgoHistory({ seed: 52, workflows: 40, days: 2 });
    const inline = (w: Workflow) => new ArgoStore().nodeStorage(w, quirksFor('v4.1.2')) === 'inline';
    const generated = history.workflows.find(
      (g) => g.storage !== 'archived' && g.workflow.status?.phase === 'Succeeded' && expectedNodeIds(g.workflow).length > 5 && inline(g.workflow)
    )!;
    // Kept live only (not archived): an Archived label would make the merged list show the archive's row.
    finished = structuredClone(generated.workflow);
    delete finished.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'];
    const start = Date.parse(finished.status!.startedAt!);
    const end = Date.parse(finished.status!.finishedAt!);
    generated.workflow = runningCopy(finished, start + (end - start) / 2);
    generated.storage = 'live';
    server = await startArgoServer({ history });
    // The double caches compressed node status by uid; this run's nodes must be served as they change.
    expect(server.store.nodeStorage(generated.workflow, server.quirks)).toBe('inline');
  });
  afterAll(() => server.close());

  it('replaces the running documents with one document per node holding the final values', async () => {
    const p = prefix('running');
    const uid = finished.metadata.uid!;
    const hours = String(Math.ceil((Date.now() - Date.parse(finished.status!.startedAt!)) / HOUR) + 1);
    const args = ['sync', '--initial-hours', hours, ...common(server, p)];
    expect((await runCollector(args)).code).toBe(0);
    const whileRunning = (await storedDocuments(es, p)).filter((d) => d.id === uid || d.id.startsWith(`${uid}/`));
    const runDoc = whileRunning.find((d) => d.id === uid)!;
    expect(runDoc.source.phase).toBe('Running');
    expect(runDoc.source.end).toBeUndefined();
    const finalIds = expectedNodeIds(finished);
    expect(whileRunning.length - 1).toBeLessThan(finalIds.length);
    expect(whileRunning.some((d) => d.source.doc_kind === 'node' && d.source.phase === 'Running')).toBe(true);

    // The run finishes: the live object becomes the finished one.
    const live = server.store.live;
    live[live.findIndex((w) => w.metadata.uid === uid)] = finished;
    expect((await runCollector(args)).code).toBe(0);
    const after = (await storedDocuments(es, p)).filter((d) => d.id === uid || d.id.startsWith(`${uid}/`));
    expect(after.map((d) => d.id).sort()).toEqual([uid, ...finalIds].sort());
    expect(after.find((d) => d.id === uid)!.source).toMatchObject({ phase: 'Succeeded', end: expect.any(String) });
    const rawNodes = finished.status!.nodes as Record<string, { phase: string; finishedAt?: string }>;
    for (const doc of after.filter((d) => d.id !== uid)) {
      const raw = rawNodes[doc.id.split('/')[1]];
      expect(doc.source.phase).toBe(raw.phase);
      expect(Date.parse(doc.source.end as string)).toBe(Date.parse(raw.finishedAt!));
    }
  });
});

import { Client } from '@elastic/elasticsearch';

import type { NodeStatus, Workflow } from '../argo/client/argoTypes';
import { elasticsearchUrl } from '../test/elasticsearch';
import { ArgoStore } from '../test/argoServer/argoStore';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { quirksFor } from '../test/argoServer/versionQuirks';
import { generateArgoHistory, type ArgoHistory } from '../test/argoServer/workflowHistory';
import { CollectorTestIndices, expectedNodeIds, monthIndex, runCollector, runningCopy, type StoredDocument, storedDocuments, targetArgs } from './collectorTestKit';

/**
 * `collector report` as an exit handler runs it, against the real Elasticsearch node and the Argo Server
 * double: the run is still Running in Argo, its main work finished and its exit handler's node running.
 * Every expected value comes from the workflow objects here, not from the collector's code.
 */
const HOUR = 3_600_000;
const indices = new CollectorTestIndices('reporttest');
const { stateIndex } = indices;
let es: Client;

const prefix = (name: string) => indices.prefix(name);

beforeAll(() => {
  es = new Client({ node: elasticsearchUrl() });
});

afterAll(async () => {
  await indices.remove(es);
  await es.close();
});

const nodesOf = (workflow: Workflow) => Object.values(workflow.status!.nodes as Record<string, NodeStatus>);
const ofRun = (docs: StoredDocument[], uid: string) => docs.filter((d) => d.id === uid || d.id.startsWith(`${uid}/`));

describe('a run reporting itself from its exit handler', () => {
  let history: ArgoHistory;
  let server: ArgoServerHandle;
  let finished: Workflow;
  let running: Workflow;
  let exitNode: NodeStatus;
  let hours: string;

  const common = (indexPrefix: string) => [...targetArgs(server.url, indexPrefix, stateIndex), '--initial-hours', hours];
  const reportArgs = (indexPrefix: string, status: string, workflow = finished) => [
    'report',
    '--namespace',
    workflow.metadata.namespace!,
    '--workflow',
    workflow.metadata.name!,
    '--uid',
    workflow.metadata.uid!,
    '--status',
    status,
    ...common(indexPrefix),
  ];

  beforeAll(async () => {
    history = generateArgoHistory({ seed: 53, workflows: 60, days: 2 });
    const inline = (w: Workflow) => new ArgoStore().nodeStorage(w, quirksFor('v4.1.2')) === 'inline';
    const hasExitHandler = (w: Workflow) => nodesOf(w).some((n) => n.name === `${w.metadata.name}.onExit`);
    const generated = history.workflows.find(
      (g) =>
        g.storage !== 'archived' &&
        g.workflow.status?.phase === 'Succeeded' &&
        hasExitHandler(g.workflow) &&
        expectedNodeIds(g.workflow).length > 4 &&
        inline(g.workflow)
    )!;
    expect(generated).toBeDefined();
    // Kept live only (not archived): an Archived label would make the merged list show the archive's row.
    finished = structuredClone(generated.workflow);
    delete finished.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status'];
    exitNode = nodesOf(finished).find((n) => n.name === `${finished.metadata.name}.onExit`)!;
    // Argo's view while the exit handler runs: the exit handler's node has started, nothing else runs.
    running = runningCopy(finished, Date.parse(exitNode.startedAt!));
    generated.workflow = running;
    generated.storage = 'live';
    hours = String(Math.ceil((Date.now() - (history.endMs - 3 * 24 * HOUR)) / HOUR));
    server = await startArgoServer({ history });
    // The double caches compressed node status by uid; this run's nodes must be served as they change.
    expect(server.store.nodeStorage(running, server.quirks)).toBe('inline');
  });
  afterAll(() => server.close());

  it('the scenario: Argo holds the run as Running, its main work finished and only the exit handler running', () => {
    expect(running.status).toMatchObject({ phase: 'Running', finishedAt: null });
    const runningNodes = nodesOf(running).filter((n) => !n.finishedAt);
    expect(runningNodes.map((n) => [n.name, n.phase])).toEqual([[`${finished.metadata.name}.onExit`, 'Running']]);
  });

  it('writes the run as finished with --status and the main work’s end, its finished nodes, and not the running exit handler; the next sync makes it final', async () => {
    const p = prefix('self');
    const uid = finished.metadata.uid!;
    const reported = await runCollector(reportArgs(p, 'Succeeded'));
    expect(reported.code).toBe(0);
    expect(reported.stderr).toContain(`reported workflow ${finished.metadata.namespace}/${finished.metadata.name} as Succeeded`);

    // The end: the latest finish among the nodes outside the exit handler, here the entry node's.
    const name = finished.metadata.name!;
    const mainNodes = nodesOf(running).filter((n) => n.name !== `${name}.onExit` && !n.name.startsWith(`${name}.onExit`));
    const endMs = Math.max(...mainNodes.map((n) => Date.parse(n.finishedAt!)));
    const entry = nodesOf(running).find((n) => n.name === name)!;
    expect(endMs).toBe(Date.parse(entry.finishedAt!));
    expect(endMs).toBeLessThan(Date.parse(finished.status!.finishedAt!)); // Argo's own finish comes after the exit handler
    const startMs = Date.parse(running.status!.startedAt!);
    const index = monthIndex(p, running.status!.startedAt!);

    const stored = await storedDocuments(es, p);
    const whileExiting = ofRun(stored, uid);
    const runDoc = whileExiting.find((d) => d.id === uid)!;
    expect(runDoc.index).toBe(index);
    expect(runDoc.source).toMatchObject({ doc_kind: 'workflow', phase: 'Succeeded', duration_ms: endMs - startMs });
    expect(Date.parse(runDoc.source.end as string)).toBe(endMs);

    const exitId = `${uid}/${exitNode.id}`;
    const finishedIds = expectedNodeIds(running).filter((id) => id !== exitId);
    expect(expectedNodeIds(running)).toContain(exitId);
    expect(whileExiting.map((d) => d.id).sort()).toEqual([uid, ...finishedIds].sort());
    const rawNodes = running.status!.nodes as Record<string, NodeStatus>;
    for (const doc of whileExiting.filter((d) => d.id !== uid)) {
      const raw = rawNodes[doc.id.split('/')[1]];
      expect([doc.id, doc.index, doc.source.phase, Date.parse(doc.source.end as string)]).toEqual([doc.id, index, raw.phase, Date.parse(raw.finishedAt!)]);
    }

    // The sync part ran too: the namespace's other runs are there (the running run's, as running).
    const others = history.workflows.filter((g) => g.workflow.metadata.namespace === finished.metadata.namespace && g.workflow.metadata.uid !== uid);
    expect(others.length).toBeGreaterThan(3);
    const storedIds = new Set(stored.map((d) => d.id));
    for (const { workflow } of others) {
      expect([workflow.metadata.name, storedIds.has(workflow.metadata.uid!)]).toEqual([workflow.metadata.name, true]);
    }
    expect(stored.some((d) => d.source.namespace !== finished.metadata.namespace)).toBe(false);

    // The run finishes in Argo; the next sync (from the report's checkpoint) writes Argo's final values.
    const live = server.store.live;
    live[live.findIndex((w) => w.metadata.uid === uid)] = finished;
    const synced = await runCollector(['sync', '--namespace', finished.metadata.namespace!, ...common(p)]);
    expect(synced.code).toBe(0);
    const after = await storedDocuments(es, p);
    const ids = after.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const final = ofRun(after, uid);
    expect(final.map((d) => d.id).sort()).toEqual([uid, ...expectedNodeIds(finished)].sort());
    const finalRun = final.find((d) => d.id === uid)!.source;
    expect(finalRun).toMatchObject({ phase: 'Succeeded', duration_ms: Date.parse(finished.status!.finishedAt!) - startMs });
    expect(Date.parse(finalRun.end as string)).toBe(Date.parse(finished.status!.finishedAt!));
    const finalNodes = finished.status!.nodes as Record<string, NodeStatus>;
    for (const doc of final.filter((d) => d.id !== uid)) {
      const raw = finalNodes[doc.id.split('/')[1]];
      expect([doc.id, doc.index, doc.source.phase, Date.parse(doc.source.end as string)]).toEqual([doc.id, index, raw.phase, Date.parse(raw.finishedAt!)]);
    }
    expect(final.find((d) => d.id === exitId)!.source.phase).toBe('Succeeded');
  });

  it('keeps the phase and finish of a run Argo already holds as finished, and says that --status disagrees', async () => {
    const p = prefix('late');
    const uid = finished.metadata.uid!;
    const live = server.store.live;
    live[live.findIndex((w) => w.metadata.uid === uid)] = finished;
    const reported = await runCollector(reportArgs(p, 'Failed'));
    expect(reported.code).toBe(0);
    expect(reported.stderr).toContain('has already finished as Succeeded: its own phase and finish are written, not --status Failed');
    const docs = ofRun(await storedDocuments(es, p), uid);
    expect(docs.map((d) => d.id).sort()).toEqual([uid, ...expectedNodeIds(finished)].sort());
    const runDoc = docs.find((d) => d.id === uid)!.source;
    expect(runDoc.phase).toBe('Succeeded');
    expect(Date.parse(runDoc.end as string)).toBe(Date.parse(finished.status!.finishedAt!));
  });

  it('refuses a --uid that is not the workflow’s, naming it, and reports nothing for it', async () => {
    const otherUid = '00000000-0000-4000-8000-000000000000';
    const { namespace, name, uid } = finished.metadata;
    const withOtherUid = (args: string[]) => args.map((arg) => (arg === uid ? otherUid : arg));
    // v4.1 GETs by uid: the server has no run of that name with that uid.
    const byUid = await runCollector(withOtherUid(reportArgs(prefix('uid'), 'Succeeded')));
    expect(byUid.code).toBe(1);
    expect(byUid.stderr).toContain(`workflow ${namespace}/${name} (--uid ${otherUid}) is not on the Argo Server`);
    expect(byUid.stderr).toContain('check --namespace, --workflow and --uid; the run is not reported');
    // v3.6 cannot GET by uid: it answers with the run of that name, whose uid the collector compares.
    const older = await startArgoServer({ history, version: 'v3.6.5' });
    try {
      const p = prefix('uid36');
      const args = withOtherUid(reportArgs(p, 'Succeeded'));
      args[args.indexOf('--argo-url') + 1] = older.url;
      const byName = await runCollector(args);
      expect(byName.code).toBe(1);
      expect(byName.stderr).toContain(`the Argo Server's workflow ${namespace}/${name} has uid ${uid}, not --uid ${otherUid}: another run of that name, so it is not reported`);
      expect(byName.stderr).not.toContain('reported workflow');
    } finally {
      await older.close();
    }
  });

  it('fails with a message naming the options, not a crash, for a workflow that does not exist', async () => {
    const args = reportArgs(prefix('missing'), 'Error');
    args[args.indexOf('--workflow') + 1] = 'no-such-run';
    const reported = await runCollector(args);
    expect(reported.code).toBe(1);
    expect(reported.stderr).toContain(`workflow ${finished.metadata.namespace}/no-such-run (--uid ${finished.metadata.uid}) is not on the Argo Server`);
  });

  it('prints what it would write in a dry run, the running exit handler as a delete, and writes nothing', async () => {
    const live = server.store.live;
    live[live.findIndex((w) => w.metadata.uid === finished.metadata.uid)] = running;
    const p = prefix('dry');
    const args = reportArgs(p, 'Error').filter((arg, i, all) => arg !== '--es-url' && all[i - 1] !== '--es-url');
    const dry = await runCollector([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    const lines = dry.stdout.trim().split('\n').map((line) => JSON.parse(line));
    const uid = finished.metadata.uid!;
    const index = monthIndex(p, running.status!.startedAt!);
    expect(lines).toContainEqual({ delete: { _index: index, _id: `${uid}/${exitNode.id}` } });
    // The report's own lines come last: the run document, as Error, after the sync's running one.
    const runLines = lines.filter((line, i) => i > 0 && lines[i - 1].index?._id === uid).map((line) => line.phase);
    expect(runLines).toEqual(['Running', 'Error']);
    expect(Object.keys(await es.indices.get({ index: `${p}-*` }))).toEqual([]);
  });
});

import { readFileSync } from 'fs';
import path from 'path';

import { TIMELINE_FIELDS, type TimelineMeta } from '../../src/query/timelineQuery';
import type { Workflow } from '../argo/client/argoTypes';
import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { answerFrames } from '../test/answerFrames';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { decodeTable, type DecodedTable } from '../test/decodeFrames';
import { queryData } from '../handlers/queryData';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { dataQuery, pluginContext } from '../test/pluginContext';
import type { HistoryDoc } from '../test/history';
import { timelineText } from './timelineText';
import { largeRun } from './timelineTestKit';

/**
 * timeline against the real Elasticsearch node and the Argo Server double: a 9,000-item run with retries
 * (expectations from its own generation), a real workflow object served only from the archive, and the
 * documents of a run collected before the step graph.
 */
const NS = 'ml-training';
const START = Date.UTC(2026, 10, 3, 8);
const index = `argoperf-timeline-${Date.now()}`;
const large = largeRun('large-benchmark-rk672', NS, 9000, START);
const fixture = (file: string) => JSON.parse(readFileSync(path.join(__dirname, '../test/fixtures/argo/workflows', file), 'utf8')) as Workflow;
const archived = fixture('operator_test_L10603_hr-retry-replication.json');
const legacy = fixture('dag_test_L2462_reproduce-bug-9tpfr.json');
legacy.metadata = { ...legacy.metadata, namespace: 'legacy', uid: 'uid-legacy' };
// A run the controller has just accepted: no node has started yet.
const empty = { ...large.workflow, metadata: { ...large.workflow.metadata, name: 'empty-run', uid: 'uid-empty-run' }, status: { phase: 'Running', startedAt: large.workflow.status!.startedAt, nodes: {} } } as Workflow;
let server: ArgoServerHandle;

withHistoryIndex(index, () => {
  const docs = [large.workflow, legacy].flatMap((workflow) => {
    const { workflow: run, nodes } = extractWorkflow(workflow);
    return [run!, ...nodes];
  });
  // The legacy run was collected before document model 3.
  for (const doc of docs) {
    if (doc.doc_kind === 'node' && doc.namespace === 'legacy') {
      delete doc.node.after;
      delete doc.node.feeds;
      delete doc.node.group;
    }
  }
  // The archived run's steps without its workflow document (one written by hand, or removed): the run
  // is then read from its node documents.
  const stepsOnly = extractWorkflow(archived).nodes;
  return [...docs, ...stepsOnly] as unknown as HistoryDoc[];
});

beforeAll(async () => {
  server = await startArgoServer({
    history: {
      workflows: [
        { workflow: large.workflow, storage: 'live' as const, pipeline: 'bench' },
        { workflow: archived, storage: 'archived' as const, pipeline: 'bench' },
        { workflow: empty, storage: 'live' as const, pipeline: 'bench' },
      ],
      cronWorkflows: [],
      endMs: START + 86_400_000,
    },
  });
});
afterAll(() => server.close());

async function timeline(query: object): Promise<DecodedTable> {
  const frames = await answerFrames({
    index,
    query: { queryType: 'timeline', ...query },
    range: { fromEpochMS: START - 3_600_000, toEpochMS: START },
    settings: { argo: { url: `http://user:secret@${server.url.replace(/^http:\/\//, '')}` } },
  });
  expect(frames).toHaveLength(1);
  return decodeTable(frames[0]);
}

const meta = (frame: DecodedTable) => frame.meta?.custom as TimelineMeta;
const notices = (frame: DecodedTable) => (frame.meta?.notices as Array<{ text: string }>).map((n) => n.text);

describe.each(['elasticsearch', 'argo'] as const)('the timeline of a 9,000-item run from %s', (source) => {
  let frame: DecodedTable;
  beforeAll(async () => {
    frame = await timeline({ source, run: large.workflow.metadata.name, filters: { namespaces: [NS] } });
  }, 120_000);

  it('has every attempt, in the contract’s fields', () => {
    expect(frame.fields.map((f) => f.name)).toEqual([...TIMELINE_FIELDS]);
    expect(frame.rows).toBe(large.attempts.length + 2);
    expect(large.attempts.length).toBe(9000 + 450);
    const byId = new Map(frame.columns.nodeId.map((id, row) => [id, row]));
    for (const attempt of large.attempts.filter((a) => a.item % 997 === 7)) {
      const row = byId.get(attempt.id)!;
      expect(frame.columns.start[row]).toBe(attempt.startMs);
      expect(frame.columns.end[row]).toBe(attempt.endMs);
      expect(frame.columns.duration[row]).toBe((attempt.endMs - attempt.startMs) / 1000);
      expect(frame.columns.attempt[row]).toBe(attempt.attempt);
      expect(frame.columns.phase[row]).toBe(attempt.phase);
      expect(frame.columns.step[row]).toBe(`shard(${attempt.item}:part-${attempt.item})(${attempt.attempt})`);
      expect(frame.columns.stepName[row]).toBe('shard');
      expect(frame.columns.group[row]).toBe(large.workflow.metadata.name);
      expect(frame.columns.host[row]).toBe(`node-${attempt.item % 40}`);
      // Links to the step, never with the URL's credentials.
      expect(frame.columns.argoUrl[row]).toBe(`${server.url}/workflows/${NS}/${large.workflow.metadata.name}?nodeId=${attempt.id}`);
    }
    expect(frame.fields.find((f) => f.name === 'duration')!.config.unit).toBe('s');
  });

  it('puts fetch, the attempts of the item that ends last and publish on the critical path; the others have their lead as slack', () => {
    const lastEnd = large.publish.startMs - 2000;
    const itemEnd = new Map<number, number>();
    large.attempts.forEach((a) => itemEnd.set(a.item, Math.max(itemEnd.get(a.item) ?? 0, a.endMs)));
    const rowOf = new Map(frame.columns.nodeId.map((id, row) => [id, row]));
    const critical = frame.columns.nodeId.filter((_, row) => frame.columns.critical[row]);
    const criticalItems = new Set(large.attempts.filter((a) => critical.includes(a.id)).map((a) => a.item));
    expect(criticalItems.size).toBe(1);
    const [item] = criticalItems;
    expect(large.lastItems).toContain(item);
    const chain = large.attempts.filter((a) => a.item === item);
    expect(critical.sort()).toEqual([large.fetch.id, ...chain.map((a) => a.id), large.publish.id].sort());
    for (const attempt of large.attempts.filter((a) => a.item % 101 === 7)) {
      // Every attempt of an item is on that item's chain: its slack is how much earlier the item ended.
      expect(frame.columns.slack[rowOf.get(attempt.id)!]).toBe((lastEnd - itemEnd.get(attempt.item)!) / 1000);
    }
    const seconds = [large.fetch, ...chain, large.publish].reduce((sum, a) => sum + (a.endMs - a.startMs) / 1000, 0);
    expect(meta(frame).criticalPath).toEqual({ seconds, steps: chain.length + 2 });
    expect(meta(frame).run).toEqual({ uid: 'uid-large-benchmark-rk672', name: 'large-benchmark-rk672', namespace: NS, phase: 'Succeeded', start: START, end: large.publish.endMs + 1000 });
  });

  it('says which source answered', () => {
    expect(meta(frame).source).toBe(source === 'argo' ? 'argo-live' : 'elasticsearch');
    expect(notices(frame)[0]).toBe(timelineText.source[source === 'argo' ? 'argo-live' : 'elasticsearch']('large-benchmark-rk672'));
  });
});

describe('the timeline’s searches', () => {
  const searches = (frame: DecodedTable) => JSON.parse(frame.meta!.executedQueryString as string) as Array<{ _source?: { includes?: string[] } }>;
  let frame: DecodedTable;
  beforeAll(async () => {
    frame = await timeline({ source: 'elasticsearch', run: large.workflow.metadata.name, filters: { namespaces: [NS] } });
  }, 120_000);

  it('read from each document only what the timeline shows (not its labels, parameters or metrics)', () => {
    expect(searches(frame)).toHaveLength(2);
    for (const search of searches(frame)) {
      expect(search._source?.includes).toBeDefined();
      expect(search._source!.includes!.filter((field) => ['labels', 'parameters', 'metrics'].includes(field))).toEqual([]);
    }
  });

  it('leave out each step’s copy of the run once the workflow document is found', () => {
    const [, steps] = searches(frame);
    expect(steps._source!.includes!.filter((field) => field === 'workflow' || field === 'namespace')).toEqual([]);
    expect(meta(frame).run).toMatchObject({ uid: 'uid-large-benchmark-rk672', name: 'large-benchmark-rk672', namespace: NS });
  });

  it('read the run from its steps when it has no workflow document', async () => {
    const frame = await timeline({ source: 'elasticsearch', run: 'hr-retry-replication', filters: { namespaces: ['argo'] } });
    const [, steps] = searches(frame);
    expect(steps._source!.includes).toEqual(expect.arrayContaining(['workflow', 'namespace']));
    expect(meta(frame).run).toEqual({ uid: archived.metadata.uid, name: 'hr-retry-replication', namespace: 'argo', phase: null, start: null, end: null });
    // The same steps and critical path as from the archive (below).
    expect(frame.columns.step.filter((_, row) => frame.columns.critical[row])).toEqual([
      'Create-Json-List',
      'Retry-And-Loop(1:Id:2)(0)',
      'Retry-And-Loop(1:Id:2)(1)',
      'Check-Output',
    ]);
  });
});

describe('timeline from the Argo Server’s archive', () => {
  it.each([{ run: 'hr-retry-replication', filters: { namespaces: ['argo'] } }, { uid: 'a0edb47a-3e6d-4568-b828-bf0cfcd8e5d5' }])('finds the archived run by %j', async (query) => {
    const frame = await timeline({ source: 'argo', ...query });
    expect(meta(frame).source).toBe('argo-archived');
    expect(notices(frame)[0]).toBe(timelineText.source['argo-archived']('hr-retry-replication'));
    // Create-Json-List 4 s, then item (1:Id:2) failed (5 s) and ran again (7 s), then Check-Output 5 s:
    // both items end at 00:10:12; the tie goes to the smaller node id.
    expect(frame.columns.step.filter((_, row) => frame.columns.critical[row])).toEqual([
      'Create-Json-List',
      'Retry-And-Loop(1:Id:2)(0)',
      'Retry-And-Loop(1:Id:2)(1)',
      'Check-Output',
    ]);
    expect(meta(frame).criticalPath).toEqual({ seconds: 21, steps: 4 });
    expect(frame.columns.slack.every((s) => s === 0)).toBe(true);
  });
});

describe('timeline of documents collected before the step graph', () => {
  it('shows the steps without a critical path and says why', async () => {
    const frame = await timeline({ source: 'elasticsearch', run: 'reproduce-bug-9tpfr', filters: { namespaces: ['legacy'] } });
    expect(frame.rows).toBe(14);
    expect(frame.columns.critical).toEqual(Array(14).fill(false));
    expect(frame.columns.slack.every((s) => s === null)).toBe(true);
    expect(meta(frame).criticalPath).toBeNull();
    expect(notices(frame)).toContain(timelineText.noGraph('reproduce-bug-9tpfr'));
  });
});

describe('timeline of a run without steps yet', () => {
  it('is the frame with its fields, no rows and a notice', async () => {
    const frame = await timeline({ source: 'argo', run: 'empty-run', filters: { namespaces: [NS] } });
    expect(frame.fields.map((f) => f.name)).toEqual([...TIMELINE_FIELDS]);
    expect(frame.rows).toBe(0);
    expect(meta(frame)).toMatchObject({ source: 'argo-live', criticalPath: null, run: { name: 'empty-run', phase: 'Running', end: null } });
    expect(notices(frame)).toEqual([timelineText.source['argo-live']('empty-run'), timelineText.noSteps('empty-run')]);
  });
});

describe('timeline of a run that is not there', () => {
  it.each(['elasticsearch', 'argo'] as const)('is refused naming run, with 400 (%s)', async (source) => {
    const response = await queryData(
      {
        pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index }, argo: { url: server.url } }),
        headers: {},
        queries: [dataQuery('A', { queryType: 'timeline', source, run: 'no-such-run', filters: { namespaces: [NS] } }, { fromEpochMS: START - 1, toEpochMS: START })],
      },
      new AbortController().signal
    );
    expect(response.responses.A.status).toBe(400);
    await expect(timeline({ source, run: 'no-such-run', filters: { namespaces: [NS] } })).rejects.toThrow(/^run: no run "no-such-run" in namespace ml-training/);
    await expect(timeline({ source, uid: 'no-such-uid', filters: { namespaces: [NS] } })).rejects.toThrow(/^run: no run with uid "no-such-uid"/);
  });

  it('needs one namespace for a run by name from the Argo Server', async () => {
    await expect(timeline({ source: 'argo', run: 'large-benchmark-rk672' })).rejects.toThrow(/^filters\.namespaces: /);
  });
});

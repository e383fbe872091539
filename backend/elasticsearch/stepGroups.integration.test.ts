import type { Client } from '@elastic/elasticsearch';

import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { answerFrames } from '../test/answerFrames';
import { decodeSeries, type DecodedSeries } from '../test/decodeFrames';
import { createHistoryIndex } from '../test/elasticsearch';
import type { HistoryDoc } from '../test/history';
import { NO_STEP_NAME, noStepNameNotice } from './stepGroupText';

/**
 * Grouping by step against the real Elasticsearch node and the Argo Server double: a DAG run whose task
 * `shard` loops over 50 items, some retried, is one step `shard` (and 50 tasks). Expected counts and
 * durations come from the pods built here, not from the code under test.
 */
const ITEMS = 50;
const START = Date.UTC(2026, 9, 1, 2);
const FROM = START - 3_600_000;
const TO = START + 6 * 3_600_000;
const index = `argoperf-steps-${Date.now()}`;
const oldIndex = `${index}-old`;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface Pod {
  step: string;
  seconds: number;
}
const pods: Pod[] = [];

/** A DAG run: fetch, then shard over ITEMS items with a retry strategy; every 7th item fails once first. */
function fanOutRun(name: string, uid: string) {
  const nodes: Record<string, object> = {};
  const pod = (id: string, nodeName: string, displayName: string, startMs: number, seconds: number, phase: string, step: string) => {
    nodes[id] = { id, name: nodeName, displayName, type: 'Pod', phase, templateName: step, startedAt: iso(startMs), finishedAt: iso(startMs + seconds * 1000), ...(phase === 'Failed' ? { message: 'OOMKilled' } : {}) };
    pods.push({ step, seconds });
    return id;
  };
  const fetch = pod(`${name}-1`, `${name}.fetch`, 'fetch', START, 30, 'Succeeded', 'fetch');
  const group: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const itemName = `${name}.shard(${i}:part-${i})`;
    const display = `shard(${i}:part-${i})`;
    const retryId = `${name}-r${i}`;
    const attempts: string[] = [];
    const begin = START + 60_000 + i * 1000;
    if (i % 7 === 0) {
      attempts.push(pod(`${name}-a${i}-0`, `${itemName}(0)`, `${display}(0)`, begin, 5 + i, 'Failed', 'shard'));
      attempts.push(pod(`${name}-a${i}-1`, `${itemName}(1)`, `${display}(1)`, begin + 120_000, 10 + i, 'Succeeded', 'shard'));
    } else {
      attempts.push(pod(`${name}-a${i}-0`, `${itemName}(0)`, `${display}(0)`, begin, 10 + i, 'Succeeded', 'shard'));
    }
    nodes[retryId] = { id: retryId, name: itemName, displayName: display, type: 'Retry', phase: 'Succeeded', templateName: 'shard', startedAt: iso(begin), finishedAt: iso(begin + 400_000), children: attempts };
    group.push(retryId);
  }
  nodes[`${name}-g`] = { id: `${name}-g`, name: `${name}.shard`, displayName: 'shard', type: 'TaskGroup', phase: 'Succeeded', startedAt: iso(START + 60_000), finishedAt: iso(START + 600_000), children: group };
  nodes[name] = { id: name, name, displayName: name, type: 'DAG', phase: 'Succeeded', startedAt: iso(START), finishedAt: iso(START + 600_000), children: [fetch, `${name}-g`] };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, namespace: 'data', uid, creationTimestamp: iso(START), labels: { 'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/phase': 'Succeeded' } },
    spec: { entrypoint: 'main' },
    status: { phase: 'Succeeded', startedAt: iso(START), finishedAt: iso(START + 600_000), nodes },
  };
}

const run = fanOutRun('fanout-x7k2p', 'uid-fanout-1');
let client: Client;
let server: ArgoServerHandle;
let nodeDocs: HistoryDoc[];

beforeAll(async () => {
  const extracted = extractWorkflow(run as never);
  nodeDocs = extracted.nodes as unknown as HistoryDoc[];
  client = await createHistoryIndex(index, [extracted.workflow, ...extracted.nodes] as unknown as HistoryDoc[]);
  server = await startArgoServer({ history: { workflows: [{ workflow: run as never, storage: 'live', pipeline: 'fanout' }], cronWorkflows: [], endMs: TO } });
});

afterAll(async () => {
  await server?.close();
  await client.indices.delete({ index: [index, oldIndex], ignore_unavailable: true });
  await client.close();
});

/** count, avg and max in seconds per step, from the pods built above. */
function expectedPerStep(): Map<string, { count: number; avg: number; max: number }> {
  const out = new Map<string, { count: number; avg: number; max: number }>();
  for (const step of new Set(pods.map((p) => p.step))) {
    const seconds = pods.filter((p) => p.step === step).map((p) => p.seconds);
    out.set(step, { count: seconds.length, avg: seconds.reduce((a, b) => a + b, 0) / seconds.length, max: Math.max(...seconds) });
  }
  return out;
}

const QUERY = { queryType: 'durations', level: 'node', groupBy: ['step'], stats: ['count', 'avg', 'max'] };
const RANGE = { fromEpochMS: FROM, toEpochMS: TO };

function perStep(frames: DecodedSeries[]) {
  const out = new Map<string, Record<string, number>>();
  for (const frame of frames) {
    const total = frame.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    const stats = out.get(frame.labels.step) ?? {};
    // One time bucket holds every pod (the interval spans the range).
    stats[frame.labels.stat] = frame.labels.stat === 'count' ? total : (frame.values.find((v) => v !== null) as number);
    out.set(frame.labels.step, stats);
  }
  return out;
}

function expectPerStep(frames: DecodedSeries[]) {
  const expected = expectedPerStep();
  const got = perStep(frames);
  expect([...got.keys()].sort()).toEqual(['fetch', 'shard']);
  for (const [step, { count, avg, max }] of expected) {
    expect(got.get(step)!.count).toBe(count);
    expect(got.get(step)!.avg).toBeCloseTo(avg, 9);
    expect(got.get(step)!.max).toBe(max);
  }
}

describe('group by step', () => {
  it('the extraction wrote one step name for every loop item and retry', () => {
    const shard = nodeDocs.filter((doc) => (doc.node as { step?: string }).step === 'shard');
    expect(shard).toHaveLength(ITEMS + Math.ceil(ITEMS / 7));
    expect(new Set(shard.map((doc) => doc.node!.display_name)).size).toBe(ITEMS);
  });

  it('Elasticsearch: one group per step, counts and durations of all its items and attempts', async () => {
    const frames = (await answerFrames({ index, query: QUERY, range: RANGE, intervalMS: TO - FROM })).map(decodeSeries);
    expect(frames).toHaveLength(2 * 3);
    expectPerStep(frames);
    expect(frames[0].meta?.notices ?? []).toEqual([]);
  });

  it('the Argo Server source gives the same groups and numbers', async () => {
    const frames = (
      await answerFrames({ index, query: { ...QUERY, source: 'argo' }, range: RANGE, intervalMS: TO - FROM, settings: { argo: { url: server.url } } })
    ).map(decodeSeries);
    expectPerStep(frames);
  });

  it('grouping by task still gives one group per loop item', async () => {
    const frames = (await answerFrames({ index, query: { ...QUERY, groupBy: ['task'], stats: ['count'], limit: 100 }, range: RANGE, intervalMS: TO - FROM })).map(decodeSeries);
    expect(frames).toHaveLength(ITEMS + 1);
  });

  it('documents collected before step names count in a group of their own, with a notice saying how to re-collect', async () => {
    const old = nodeDocs.map((doc) => ({ ...doc, node: { ...doc.node, step: undefined } }));
    const oldClient = await createHistoryIndex(oldIndex, old as unknown as HistoryDoc[]);
    await oldClient.close();
    const frames = (await answerFrames({ index: oldIndex, query: QUERY, range: RANGE, intervalMS: TO - FROM })).map(decodeSeries);
    const got = perStep(frames);
    expect([...got.keys()]).toEqual([NO_STEP_NAME]);
    expect(got.get(NO_STEP_NAME)!.count).toBe(pods.length);
    expect(frames[0].meta?.notices).toEqual(expect.arrayContaining([{ severity: 'warning', text: noStepNameNotice(pods.length) }]));
  });
});

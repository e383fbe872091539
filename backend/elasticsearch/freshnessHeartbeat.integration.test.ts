import { Client } from '@elastic/elasticsearch';

import { checkpointId, CheckpointStore, type CheckpointScope } from '../collector/checkpoints';
import { answerFrames } from '../test/answerFrames';
import { decodeTable, type DecodedTable } from '../test/decodeFrames';
import { createHistoryIndex, elasticsearchUrl } from '../test/elasticsearch';
import type { HistoryDoc } from '../test/history';
import { heartbeatText } from './collectorHeartbeat';

/**
 * freshness with the collector's heartbeat, against the real Elasticsearch node. The checkpoints are
 * written by the collector's own CheckpointStore (the code sync runs every round); a stopped collector's
 * checkpoint is aged afterwards with a partial update of `updated_at`. Expected ages are computed here
 * from the times the test chose and the `updated_at` Elasticsearch stored, and which checkpoints count
 * is stated by hand per case.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const stamp = `${Date.now()}-${process.pid}`;
const prefix = `argoperf-hb-${stamp}`;
const dataIndex = `${prefix}-docs`;
const pattern = `${prefix}-*`;
const stateIndex = `argoperf-hb-state-${stamp}`;
const allState = `argoperf-hb-allstate-${stamp}`;
const closedState = `argoperf-hb-closed-${stamp}`;
const argoUrl = 'https://argo-server.argo:2746';

let client: Client;
let now: number;
/** Newest collected_at per namespace. */
const collected: Record<string, number> = {};
/** updated_at as stored, per state index and namespace, of the checkpoints that count for `pattern`. */
const synced: Record<string, Record<string, number>> = { [stateIndex]: {}, [allState]: {} };

function runDoc(namespace: string, collectedMs: number, i: number): HistoryDoc & { collected_at: string } {
  return {
    doc_kind: 'workflow',
    '@timestamp': new Date(collectedMs - 20 * MINUTE).toISOString(),
    phase: 'Succeeded',
    namespace,
    workflow: { name: `${namespace}-${i}`, uid: `${namespace}-uid-${i}` },
    labels: {},
    collected_at: new Date(collectedMs).toISOString(),
  };
}

/** Writes a sync checkpoint as the collector does, optionally ages it, and returns the stored updated_at. */
async function checkpoint(index: string, scope: CheckpointScope, agedTo?: number): Promise<number> {
  const store = new CheckpointStore(client, index);
  const id = checkpointId(scope, 'sync');
  await store.write(id, scope, { kind: 'sync', watermark: new Date().toISOString() });
  if (agedTo !== undefined) {
    await client.update({ index, id, doc: { updated_at: new Date(agedTo).toISOString() } });
  }
  await client.indices.refresh({ index });
  const stored = await client.get<{ updated_at: string }>({ index, id });
  return Date.parse(stored._source!.updated_at);
}

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  now = Date.now();
  Object.assign(collected, {
    quiet: now - 3 * HOUR, // a nightly cron: nothing new for hours, its collector runs
    stopped: now - 150 * MINUTE, // its collector's last round was 2 hours ago
    other: now - 3 * HOUR, // only a collector of another index prefix looked at it
    self: now - 10 * MINUTE, // workflows that write their own documents: no collector
  });
  const docs = Object.entries(collected).flatMap(([namespace, at]) => [runDoc(namespace, at, 0), runDoc(namespace, at - HOUR, 1)]);
  await createHistoryIndex(dataIndex, docs).then((c) => c.close());
  const scope = (namespace: string, indexPrefix = prefix): CheckpointScope => ({ argoUrl, namespace, indexPrefix });
  synced[stateIndex].quiet = await checkpoint(stateIndex, scope('quiet'));
  synced[stateIndex].stopped = await checkpoint(stateIndex, scope('stopped'), now - 2 * HOUR);
  await checkpoint(stateIndex, scope('other', 'argo-workflows'));
  synced[allState][''] = await checkpoint(allState, scope(''));
  await client.indices.create({ index: closedState });
  await client.indices.close({ index: closedState });
});

afterAll(async () => {
  await client.indices.delete({ index: [dataIndex, stateIndex, allState, closedState] }, { ignore: [404] });
  await client.close();
});

/** The age in seconds at `end`: from the newer of the newest document and the checkpoints counted. */
function expectedAge(namespace: string, end: number, state?: string): number {
  const beats = state ? [synced[state]?.[namespace], synced[state]?.['']] : [];
  const counted = beats.filter((at): at is number => at !== undefined && at <= end);
  return (end - Math.max(collected[namespace], ...counted)) / 1000;
}

async function run(end: number, query: object = {}, settings: object = { stateIndex }) {
  const frames = await answerFrames({ index: pattern, query: { queryType: 'freshness', ...query }, range: { fromEpochMS: end - HOUR, toEpochMS: end }, elasticsearch: settings });
  return frames.map(decodeTable);
}

function ages(frames: DecodedTable[]): Record<string, number> {
  return Object.fromEntries(frames.filter((f) => f.rows > 0).map((f) => [f.fields[0].labels.namespace, f.columns.age[0] as number]));
}

const namespaces = ['other', 'quiet', 'self', 'stopped'];
const expectAll = (end: number, state?: string) => Object.fromEntries(namespaces.map((ns) => [ns, expectedAge(ns, end, state)]));

describe('freshness with the collector heartbeat on Elasticsearch', () => {
  test('a quiet namespace with a fresh sync checkpoint is fresh; old documents and an old checkpoint are stale; another prefix and no checkpoint count the documents', async () => {
    const end = Date.now() + MINUTE;
    const frames = await run(end);
    expect(ages(frames)).toEqual(expectAll(end, stateIndex));
    // Known without the code: quiet's collector looked a minute ago, stopped's 2 hours ago, other's documents are 3 hours old.
    expect(ages(frames).quiet).toBeLessThan(1800);
    expect(ages(frames).stopped).toBeGreaterThan(2 * 3600);
    expect(ages(frames).other).toBeGreaterThan(3 * 3600);
    expect(frames.flatMap((f) => (f.meta?.notices as unknown[]) ?? [])).toEqual([]);
    expect(frames.find((f) => f.fields[0]?.labels.namespace === 'quiet')?.meta?.custom).toEqual({
      newest: new Date(collected.quiet).toISOString(),
      synced: new Date(synced[stateIndex].quiet).toISOString(),
    });
  });

  test('two hours later the quiet namespace is stale too; a checkpoint written after the range end does not count', async () => {
    const later = Date.now() + 2 * HOUR;
    expect(ages(await run(later))).toEqual(expectAll(later, stateIndex));
    expect(expectedAge('quiet', later, stateIndex)).toBeGreaterThan(1800);
    const before = synced[stateIndex].quiet - 1000;
    expect(ages(await run(before)).quiet).toBe((before - collected.quiet) / 1000);
  });

  test('a checkpoint of all namespaces vouches for every namespace seen in the documents', async () => {
    const end = Date.now() + MINUTE;
    const found = ages(await run(end, {}, { stateIndex: allState }));
    expect(found).toEqual(expectAll(end, allState));
    for (const namespace of namespaces) {
      expect(found[namespace]).toBe((end - synced[allState]['']) / 1000);
    }
    // Grouped by something else, only the all-namespaces checkpoint can vouch: one number here.
    expect(ages(await run(end, { groupBy: [] }, { stateIndex: allState }))).toEqual({ undefined: (end - synced[allState]['']) / 1000 });
  });

  test('a datasource index pattern that does not read the prefix ignores its checkpoints', async () => {
    const end = Date.now() + MINUTE;
    expect(ages(await run(end, {}, { stateIndex, index: `${dataIndex},argo-other-*` }))).toEqual(expectAll(end));
  });

  test('no state index: the documents alone, without a notice', async () => {
    const end = Date.now() + MINUTE;
    const frames = await run(end, {}, { stateIndex: `argoperf-hb-missing-${stamp}` });
    expect(ages(frames)).toEqual(expectAll(end));
    expect(frames.flatMap((f) => (f.meta?.notices as unknown[]) ?? [])).toEqual([]);
  });

  test('a state index that cannot be read: the documents alone, and a warning that says why', async () => {
    const end = Date.now() + MINUTE;
    const frames = await run(end, {}, { stateIndex: closedState });
    expect(ages(frames)).toEqual(expectAll(end));
    const notices = frames[0].meta?.notices as Array<{ severity: string; text: string }>;
    expect(notices).toEqual([{ severity: 'warning', text: expect.stringContaining(heartbeatText.unreadable(closedState, '')) }]);
    expect(notices[0].text).toMatch(/index_closed_exception/);
  });

  test('basis documents ignores the checkpoints; the table shows the newest document, the sync and the age', async () => {
    const end = Date.now() + MINUTE;
    expect(ages(await run(end, { basis: 'documents' }))).toEqual(expectAll(end));
    const [table] = await run(end, { view: 'table' });
    const order = Object.entries(expectAll(end, stateIndex)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(table.columns).toEqual({
      namespace: order.map(([ns]) => ns),
      newest: order.map(([ns]) => collected[ns]),
      synced: order.map(([ns]) => synced[stateIndex][ns] ?? null),
      age: order.map(([, age]) => age),
    });
    const [byDocuments] = await run(end, { view: 'table', basis: 'documents' });
    const documentsOrder = Object.entries(expectAll(end)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(byDocuments.columns).toEqual({
      namespace: documentsOrder.map(([ns]) => ns),
      newest: documentsOrder.map(([ns]) => collected[ns]),
      synced: documentsOrder.map(([ns]) => synced[stateIndex][ns] ?? null),
      age: documentsOrder.map(([, age]) => age),
    });
  });
});

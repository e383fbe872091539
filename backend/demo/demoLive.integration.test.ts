import { Client } from '@elastic/elasticsearch';

import { LABELS, type Workflow } from '../argo/client/argoTypes';
import type { ArgoDocument, WorkflowDocument } from '../argo/extract/documents';
import { liveClock } from '../argo/live/liveClock';
import { collectorLog } from '../collector/collectorLog';
import { queryData } from '../handlers/queryData';
import { decodeTable, type DecodedTable } from '../test/decodeFrames';
import { elasticsearchUrl } from '../test/elasticsearch';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { DEMO_CRONS, DEMO_TEMPLATES } from './catalog';
import { demoHistory } from './demoHistory';
import {
  dailyReportLate,
  featureEtlFailing,
  hourlyIngestEveryTick,
  modelTrainHeavy,
  nightlyTrainingSlower,
  weeklyEvalFailing,
  type Written,
} from './demoPromiseChecks';
import { serveDemo, type DemoServer } from './demoServer';
import { allDocuments, collector, DAY, DAYS, dropPrefix, END_MS, HOUR } from './demoTestKit';
import { LiveDemo } from './liveDemo';
import { startLiveLoop, type LiveLoop } from './liveLoop';

/**
 * A served demo that moves with an injected clock: loaded into the real Elasticsearch node at ANCHOR,
 * then advanced 2 hours and 1 day. Expectations are this file's own arithmetic on what the server and
 * the node hold.
 */
const ANCHOR_MS = END_MS - 3 * DAY; // 30 s after a full hour, days before the wall clock (cronDrift judges at the range's end)
const prefix = `demo-live-${Date.now()}`;
const stateIndex = `demo-live-state-${Date.now()}`;
let client: Client;
let server: DemoServer;
let loop: LiveLoop;
let clockMs = ANCHOR_MS;
const wallClock = liveClock.nowMs;
const logged: string[] = [];

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  const load = await collector(['demo', '--es-url', elasticsearchUrl(), '--index-prefix', prefix, '--days', String(DAYS), '--end', new Date(ANCHOR_MS).toISOString(), '--state-index', stateIndex]);
  expect(load.code).toBe(0);
  const history = demoHistory({ seed: 42, days: DAYS, endMs: ANCHOR_MS });
  server = await serveDemo(history, { host: '127.0.0.1', port: 0 });
  const log = collectorLog({ json: true, secrets: [], write: (text) => logged.push(text) });
  loop = startLiveLoop(history, server, client, { seed: 42, days: DAYS, indexPrefix: prefix, stateIndex, advanceSeconds: 0, nowMs: () => clockMs }, log);
  liveClock.nowMs = () => clockMs;
}, 600_000);

afterAll(async () => {
  liveClock.nowMs = wallClock;
  await loop.stop();
  await server.close();
  await dropPrefix(client, prefix);
  await client.indices.delete({ index: stateIndex, ignore_unavailable: true });
  await client.close();
});

/** Every run the server holds, as full objects (nodes included) by uid: its list, then each run by name. */
async function served(): Promise<Map<string, Workflow>> {
  const get = async (path: string) => (await fetch(`${server.url}${path}`)).json() as Promise<{ items: Workflow[] } & Workflow>;
  const full = new Map<string, Workflow>();
  for (const item of (await get('/api/v1/workflows/')).items) {
    full.set(item.metadata.uid!, await get(`/api/v1/workflows/${item.metadata.namespace}/${item.metadata.name}`));
  }
  return full;
}

async function frames(json: object, fromMs: number, toMs: number): Promise<DecodedTable[]> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url: server.url } }),
      headers: {},
      queries: [{ ...dataQuery('A', json, { fromEpochMS: fromMs, toEpochMS: toMs }), intervalMS: HOUR, maxDataPoints: 1000 }],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  if (answer.error) {
    throw new Error(answer.error);
  }
  return (answer.frames ?? []).map(decodeTable);
}

async function missedByCron(endMs: number, days: number): Promise<Record<string, number>> {
  const missed = await frames({ queryType: 'cronDrift', source: 'argo', view: 'missed', graceSeconds: 600 }, endMs - days * DAY, endMs);
  return Object.fromEntries(missed.map((f) => [f.fields[0].labels.cron, Number(f.columns.missed[0])]));
}

const isRun = (d: ArgoDocument): d is WorkflowDocument => d.doc_kind === 'workflow';
const cronOf = (w: Workflow) => w.metadata.labels?.[LABELS.cronWorkflow];

/** The demo collector's heartbeat as stored: updated_at (epoch ms) of each sync checkpoint of this prefix, by namespace. */
async function heartbeats(): Promise<Record<string, number>> {
  await client.indices.refresh({ index: stateIndex });
  const found = await client.search<{ namespace: string; updated_at: string; watermark: string }>({
    index: stateIndex,
    size: 10,
    query: { bool: { filter: [{ term: { kind: 'sync' } }, { term: { index_prefix: prefix } }] } },
  });
  return Object.fromEntries(found.hits.hits.map((hit) => [hit._source!.namespace, Date.parse(hit._source!.updated_at)]));
}

it("the load beats the collector's heartbeat: one sync checkpoint per demo namespace, at the history's end", async () => {
  expect(await heartbeats()).toEqual({ 'ml-training': ANCHOR_MS, 'data-pipelines': ANCHOR_MS });
});

let before: Map<string, Workflow>;
let documentsBefore: Map<string, ArgoDocument>;

it('advancing 2 hours: hourly-ingest gets its 2 runs and misses no tick, finished runs stay byte for byte, Elasticsearch gets the new documents once', async () => {
  before = await served();
  documentsBefore = await allDocuments(client, prefix);
  expect(before.size).toBeGreaterThan(1000);
  clockMs = ANCHOR_MS + 2 * HOUR;
  await loop.advance();
  const after = await served();

  // hourly-ingest: the ticks at the next two full hours, each with one new run started within seconds.
  const ticks = [1, 2].map((n) => Math.ceil(ANCHOR_MS / HOUR) * HOUR + (n - 1) * HOUR);
  const fresh = [...after.values()].filter((w) => !before.has(w.metadata.uid!));
  const ingest = fresh.filter((w) => cronOf(w) === DEMO_CRONS.hourlyIngest.name);
  expect(ingest.map((w) => Date.parse(w.metadata.annotations![ 'workflows.argoproj.io/scheduled-time'])).sort()).toEqual(ticks);
  for (const run of ingest) {
    expect(Date.parse(run.status!.startedAt!) - Date.parse(run.metadata.annotations!['workflows.argoproj.io/scheduled-time'])).toBeLessThan(60_000);
  }
  expect((await missedByCron(clockMs, 1))[DEMO_CRONS.hourlyIngest.name]).toBe(0);

  // Runs finished before are served as they were; the ones running then have moved on (same start).
  // (Names, not whole objects, in the failure message: a diff of thousands of nodes takes jest minutes.)
  const windowStartMs = clockMs - DAYS * DAY;
  const stillServed = [...before.values()].filter((w) => Date.parse(w.status!.startedAt!) >= windowStartMs);
  const finished = stillServed.filter((w) => w.status!.finishedAt);
  expect(finished.filter((w) => JSON.stringify(after.get(w.metadata.uid!)) !== JSON.stringify(w)).map((w) => w.metadata.name)).toEqual([]);
  expect(finished.length).toBeGreaterThan(1000);
  const wasRunning = stillServed.filter((w) => !w.status!.finishedAt);
  expect(wasRunning.filter((w) => after.get(w.metadata.uid!)?.status!.startedAt !== w.status!.startedAt).map((w) => w.metadata.name)).toEqual([]);
  // Runs that left the window are no longer served.
  expect([...before.values()].filter((w) => Date.parse(w.status!.startedAt!) < windowStartMs && after.has(w.metadata.uid!))).toEqual([]);
  expect(wasRunning.some((w) => after.get(w.metadata.uid!)!.status!.finishedAt)).toBe(true);

  // Elasticsearch: the earlier documents of finished runs untouched, one run document per served run.
  const documents = await allDocuments(client, prefix);
  const rewritten = [...documentsBefore].filter(
    ([id, document]) => before.get(id.split('/')[1])?.status?.finishedAt && JSON.stringify(documents.get(id)) !== JSON.stringify(document)
  );
  expect(rewritten.map(([id]) => id)).toEqual([]);
  const runUids = [...documents.values()].filter(isRun).map((d) => d.workflow.uid!);
  expect(runUids.length).toBe(new Set(runUids).size);
  for (const uid of after.keys()) {
    expect(runUids).toContain(uid);
  }
  for (const run of fresh) {
    const written = documents.get([...documents.keys()].find((id) => id.endsWith(`/${run.metadata.uid}`))!) as WorkflowDocument;
    expect(written.collected_at).toBe(new Date(clockMs).toISOString());
    expect(written.phase).toBe(run.status!.phase);
  }
}, 600_000);

it("advancing 1 day: the catalog's promises hold on the node and on the server", async () => {
  clockMs = ANCHOR_MS + DAY;
  await loop.advance();
  const written: Written = { docs: [...(await allDocuments(client, prefix)).values()], endMs: clockMs, days: DAYS };
  expect(dailyReportLate(written).length).toBeGreaterThanOrEqual(2);
  hourlyIngestEveryTick(written);
  weeklyEvalFailing(written);
  modelTrainHeavy(written);
  featureEtlFailing(written);
  nightlyTrainingSlower(written);

  const missed = await missedByCron(clockMs, 7);
  expect(missed[DEMO_CRONS.hourlyIngest.name]).toBe(0);
  expect(missed[DEMO_CRONS.nightlyTraining.name]).toBe(0);
  expect(missed[DEMO_CRONS.dailyReport.name]).toBeGreaterThanOrEqual(2);

  // model-train: one run past its p95, and none running for ever (the hung runs meet their deadline).
  const [table] = await frames({ queryType: 'live', view: 'table' }, clockMs - DAY, clockMs);
  const rows = table.columns.workflow.map((name, i) => ({ name: String(name), template: table.columns.template?.[i], vsP95: Number(table.columns.vs_p95[i]) }));
  const model = [...loop.live.history.workflows].filter((w) => w.metadata.labels?.[LABELS.workflowTemplate] === DEMO_TEMPLATES.modelTrain.name && !w.status!.finishedAt);
  const ratios = rows.filter((r) => model.some((w) => w.metadata.name === r.name)).map((r) => r.vsP95);
  expect(ratios.some((r) => r > 2)).toBe(true);
  expect(Math.max(...ratios)).toBeLessThan(6);
  expect(logged.join('')).toMatch(/demo advanced/);
}, 600_000);

it('every advance moves the heartbeat to the new end, whatever changed in each namespace', async () => {
  const startMs = clockMs;
  clockMs = startMs + 5_000;
  await loop.advance();
  expect(await heartbeats()).toEqual({ 'ml-training': clockMs, 'data-pipelines': clockMs });
}, 600_000);

it('the served set stays bounded: after 31 days it holds exactly the runs of the last --days', () => {
  const anchor = demoHistory({ seed: 42, days: DAYS, endMs: ANCHOR_MS });
  const live = new LiveDemo(anchor, { seed: 42, days: DAYS });
  for (const days of [10, 20, 31]) {
    const step = live.step(ANCHOR_MS + days * DAY)!;
    live.accept(step);
  }
  const endMs = ANCHOR_MS + 31 * DAY;
  const expected = demoHistory({ seed: 42, days: DAYS, endMs, anchorMs: ANCHOR_MS });
  expect(live.history.workflows.map((w) => w.metadata.uid).sort()).toEqual(expected.workflows.map((w) => w.metadata.uid).sort());
  expect(Math.min(...live.history.workflows.map((w) => Date.parse(w.status!.startedAt!)))).toBeGreaterThanOrEqual(endMs - DAYS * DAY);
  expect(live.history.workflows.length).toBeLessThan(1.3 * anchor.workflows.length);
}, 600_000);

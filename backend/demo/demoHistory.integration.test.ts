import { Client } from '@elastic/elasticsearch';
import { CronExpressionParser } from 'cron-parser';

import type { ArgoDocument, NodeDocument, WorkflowDocument } from '../argo/extract/documents';
import { elasticsearchUrl } from '../test/elasticsearch';
import { DEMO_CRONS, DEMO_TEMPLATES, LARGE_RUN_PODS } from './catalog';
import { allDocuments, collector, DAY, DAYS, dropPrefix, END, END_MS, HOUR } from './demoTestKit';

/**
 * `collector demo` into the real Elasticsearch node, and the catalog's promises checked on the documents
 * it wrote, with this file's own arithmetic (nothing from the generator but the catalog's names).
 */
const prefix = `demo-history-${Date.now()}`;
let client: Client;
let docs: ArgoDocument[];
let firstLoad: Map<string, ArgoDocument>;
const args = ['demo', '--es-url', elasticsearchUrl(), '--index-prefix', prefix, '--days', String(DAYS), '--end', END];

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  const run = await collector(args);
  expect(run.stderr).toMatch(/demo history written/);
  expect(run.code).toBe(0);
  firstLoad = await allDocuments(client, prefix);
  docs = [...firstLoad.values()];
}, 600_000);

afterAll(async () => {
  await dropPrefix(client, prefix);
  await client.close();
});

const runs = (template: string) => docs.filter((d): d is WorkflowDocument => d.doc_kind === 'workflow' && d.workflow.template === template);
const steps = (template: string, task: string) =>
  docs.filter((d): d is NodeDocument => d.doc_kind === 'node' && d.workflow.template === template && d.node.display_name === task);
const startMs = (d: ArgoDocument) => Date.parse(d['@timestamp']);
const seconds = (d: ArgoDocument) => d.duration_ms! / 1000;
const failed = (d: ArgoDocument) => d.phase === 'Failed' || d.phase === 'Error';

it('writes documents for every run and node, the same again on a second load (ids from the runs)', async () => {
  expect(runs(DEMO_TEMPLATES.featureEtl.name).length).toBeGreaterThan(300);
  const again = await collector(args);
  expect(again.code).toBe(0);
  const second = await allDocuments(client, prefix);
  expect(second.size).toBe(firstLoad.size);
  for (const [id, document] of firstLoad) {
    expect(second.get(id)).toEqual(document);
  }
}, 600_000);

it('daily-report starts more than 10 minutes late in the last 7 days and missed its latest tick', () => {
  const cron = DEMO_CRONS.dailyReport;
  const recent = runs(cron.name).filter((d) => startMs(d) >= END_MS - 7 * DAY);
  expect(recent.length).toBeGreaterThanOrEqual(4);
  for (const run of recent) {
    expect(startMs(run) - Date.parse(run.scheduled_at!)).toBeGreaterThan(10 * 60_000);
  }
  const ticks = CronExpressionParser.parse(cron.schedule, { tz: cron.timezone, currentDate: new Date(END_MS), endDate: new Date(END_MS - 3 * DAY) });
  const latestTick = ticks.prev().getTime();
  expect(runs(cron.name).some((d) => Date.parse(d.scheduled_at!) === latestTick)).toBe(false);
});

it('hourly-ingest has a run for every hourly tick, each started within seconds', () => {
  const cron = DEMO_CRONS.hourlyIngest;
  const byTick = new Map(runs(cron.name).map((d) => [Date.parse(d.scheduled_at!), d]));
  for (let tick = Math.ceil((END_MS - DAYS * DAY) / HOUR) * HOUR; tick < END_MS; tick += HOUR) {
    expect([new Date(tick).toISOString(), byTick.has(tick)]).toEqual([new Date(tick).toISOString(), true]);
    expect(startMs(byTick.get(tick)!) - tick).toBeLessThan(60_000);
  }
});

it('weekly-eval has not succeeded in the last 3 weeks, but did before', () => {
  const all = runs(DEMO_CRONS.weeklyEval.name);
  expect(all.filter((d) => startMs(d) >= END_MS - 21 * DAY && d.phase === 'Succeeded')).toEqual([]);
  expect(all.filter((d) => startMs(d) >= END_MS - 21 * DAY).length).toBeGreaterThanOrEqual(3);
  expect(all.some((d) => d.phase === 'Succeeded')).toBe(true);
});

it("model-train's train step averages more than 8 cores, and some runs use more than 28 GiB", () => {
  const train = steps(DEMO_TEMPLATES.modelTrain.name, 'train').filter((d) => d.duration_ms);
  const cores = train.reduce((sum, d) => sum + d.resources!.cpu_core_seconds!, 0) / train.reduce((sum, d) => sum + seconds(d), 0);
  expect(cores).toBeGreaterThan(8);
  const overMemory = train.filter((d) => d.resources!.memory_mib_seconds! / seconds(d) > 28 * 1024);
  expect(overMemory.length).toBeGreaterThan(0);
  expect(train.some((d) => (d.resources!.gpu_seconds ?? 0) > 0)).toBe(true);
});

it('feature-etl fails more than 10 % of its runs in the last day, above its rate over the 29 days before', () => {
  const finished = runs(DEMO_TEMPLATES.featureEtl.name).filter((d) => d.end);
  const rate = (list: WorkflowDocument[]) => list.filter(failed).length / list.length;
  const lastDay = finished.filter((d) => startMs(d) >= END_MS - DAY);
  const before = finished.filter((d) => startMs(d) < END_MS - DAY);
  expect(rate(lastDay)).toBeGreaterThan(0.1);
  expect(rate(lastDay)).toBeGreaterThan(rate(before));
});

/** The nearest-rank p95. */
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1];

it("nightly-training (its train step and the whole run) has a p95 in the last 7 days above 1.5 x the p95 before", () => {
  const recent = (d: ArgoDocument) => startMs(d) >= END_MS - 7 * DAY;
  const train = steps(DEMO_CRONS.nightlyTraining.name, 'train').filter((d) => d.phase === 'Succeeded');
  expect(p95(train.filter(recent).map(seconds))).toBeGreaterThan(1.5 * p95(train.filter((d) => !recent(d)).map(seconds)));
  const all = runs(DEMO_CRONS.nightlyTraining.name).filter((d) => d.phase === 'Succeeded');
  expect(p95(all.filter(recent).map(seconds))).toBeGreaterThan(1.5 * p95(all.filter((d) => !recent(d)).map(seconds)));
});

it('the large-benchmark run fans out to 9,000 shard pods, with spot-instance retries', () => {
  const [run] = runs(DEMO_TEMPLATES.largeBenchmark.name);
  expect(startMs(run)).toBeGreaterThan(END_MS - 8 * HOUR);
  const pods = docs.filter((d): d is NodeDocument => d.doc_kind === 'node' && d.workflow.uid === run.workflow.uid && d.node.display_name.startsWith('shard('));
  expect(new Set(pods.map((d) => d.node.display_name)).size).toBe(LARGE_RUN_PODS);
  const retried = pods.filter((d) => d.node.retry_attempt > 0);
  expect(retried.length).toBeGreaterThan(50);
  expect(pods.filter((d) => failed(d)).every((d) => /spot|pod deleted/.test(d.message ?? ''))).toBe(true);
});

it('runs report images_processed, accuracy and records, and failures carry real messages', () => {
  const metric = (template: string, name: string) => runs(template).filter((d) => typeof d.metrics?.[name] === 'number').length;
  expect(metric(DEMO_TEMPLATES.imagePreprocess.name, 'images_processed')).toBeGreaterThan(100);
  expect(metric(DEMO_TEMPLATES.modelTrain.name, 'accuracy')).toBeGreaterThan(100);
  expect(metric(DEMO_TEMPLATES.featureEtl.name, 'records')).toBeGreaterThan(100);
  const messages = new Set(docs.filter((d) => d.doc_kind === 'workflow' && failed(d)).map((d) => d.message));
  expect([...messages].join('\n')).toEqual(expect.stringMatching(/OOMKilled \(exit code 137\)/));
  expect([...messages].join('\n')).toEqual(expect.stringMatching(/CUDA out of memory/));
  expect([...messages].join('\n')).toEqual(expect.stringMatching(/Connection refused/));
});

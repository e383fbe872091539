import { Client } from '@elastic/elasticsearch';
import { CronExpressionParser } from 'cron-parser';

import type { ArgoDocument, NodeDocument } from '../argo/extract/documents';
import { elasticsearchUrl } from '../test/elasticsearch';
import { DEMO_CRONS, DEMO_TEMPLATES, LARGE_RUN_PODS } from './catalog';
import { allDocuments, collector, DAY, DAYS, dropPrefix, END, END_MS, HOUR } from './demoTestKit';
import {
  dailyReportLate,
  failed,
  featureEtlFailing,
  hourlyIngestEveryTick,
  modelTrainHeavy,
  nightlyTrainingSlower,
  runsOf,
  startMs,
  weeklyEvalFailing,
} from './demoPromiseChecks';

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

const runs = (template: string) => runsOf(docs, template);

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

const written = () => ({ docs, endMs: END_MS, days: DAYS });

it('daily-report starts more than 10 minutes late in the last 7 days and missed ticks, its latest one included', () => {
  const missed = dailyReportLate(written());
  expect(missed.length).toBeGreaterThanOrEqual(2);
  const cron = DEMO_CRONS.dailyReport;
  const latestTick = CronExpressionParser.parse(cron.schedule, { tz: cron.timezone, currentDate: new Date(END_MS), endDate: new Date(END_MS - 3 * DAY) }).prev().getTime();
  expect(missed).toContain(latestTick);
});

it('hourly-ingest has a run for every hourly tick, each started within seconds', () => hourlyIngestEveryTick(written()));

it('weekly-eval has not succeeded in the last 3 weeks, but did before', () => weeklyEvalFailing(written()));

it("model-train's train step averages more than 8 cores, and some runs use more than 28 GiB", () => modelTrainHeavy(written()));

it('feature-etl fails more than 10 % of its runs in the last day, above its rate over the 29 days before', () => featureEtlFailing(written()));

it('nightly-training (its train step and the whole run) has a p95 in the last 7 days above 1.5 x the p95 before', () => nightlyTrainingSlower(written()));

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

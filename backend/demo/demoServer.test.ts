import { ArgoClient } from '../argo/client/argoClient';
import { ArgoRequestError } from '../argo/client/argoErrors';
import { LABELS, type Workflow } from '../argo/client/argoTypes';
import { liveClock } from '../argo/live/liveClock';
import { queryData } from '../handlers/queryData';
import { decodeTable, type DecodedTable } from '../test/decodeFrames';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { DEMO_CRONS, DEMO_NAMESPACES, DEMO_TEMPLATES } from './catalog';
import { demoHistory, type DemoHistory } from './demoHistory';
import { serveDemo, type DemoServer } from './demoServer';
import { DAY, DAYS, END_MS } from './demoTestKit';

/**
 * The demo Argo Server answers the plugin's real ArgoClient, and the backend's live and cronDrift queries
 * read it as the catalog says: model-train overruns, daily-report is late and missed ticks, hourly-ingest
 * is on time. Expectations are worked out here from the served objects.
 */
const TOKEN = 'demo-token-5b7e1c';
let history: DemoHistory;
let server: DemoServer;
const wallClock = liveClock.nowMs;

beforeAll(async () => {
  history = demoHistory({ seed: 42, days: DAYS, endMs: END_MS });
  server = await serveDemo(history, { host: '127.0.0.1', port: 0 }, TOKEN);
  liveClock.nowMs = () => END_MS;
}, 120_000);

afterAll(async () => {
  liveClock.nowMs = wallClock;
  await server.close();
});

const client = (token = TOKEN) => new ArgoClient({ url: server.url, token });

describe('the ArgoClient', () => {
  it('lists every run (live and archived) page by page, with the version header', async () => {
    const argo = client();
    const list = await argo.listWorkflows({ pageSize: 500 });
    expect(list.outcome.complete).toBe(true);
    expect(new Set(list.items.map((w) => w.metadata.uid)).size).toBe(history.workflows.length);
    expect(list.items.some((w) => w.metadata.labels?.[LABELS.archivingStatus] === 'Persisted')).toBe(true);
    expect(argo.serverVersion).toMatch(/^v3\.7\./);
    argo.close();
  });

  it('lists by label selector and start time, and reads nodes of live and archived runs', async () => {
    const argo = client();
    const from = END_MS - 2 * DAY;
    const list = await argo.listWorkflows({ namespace: DEMO_NAMESPACES.data, labelSelector: `${LABELS.cronWorkflow} in (hourly-ingest)`, startedAfter: new Date(from) });
    const expected = history.workflows.filter(
      (w) => w.metadata.labels?.[LABELS.cronWorkflow] === 'hourly-ingest' && Date.parse(w.status!.startedAt!) >= from
    );
    expect(list.items.map((w) => w.metadata.name).sort()).toEqual(expected.map((w) => w.metadata.name).sort());
    const old = list.items.find((w) => w.metadata.labels?.[LABELS.archivingStatus] === 'Persisted')!;
    const withNodes = await argo.workflowWithNodes(old);
    expect(Object.keys(withNodes.status!.nodes!).length).toBeGreaterThan(3);
    const running = history.workflows.find((w) => !w.status!.finishedAt)!;
    const got = await argo.getWorkflow(running.metadata.namespace!, running.metadata.name!);
    expect(got).toEqual(running);
    argo.close();
  });

  it('lists and gets the four CronWorkflows', async () => {
    const argo = client();
    const crons = await argo.listCronWorkflows();
    expect(crons.items.map((c) => `${c.metadata.namespace}/${c.metadata.name}`).sort()).toEqual(
      Object.values(DEMO_CRONS).map((c) => `${c.namespace}/${c.name}`).sort()
    );
    const daily = await argo.getCronWorkflow(DEMO_CRONS.dailyReport.namespace, DEMO_CRONS.dailyReport.name);
    expect(daily.spec).toMatchObject({ schedules: ['30 6 * * *'], timezone: 'America/New_York' });
    argo.close();
  });

  it('refuses a wrong token with 401', async () => {
    const argo = client('wrong');
    await expect(argo.listCronWorkflows()).rejects.toThrow(ArgoRequestError);
    await expect(argo.listCronWorkflows()).rejects.toMatchObject({ status: 401 });
    argo.close();
  });
});

async function frames(json: object, fromMs: number): Promise<DecodedTable[]> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url: server.url } }, { argoToken: TOKEN }),
      headers: {},
      queries: [{ ...dataQuery('A', json, { fromEpochMS: fromMs, toEpochMS: END_MS }), intervalMS: 3_600_000, maxDataPoints: 1000 }],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  if (answer.error) {
    throw new Error(answer.error);
  }
  return (answer.frames ?? []).map(decodeTable);
}

/** p95 with linear interpolation between closest ranks (seconds). */
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = 0.95 * (sorted.length - 1);
  const below = Math.floor(position);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (position - below);
}

describe('the backend queries on the demo Argo Server', () => {
  it('live: model-train has one run at about 3x its own p95 and one within it', async () => {
    const [table] = await frames({ queryType: 'live', view: 'table' }, END_MS - DAY);
    const rows = table.columns.workflow.map((name, i) => ({
      name: String(name),
      elapsed: Number(table.columns.elapsed[i]),
      p95: Number(table.columns.p95[i]),
      vsP95: Number(table.columns.vs_p95[i]),
    }));
    const model = history.workflows.filter((w) => w.metadata.labels?.[LABELS.workflowTemplate] === DEMO_TEMPLATES.modelTrain.name);
    const week = model.filter((w) => w.status!.finishedAt && Date.parse(w.status!.startedAt!) >= END_MS - 7 * DAY);
    const baseline = p95(week.map((w) => (Date.parse(w.status!.finishedAt!) - Date.parse(w.status!.startedAt!)) / 1000));
    const running = model.filter((w: Workflow) => !w.status!.finishedAt).map((w) => w.metadata.name);
    const mine = rows.filter((r) => running.includes(r.name));
    expect(mine).toHaveLength(2);
    for (const row of mine) {
      expect(row.p95).toBeCloseTo(baseline, 0);
      expect(row.vsP95).toBeCloseTo(row.elapsed / baseline, 2);
    }
    const ratios = mine.map((r) => r.vsP95).sort((a, b) => a - b);
    expect(ratios[0]).toBeLessThan(1);
    expect(ratios[1]).toBeGreaterThan(2.5);
    expect(ratios[1]).toBeLessThan(4);
  });

  it('cronDrift: daily-report is late and missed ticks, hourly-ingest is on time and missed none', async () => {
    const from = END_MS - 7 * DAY;
    const missed = await frames({ queryType: 'cronDrift', source: 'argo', view: 'missed' }, from);
    const missedBy = Object.fromEntries(missed.map((f) => [f.fields[0].labels.cron, f.columns.missed[0]]));
    expect(missedBy[DEMO_CRONS.dailyReport.name]).toBeGreaterThanOrEqual(2);
    expect(missedBy[DEMO_CRONS.hourlyIngest.name]).toBe(0);
    expect(missedBy[DEMO_CRONS.nightlyTraining.name]).toBe(0);
    const [runsTable] = await frames({ queryType: 'cronDrift', source: 'argo', view: 'runs', limit: 500 }, from);
    const column = Object.keys(runsTable.columns).find((name) => /delay/i.test(name))!;
    const delays = runsTable.columns.cron
      .map((cron, i) => ({ cron, delay: runsTable.columns[column][i] as number | null }))
      .filter((r) => r.delay !== null);
    const daily = delays.filter((r) => r.cron === DEMO_CRONS.dailyReport.name);
    expect(daily.length).toBeGreaterThanOrEqual(4);
    expect(daily.every((r) => r.delay! > 10 * 60)).toBe(true);
    expect(delays.filter((r) => r.cron === DEMO_CRONS.hourlyIngest.name).every((r) => r.delay! < 60)).toBe(true);
  });
});

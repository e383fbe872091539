import { decodeSeries, decodeTable, type DecodedTable } from '../../test/decodeFrames';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import type { ArgoHistory } from '../../test/argoServer/workflowHistory';
import type { CronWorkflow } from '../client/argoTypes';
import { CRON_DRIFT_TEXT } from './cronDriftText';
import {
  baseHistory,
  cronDriftFrames,
  expectedTicks,
  finishedMs,
  HOUR,
  DAY,
  runsOf,
  scheduledMs,
  startedMs,
} from './cronDriftTestKit';

/**
 * cronDrift through QueryData against the Argo Server double, every view. The history is generated, then one
 * tick's run is deleted and a cron with a schedule Argo rejects is added. Expected values come from the
 * objects (annotations, names, Date.parse of startedAt/finishedAt) and schedule arithmetic in the test kit.
 * The range ends in the past, so "now" is the range end and every answer is fixed.
 */
let history: ArgoHistory;
let server: ArgoServerHandle;
let FROM: number;
let TO: number;
let removedTick: number;
let crons: CronWorkflow[];

beforeAll(async () => {
  history = baseHistory();
  TO = history.endMs - 2 * HOUR;
  FROM = TO - 46 * HOUR;
  crons = [...history.cronWorkflows];
  removedTick = FROM + 20 * HOUR;
  const victim = runsOf(history, 'nightly-etl').find((run) => scheduledMs(run) === removedTick)!;
  history.workflows = history.workflows.filter((g) => g.workflow !== victim);
  const etl = crons.find((cron) => cron.metadata.name === 'nightly-etl')!;
  history.cronWorkflows.push({
    ...etl,
    metadata: { ...etl.metadata, name: 'broken-etl', uid: '0b7c1a52-5d1e-4c1b-9a57-3f2f0c9d1e01' },
    spec: { ...etl.spec, schedules: ['61 * * * *'] },
    status: undefined,
  });
  server = await startArgoServer({ history });
});

afterAll(() => server.close());

const options = () => ({ url: server.url, fromMs: FROM, toMs: TO });
const namespaceOf = (name: string) => history.cronWorkflows.find((c) => c.metadata.name === name)!.metadata.namespace!;

interface ExpectedTick {
  cron: string;
  namespace: string;
  scheduledMs: number;
  run?: ReturnType<typeof runsOf>[number];
}

/** Every tick of the three generated crons in the range, with its run when there is one. */
function expectedTickRows(): ExpectedTick[] {
  return crons.flatMap((cron) => {
    const name = cron.metadata.name!;
    const runs = runsOf(history, name);
    return expectedTicks(cron, FROM, TO).map((t) => ({
      cron: name,
      namespace: cron.metadata.namespace!,
      scheduledMs: t,
      run: runs.find((run) => scheduledMs(run) === t),
    }));
  });
}

function notices(frame: { meta?: Record<string, unknown> }): Array<{ severity: string; text: string }> {
  return (frame.meta?.notices as Array<{ severity: string; text: string }>) ?? [];
}

describe('the generated history (fixture check)', () => {
  it('has a run for every tick of the range but the removed one', () => {
    const rows = expectedTickRows();
    expect(new Set(rows.map((r) => r.cron))).toEqual(new Set(['nightly-etl', 'hourly-sync', 'model-train']));
    expect(rows.filter((r) => !r.run).map((r) => [r.cron, r.scheduledMs])).toEqual([['nightly-etl', removedTick]]);
    expect(rows.length).toBeGreaterThan(100);
  });
});

describe('cronDrift missed', () => {
  it('answers one number per cron: 1 for the deleted run, 0 for the others; the broken cron answers no value, with why', async () => {
    const frames = (await cronDriftFrames({ view: 'missed' }, options())).map(decodeTable);
    const expected = Object.fromEntries(
      crons.map((cron) => [
        cron.metadata.name!,
        expectedTickRows().filter((r) => r.cron === cron.metadata.name && !r.run).length,
      ])
    );
    expect(expected).toEqual({ 'nightly-etl': 1, 'hourly-sync': 0, 'model-train': 0 });
    // The double is v4.1.2: "61 * * * *" fails validate.go v4.1.2 L448-452 with robfig's "end of range (61)
    // above maximum (59): 61" (parser.go v3.0.1 L308), so broken-etl has no tick to count: null, not 0.
    expect(Object.fromEntries(frames.map((f) => [f.fields[0].labels.cron, f.columns.missed[0]]))).toEqual({
      ...expected,
      'broken-etl': null,
    });
    for (const frame of frames) {
      expect(frame.meta).toMatchObject({ type: 'numeric-multi', typeVersion: [0, 1] });
      expect(frame.rows).toBe(1);
      expect(frame.fields).toHaveLength(1);
      expect(frame.fields[0].labels).toEqual({
        namespace: namespaceOf(frame.fields[0].labels.cron),
        cron: frame.fields[0].labels.cron,
      });
    }
    const broken = frames.find((f) => f.fields[0].labels.cron === 'broken-etl')!;
    expect(broken.meta?.custom).toMatchObject({
      missed: null,
      reason: 'specError',
      argo: 'Argo v4.1.2',
      problem: expect.stringContaining(
        'Argo v4.1.2 rejects the CronWorkflow ("cron schedule 61 * * * * is malformed: end of range (61) above maximum (59): 61")'
      ),
    });
    const all = notices(frames[0]);
    expect(all).toContainEqual({
      severity: 'error',
      text: expect.stringMatching(
        /^CronWorkflow data\/broken-etl: spec\.schedules\[0\] "61 \* \* \* \*": minute field "61": 61 is outside 0-59: Argo v4\.1\.2 rejects the CronWorkflow/
      ),
    });
    expect(all).toContainEqual({ severity: 'warning', text: CRON_DRIFT_TEXT.missedUnknown('data/broken-etl') });
    expect(frames[0].meta?.executedQueryString).toContain('workflows.argoproj.io/cron-workflow');
  });

  it('answers only the crons chosen in filters.crons, listing only their runs', async () => {
    server.resetRequests();
    const frames = (await cronDriftFrames({ view: 'missed', filters: { crons: ['model-train'] } }, options())).map(
      decodeTable
    );
    expect(frames.map((f) => f.fields[0].labels)).toEqual([{ namespace: 'ml', cron: 'model-train' }]);
    const runLists = server.requests.filter((r) => r.apiPath.startsWith('/api/v1/workflows'));
    expect(runLists.length).toBeGreaterThan(0);
    for (const request of runLists) {
      expect(request.query['listOptions.labelSelector']).toBe('workflows.argoproj.io/cron-workflow in (model-train)');
    }
  });
});

describe('cronDrift delay', () => {
  it('answers one series per cron: start − tick in seconds at each tick, null at the missed one', async () => {
    const frames = (await cronDriftFrames({ view: 'delay' }, options())).map(decodeSeries);
    expect(frames.map((f) => f.labels.cron).sort()).toEqual(['hourly-sync', 'model-train', 'nightly-etl']);
    for (const frame of frames) {
      const rows = expectedTickRows().filter((r) => r.cron === frame.labels.cron);
      expect(frame.labels).toEqual({ namespace: rows[0].namespace, cron: rows[0].cron });
      expect(frame.times).toEqual(rows.map((r) => r.scheduledMs));
      expect(frame.values).toEqual(rows.map((r) => (r.run ? (startedMs(r.run) - r.scheduledMs) / 1000 : null)));
      expect(frame.meta).toMatchObject({ type: 'timeseries-multi', typeVersion: [0, 1] });
      expect(frame.times.every((t, i) => i === 0 || t > frame.times[i - 1])).toBe(true);
    }
    expect(frames.find((f) => f.labels.cron === 'nightly-etl')!.values.filter((v) => v === null)).toHaveLength(1);
    expect(notices(frames[0]).some((n) => n.severity === 'error' && n.text.includes('data/broken-etl'))).toBe(true);
  });
});

describe('cronDrift runs', () => {
  function expectedTable() {
    return expectedTickRows().sort(
      (a, b) => b.scheduledMs - a.scheduledMs || `${a.namespace}/${a.cron}`.localeCompare(`${b.namespace}/${b.cron}`)
    );
  }
  const column = (table: DecodedTable, name: string) => table.columns[name];

  it('lists every tick newest first: runs with their times, the deleted one as missed', async () => {
    const [table, ...rest] = (await cronDriftFrames({ view: 'runs', limit: 500 }, options())).map(decodeTable);
    expect(rest).toEqual([]);
    const rows = expectedTable();
    expect(table.rows).toBe(rows.length);
    expect(column(table, 'scheduled')).toEqual(rows.map((r) => r.scheduledMs));
    expect(column(table, 'cron')).toEqual(rows.map((r) => r.cron));
    expect(column(table, 'namespace')).toEqual(rows.map((r) => r.namespace));
    expect(column(table, 'workflow')).toEqual(rows.map((r) => r.run?.metadata.name ?? null));
    expect(column(table, 'started')).toEqual(rows.map((r) => (r.run ? startedMs(r.run) : null)));
    expect(column(table, 'delay')).toEqual(rows.map((r) => (r.run ? (startedMs(r.run) - r.scheduledMs) / 1000 : null)));
    expect(column(table, 'pending')).toEqual(
      rows.map((r) => (r.run ? (startedMs(r.run) - Date.parse(r.run.metadata.creationTimestamp!)) / 1000 : null))
    );
    expect(column(table, 'duration')).toEqual(
      rows.map((r) => (r.run ? (finishedMs(r.run)! - startedMs(r.run)) / 1000 : null))
    );
    expect(column(table, 'phase')).toEqual(rows.map((r) => r.run?.status?.phase ?? null));
    // The generator starts runs 0–2 s after their tick: within the 60 s grace, so on time.
    expect(column(table, 'status')).toEqual(rows.map((r) => (r.run ? 'ran' : 'missed')));
    const missedRow = column(table, 'status').indexOf('missed');
    expect([column(table, 'cron')[missedRow], column(table, 'scheduled')[missedRow]]).toEqual([
      'nightly-etl',
      removedTick,
    ]);
    expect(table.meta).toMatchObject({ type: 'table', preferredVisualisationType: 'table' });
    const link = table.fields.find((f) => f.name === 'workflow')!.config.links as Array<{ url: string }>;
    expect(link[0].url).toBe(`${server.url}/workflows/\${__data.fields.namespace}/\${__value.raw}`);
  });

  it('cuts at limit and says so', async () => {
    const [table] = (await cronDriftFrames({ view: 'runs', limit: 5 }, options())).map(decodeTable);
    const rows = expectedTable();
    expect(column(table, 'workflow')).toEqual(rows.slice(0, 5).map((r) => r.run?.metadata.name ?? null));
    expect(notices(table)).toContainEqual({
      severity: 'info',
      text: `Only the 5 newest of ${rows.length} rows are shown; raise Limit in the query to see older ones.`,
    });
  });
});

describe('cronDrift sinceSuccess', () => {
  it('answers now − the last successful finish per cron; a cron without one answers a lower bound, named', async () => {
    const lookbackDays = 3;
    const windowStart = FROM - lookbackDays * DAY;
    const frames = (await cronDriftFrames({ view: 'sinceSuccess', lookbackDays }, options())).map(decodeTable);
    const expected: Record<string, number> = {};
    for (const cron of crons) {
      const finishes = runsOf(history, cron.metadata.name!)
        .filter((run) => run.status?.phase === 'Succeeded' && startedMs(run) >= windowStart && startedMs(run) <= TO)
        .map((run) => finishedMs(run)!)
        .filter((ms) => ms <= TO);
      expected[cron.metadata.name!] = (TO - Math.max(...finishes)) / 1000;
    }
    const broken = history.cronWorkflows.find((c) => c.metadata.name === 'broken-etl')!;
    expected['broken-etl'] = (TO - Math.max(windowStart, Date.parse(broken.metadata.creationTimestamp!))) / 1000;
    expect(Object.fromEntries(frames.map((f) => [f.fields[0].labels.cron, f.columns.since_success[0]]))).toEqual(
      expected
    );
    for (const frame of frames) {
      expect(frame.meta).toMatchObject({ type: 'numeric-multi', typeVersion: [0, 1] });
      expect(frame.fields[0].config).toMatchObject({ unit: 's' });
    }
    const brokenFrame = frames.find((f) => f.fields[0].labels.cron === 'broken-etl')!;
    expect(brokenFrame.meta?.custom).toMatchObject({ lastSuccess: null, lowerBound: true });
    expect(notices(frames[0])).toContainEqual({
      severity: 'warning',
      text: expect.stringContaining(
        'No successful run since 2026-01-10T12:00:00Z (the time range and the lookback before it) for data/broken-etl'
      ),
    });
  });
});

describe('cronDrift sinceSuccessPeriods', () => {
  it('answers the time since the last success in periods of the cron (the gap between its two latest ticks); none without two ticks', async () => {
    const lookbackDays = 3;
    const frames = (await cronDriftFrames({ view: 'sinceSuccessPeriods', lookbackDays }, options())).map(decodeTable);
    const seconds = Object.fromEntries(
      (await cronDriftFrames({ view: 'sinceSuccess', lookbackDays }, options()))
        .map(decodeTable)
        .map((f) => [f.fields[0].labels.cron, f.columns.since_success[0] as number])
    );
    const got = Object.fromEntries(frames.map((f) => [f.fields[0].labels.cron, f.columns.periods_since_success[0]]));
    const expected: Record<string, number | null> = { 'broken-etl': null };
    for (const cron of crons.filter((c) => c.metadata.name !== 'broken-etl')) {
      const ticks = expectedTicks(cron, FROM, TO + 1);
      const period = (ticks[ticks.length - 1] - ticks[ticks.length - 2]) / 1000;
      expected[cron.metadata.name!] = seconds[cron.metadata.name!] / period;
    }
    expect(got).toEqual(expected);
    for (const frame of frames) {
      expect(frame.meta).toMatchObject({ type: 'numeric-multi', typeVersion: [0, 1] });
      expect(frame.fields[0].labels).toEqual({ namespace: expect.any(String), cron: expect.any(String) });
    }
    const broken = frames.find((f) => f.fields[0].labels.cron === 'broken-etl')!;
    expect(broken.meta?.custom).toMatchObject({ reason: 'noPeriod' });
    expect(notices(frames[0])).toContainEqual({ severity: 'warning', text: expect.stringContaining('data/broken-etl') });
  });
});

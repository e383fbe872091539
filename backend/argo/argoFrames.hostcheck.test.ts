import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { tableFromIPC } from 'apache-arrow';

import { queryData } from '../handlers/queryData';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory, withRunningTail } from '../test/argoServer/workflowHistory';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { liveClock } from './live/liveClock';

/**
 * The answers of the query types read from the Argo Server (against the test double), written to
 * .cache/argo-frames/<case>-<n>.arrow for Grafana's own SDK to decode in the Go host check
 * (hosttest/argo_frames_test.go), which checks each case's dataplane kind. Written on every run (the
 * double's port is in the frames' links), so the host check reads this run's real output.
 */
const OUT = join(__dirname, '..', '..', '.cache', 'argo-frames');
const HOUR = 3_600_000;

const ARGO_CASES: Record<string, { query: object; kind: string; days?: number }> = {
  'argo-durations': { query: { queryType: 'durations', source: 'argo', groupBy: ['namespace'], stats: ['p95', 'count'] }, kind: 'timeseries-multi' },
  'argo-runs': { query: { queryType: 'runs', source: 'argo', limit: 20, baselineDays: 2 }, kind: 'table' },
  'live-table': { query: { queryType: 'live' }, kind: 'table' },
  'live-overrun': { query: { queryType: 'live', view: 'overrun', against: 'estimate' }, kind: 'numeric-multi' },
  'cron-delay': { query: { queryType: 'cronDrift', view: 'delay' }, kind: 'timeseries-multi' },
  'cron-runs': { query: { queryType: 'cronDrift', view: 'runs' }, kind: 'table' },
  'cron-missed': { query: { queryType: 'cronDrift', view: 'missed' }, kind: 'numeric-multi' },
  // Over 40 days the every-minute cron has 57 600 ticks, more than the 50 000 evaluated: null, like the rejected cron.
  'cron-missed-null': { query: { queryType: 'cronDrift', view: 'missed' }, kind: 'numeric-multi', days: 40 },
  'cron-since-success': { query: { queryType: 'cronDrift', view: 'sinceSuccess', lookbackDays: 2 }, kind: 'numeric-multi' },
};

let server: ArgoServerHandle;
let endMs: number;
const wallClock = liveClock.nowMs;

beforeAll(async () => {
  // Two runs still going at the end of the history, with Argo's estimate and progress.
  const history = withRunningTail(generateArgoHistory({ seed: 21, workflows: 300, days: 3 }), 2);
  endMs = history.endMs;
  // A cron Argo rejects and one with more ticks in the range than the cap: their missed value is null.
  const [model] = history.cronWorkflows;
  const cron = (name: string, uid: string, schedule: string) => ({
    ...model,
    metadata: { ...model.metadata, name, uid },
    spec: { ...model.spec, schedules: [schedule] },
    status: undefined,
  });
  history.cronWorkflows.push(
    cron('rejected-cron', 'a0000000-0000-4000-8000-000000000001', '61 * * * *'),
    cron('every-minute-cron', 'a0000000-0000-4000-8000-000000000002', '* * * * *')
  );
  liveClock.nowMs = () => endMs;
  server = await startArgoServer({ history });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  liveClock.nowMs = wallClock;
  await server.close();
});

describe('Argo query frames for the Go host check', () => {
  it.each(Object.keys(ARGO_CASES))('%s answers frames of its kind', async (name) => {
    const { query, kind, days = 1 } = ARGO_CASES[name];
    const range = { fromEpochMS: endMs - days * 24 * HOUR, toEpochMS: endMs };
    const response = await queryData(
      {
        pluginContext: pluginContext({ argo: { url: server.url } }),
        headers: {},
        queries: [{ ...dataQuery('A', query, range), intervalMS: HOUR, maxDataPoints: 1000 }],
      },
      new AbortController().signal
    );
    const answer = response.responses.A;
    expect(answer.error).toBeFalsy();
    expect(answer.frames!.length).toBeGreaterThan(0);
    answer.frames!.forEach((bytes, i) => {
      const meta = JSON.parse(tableFromIPC(bytes).schema.metadata.get('meta') ?? '{}');
      expect(meta.type).toBe(kind);
      writeFileSync(join(OUT, `${name}-${i}.arrow`), bytes);
    });
    // Non-empty answers: the host check validates real series and numbers, not the typed empty frame.
    expect(tableFromIPC(answer.frames![0]).schema.fields.length).toBeGreaterThan(0);
    expect(readdirSync(OUT).filter((file) => file.startsWith(`${name}-`))).toHaveLength(answer.frames!.length);
  });
});

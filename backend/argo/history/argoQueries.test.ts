import { callResource } from '../../handlers/callResource';
import { queryData } from '../../handlers/queryData';
import { decodeSeries, decodeTable } from '../../test/decodeFrames';
import { dataQuery, pluginContext } from '../../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory, type ArgoHistory } from '../../test/argoServer/workflowHistory';

/**
 * durations and runs with source argo, through QueryData, against the Argo Server test double serving a
 * generated history (live and archived runs). Expected values are computed here from the generated
 * Workflow objects with Date.parse, not by the extraction or the aggregation code.
 */
const DAY = 86_400_000;
let server: ArgoServerHandle;
let history: ArgoHistory;
let FROM: number;
let TO: number;

beforeAll(async () => {
  history = generateArgoHistory({ seed: 11, workflows: 240, days: 10 });
  TO = history.endMs;
  FROM = TO - 7 * DAY;
  server = await startArgoServer({ history });
});

afterAll(() => server.close());

interface Expected {
  namespace: string;
  startMs: number;
  durationMs?: number;
  name: string;
  phase?: string;
}

function runsInRange(): Expected[] {
  return history.workflows
    .map(({ workflow }) => ({
      namespace: workflow.metadata.namespace!,
      name: workflow.metadata.name!,
      phase: workflow.status?.phase,
      startMs: Date.parse(workflow.status?.startedAt ?? ''),
      durationMs: workflow.status?.finishedAt ? Date.parse(workflow.status.finishedAt) - Date.parse(workflow.status.startedAt!) : undefined,
    }))
    .filter((run) => run.startMs >= FROM && run.startMs < TO);
}

async function query(json: object, settings: object = {}) {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url: server.url }, ...settings }),
      headers: {},
      queries: [{ ...dataQuery('A', { source: 'argo', ...json }, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: DAY, maxDataPoints: 1000 }],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  if (answer.error) {
    throw new Error(answer.error);
  }
  return answer.frames ?? [];
}

describe('durations from the Argo Server', () => {
  it('counts runs and finds the longest per namespace, exactly', async () => {
    const frames = (await query({ queryType: 'durations', stats: ['count', 'max'], groupBy: ['namespace'], limit: 50 })).map(decodeSeries);
    const runs = runsInRange();
    const namespaces = [...new Set(runs.map((r) => r.namespace))];
    expect(frames).toHaveLength(namespaces.length * 2);
    for (const namespace of namespaces) {
      const mine = runs.filter((r) => r.namespace === namespace);
      const count = frames.find((f) => f.labels.namespace === namespace && f.labels.stat === 'count')!;
      const max = frames.find((f) => f.labels.namespace === namespace && f.labels.stat === 'max')!;
      const byDay = (r: Expected) => Math.floor(r.startMs / DAY) * DAY;
      const days = [...new Set(mine.map(byDay))].sort((a, b) => a - b);
      expect(count.times).toEqual(days);
      expect(count.values).toEqual(days.map((d) => mine.filter((r) => byDay(r) === d && r.durationMs !== undefined).length));
      expect(max.values).toEqual(
        days.map((d) => {
          const values = mine.filter((r) => byDay(r) === d && r.durationMs !== undefined).map((r) => r.durationMs!);
          return values.length ? Math.max(...values) / 1000 : null;
        })
      );
    }
  });

  it('refuses a namespace outside the allow-list', async () => {
    await expect(query({ queryType: 'durations', filters: { namespaces: ['ml'] } }, { namespaces: ['data'] })).rejects.toThrow(
      'filters.namespaces: "ml" not allowed for this datasource; it may read only data'
    );
  });
});

describe('runs from the Argo Server', () => {
  it('lists the newest runs first, with their durations and phases', async () => {
    const [table] = (await query({ queryType: 'runs', limit: 15, baselineDays: 7 })).map(decodeTable);
    const newest = runsInRange()
      .sort((a, b) => b.startMs - a.startMs || a.name.localeCompare(b.name))
      .slice(0, 15);
    expect(table.columns.workflow).toEqual(newest.map((r) => r.name));
    expect(table.columns.start).toEqual(newest.map((r) => r.startMs));
    expect(table.columns.duration).toEqual(newest.map((r) => (r.durationMs === undefined ? null : r.durationMs / 1000)));
    expect(table.columns.phase).toEqual(newest.map((r) => r.phase ?? null));
  });
});

describe('variables from the Argo Server (no Elasticsearch)', () => {
  async function resource(url: string) {
    const response = await callResource(
      { pluginContext: pluginContext({ argo: { url: server.url } }), path: url.split('?')[0], method: 'GET', url, headers: {}, body: Buffer.alloc(0) },
      new AbortController().signal
    );
    return { code: response.code, body: JSON.parse(Buffer.from(response.body).toString()) };
  }

  it('lists cron workflows from the cron list', async () => {
    const names = [...new Set(history.cronWorkflows.map((cron) => cron.metadata.name!))].sort();
    expect(await resource('crons')).toEqual({ code: 200, body: { values: names } });
  });

  it('lists namespaces and label keys found on the runs of the time range', async () => {
    const inRange = history.workflows.filter(({ workflow }) => {
      const start = Date.parse(workflow.status?.startedAt ?? '');
      return start >= FROM && start <= TO;
    });
    const namespaces = [...new Set(inRange.map(({ workflow }) => workflow.metadata.namespace!))].sort();
    expect(await resource(`namespaces?from=${FROM}&to=${TO}`)).toEqual({ code: 200, body: { values: namespaces } });
    const labels = [...new Set(inRange.flatMap(({ workflow }) => Object.keys(workflow.metadata.labels ?? {})))].sort();
    expect(await resource(`labels?from=${FROM}&to=${TO}`)).toEqual({ code: 200, body: { values: labels } });
  });

  it('says that step names need Elasticsearch', async () => {
    const answer = await resource('tasks');
    expect(answer.code).toBe(400);
    expect(answer.body.error).toMatch(/^key: task values \(every run.s steps\) come from Elasticsearch, which this datasource is not set up to read/);
  });
});

import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { LABELS, type Workflow } from '../argo/client/argoTypes';
import { callResource } from '../handlers/callResource';
import { answerFrames } from '../test/answerFrames';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { pluginContext } from '../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { kubeTime } from '../test/argoServer/timeFormat';
import { decodeSeries, decodeTable } from '../test/decodeFrames';
import { FAILURE_REASONS, seededRandom, type HistoryDoc } from '../test/history';

/**
 * progress against the real Elasticsearch node and the Argo Server double. One run fans out to 400
 * shards (some retried once), as Argo's node status holds it while running; the same run is served by
 * the double and, extracted as the collector does, indexed into Elasticsearch next to decoys (the same
 * name in another namespace, another run of the template). Every expectation is computed here from the
 * raw Argo nodes.
 */
const MIN = 60_000;
const FROM = Date.UTC(2026, 10, 3, 10);
const TO = FROM + 3 * 60 * MIN;
const BUCKET = 10 * MIN;
const RUN = 'bench-x7k2p';
const NS = 'ml';
const index = `argoperf-progress-${Date.now()}`;

interface Step {
  name: string;
  phase: string;
  startMs: number;
  endMs?: number;
  message?: string;
  attempt: number;
}

function makeRun(name: string, namespace: string, seed: number, shards: number, runStartMs = FROM - 61 * MIN): { workflow: Workflow; steps: Step[] } {
  const random = seededRandom(seed);
  const template = name.startsWith('bench') ? 'bench' : 'other';
  const steps: Step[] = [];
  const nodes: Record<string, object> = {};
  const root = `${name}`;
  const pod = (id: string, step: Step) => {
    nodes[id] = {
      id,
      name: step.name,
      displayName: step.name.slice(step.name.indexOf('.') + 1),
      type: 'Pod',
      templateName: 'shard',
      phase: step.phase,
      startedAt: kubeTime(step.startMs),
      finishedAt: step.endMs === undefined ? null : kubeTime(step.endMs),
      ...(step.message ? { message: step.message } : {}),
    };
    steps.push(step);
  };
  const drawPhase = (): string => {
    const r = random();
    return r < 0.78 ? 'Succeeded' : r < 0.86 ? 'Failed' : r < 0.9 ? 'Error' : r < 0.96 ? 'Running' : 'Pending';
  };
  const startOf = (i: number) => FROM - 60 * MIN + Math.floor((i / shards) * 230 * MIN) * 1 + Math.floor(random() * 5) * 1000;
  const finish = (step: Step) => {
    if (step.phase !== 'Running' && step.phase !== 'Pending') {
      step.endMs = step.startMs + (30 + Math.floor(random() * 900)) * 1000;
      if (step.phase !== 'Succeeded' && random() < 0.9) {
        step.message = FAILURE_REASONS[Math.floor(random() * FAILURE_REASONS.length)];
      }
    }
    return step;
  };
  for (let i = 0; i < shards; i++) {
    const shardName = `${name}[0].shard(${i}:part-${i})`;
    const startMs = Math.floor(startOf(i) / 1000) * 1000;
    if (i % 10 === 3) {
      // A spot instance went away: the first attempt failed, a second one ran.
      const retryId = `${name}-r${i}`;
      const first = finish({ name: `${shardName}(0)`, phase: 'Failed', startMs, attempt: 0 });
      first.message = 'pod deleted';
      const second = finish({ name: `${shardName}(1)`, phase: drawPhase(), startMs: first.endMs! + 5000, attempt: 1 });
      pod(`${retryId}-0`, first);
      pod(`${retryId}-1`, second);
      nodes[retryId] = { id: retryId, name: shardName, displayName: shardName.slice(shardName.indexOf('.') + 1), type: 'Retry', phase: second.phase, startedAt: kubeTime(startMs), children: [`${retryId}-0`, `${retryId}-1`] };
    } else {
      pod(`${name}-p${i}`, finish({ name: shardName, phase: drawPhase(), startMs, attempt: 0 }));
    }
  }
  nodes[name] = { id: name, name: root, displayName: name, type: 'Steps', phase: 'Running', startedAt: kubeTime(runStartMs), children: Object.keys(nodes) };
  const workflow = {
    metadata: {
      name,
      namespace,
      uid: `uid-${name}-${namespace}`,
      creationTimestamp: kubeTime(runStartMs),
      labels: { [LABELS.phase]: 'Running', [LABELS.completed]: 'false', [LABELS.workflowTemplate]: template },
    },
    spec: { workflowTemplateRef: { name: template } },
    status: { phase: 'Running', startedAt: kubeTime(runStartMs), finishedAt: null, progress: '0/0', nodes },
  } as unknown as Workflow;
  return { workflow, steps };
}

const main = makeRun(RUN, NS, 7, 400);
const decoys = [makeRun(RUN, 'data', 8, 60, FROM - 90 * MIN), makeRun('bench-q2w9z', NS, 9, 60, FROM - 30 * MIN), makeRun('other-a1b2c', NS, 10, 5, FROM - 10 * MIN)];
let server: ArgoServerHandle;

withHistoryIndex(index, () =>
  [main, ...decoys].flatMap(({ workflow }) => {
    const extraction = extractWorkflow(workflow);
    return [extraction.workflow!, ...extraction.nodes] as unknown as HistoryDoc[];
  })
);

beforeAll(async () => {
  server = await startArgoServer({
    history: { workflows: [main, ...decoys].map(({ workflow }) => ({ workflow, storage: 'live' as const, pipeline: 'bench' })), cronWorkflows: [], endMs: TO },
  });
});
afterAll(() => server.close());

async function run(query: object, source: 'elasticsearch' | 'argo') {
  return answerFrames({
    index,
    query: { queryType: 'progress', run: RUN, filters: { namespaces: [NS] }, source, ...query },
    range: { fromEpochMS: FROM, toEpochMS: TO },
    intervalMS: BUCKET,
    settings: { argo: { url: server.url } },
  });
}

const steps = main.steps;
const ofPhase = (phase: string) => steps.filter((s) => s.phase === phase).length;

describe.each(['elasticsearch', 'argo'] as const)('progress of one run from %s', (source) => {
  it('sums up the run now: steps per phase, retries, share done, throughput and the time left at that pace', async () => {
    const [frame] = (await run({ view: 'summary', rateMinutes: 30 }, source)).map(decodeTable);
    expect(frame.meta?.type).toBe('numeric-wide');
    expect(frame.rows).toBe(1);
    const value = (name: string) => frame.columns[name][0];
    const active = ofPhase('Running') + ofPhase('Pending');
    const recent = steps.filter((s) => s.endMs !== undefined && s.endMs >= TO - 30 * MIN && s.endMs < TO).length;
    expect(recent).toBeGreaterThan(10);
    expect(value('total')).toBe(steps.length);
    expect(value('finished')).toBe(steps.length - active);
    expect(value('succeeded')).toBe(ofPhase('Succeeded'));
    expect(value('failed')).toBe(ofPhase('Failed'));
    expect(value('error')).toBe(ofPhase('Error'));
    expect(value('running')).toBe(ofPhase('Running'));
    expect(value('pending')).toBe(ofPhase('Pending'));
    expect(value('retries')).toBe(40);
    expect(value('done')).toBeCloseTo((steps.length - active) / steps.length, 12);
    expect(value('rate')).toBeCloseTo(recent / 30, 12);
    expect(value('remaining')).toBe(active);
    expect(value('eta')).toBeCloseTo(active / (recent / 30 / 60), 6);
    const units = Object.fromEntries(frame.fields.map((f) => [f.name, f.config.unit]));
    expect(units).toMatchObject({ done: 'percentunit', eta: 's', rate: 'suffix: steps/min', running: 'none' });
  });

  it('draws the steps finished per phase over time, as running totals from the run’s first step', async () => {
    const frames = (await run({ view: 'overTime' }, source)).map(decodeSeries);
    const ended = steps.filter((s) => s.endMs !== undefined);
    const times = [...new Set(ended.filter((s) => s.endMs! >= FROM && s.endMs! < TO).map((s) => s.endMs! - (s.endMs! % BUCKET)))].sort((a, b) => a - b);
    expect(frames.map((f) => f.labels.phase)).toEqual(['Succeeded', 'Failed', 'Error']);
    for (const frame of frames) {
      expect(frame.labels.run).toBe(RUN);
      expect(frame.times).toEqual(times);
      expect(frame.values).toEqual(times.map((t) => ended.filter((s) => s.phase === frame.labels.phase && s.endMs! < t + BUCKET).length));
    }
    expect(ended.some((s) => s.endMs! < FROM)).toBe(true);
  });

  it('counts per bucket when not cumulative', async () => {
    const frames = (await run({ view: 'overTime', cumulative: false }, source)).map(decodeSeries);
    const succeeded = frames.find((f) => f.labels.phase === 'Succeeded')!;
    expect(succeeded.values).toEqual(
      succeeded.times.map((t) => steps.filter((s) => s.phase === 'Succeeded' && s.endMs !== undefined && s.endMs >= t && s.endMs < t + BUCKET).length)
    );
  });

  it('groups the failures by message, most frequent first', async () => {
    const [table] = (await run({ view: 'failures', limit: 3 }, source)).map(decodeTable);
    const counts = new Map<string, number>();
    steps.filter((s) => s.phase === 'Failed' || s.phase === 'Error').forEach((s) => counts.set(s.message ?? '(no message)', (counts.get(s.message ?? '(no message)') ?? 0) + 1));
    const ranked = [...counts].sort(([ma, a], [mb, b]) => b - a || ma.localeCompare(mb));
    expect(table.columns.message).toEqual(ranked.slice(0, 3).map(([m]) => m));
    expect(table.columns.failures).toEqual(ranked.slice(0, 3).map(([, n]) => n));
    const left = ranked.slice(3).reduce((sum, [, n]) => sum + n, 0);
    expect(left).toBeGreaterThan(0);
    expect(JSON.stringify(table.meta?.notices)).toContain(`${left} failures with other messages`);
  });
});

describe('progress of a run that is not there', () => {
  it('answers zero steps with a notice from Elasticsearch', async () => {
    const [frame] = (await run({ view: 'summary', run: 'no-such-run' }, 'elasticsearch')).map(decodeTable);
    expect(frame.columns.total).toEqual([0]);
    expect(frame.columns.eta).toEqual([0]);
    expect(JSON.stringify(frame.meta?.notices)).toContain('No steps of run \\"no-such-run\\" in ml');
  });

  it('says the Argo Server has no such run', async () => {
    await expect(run({ view: 'summary', run: 'no-such-run' }, 'argo')).rejects.toThrow(/^run: the Argo Server has no run "no-such-run" in namespace "ml"/);
  });

  it('needs exactly one namespace to read from the Argo Server', async () => {
    await expect(run({ view: 'summary', filters: {} }, 'argo')).rejects.toThrow(/^filters\.namespaces: .*exactly one namespace/);
  });
});

describe('the runs list (a run variable)', () => {
  async function list(query: string, source?: 'argo') {
    const url = `runs?${query}&from=${FROM - 120 * MIN}&to=${TO}${source ? `&source=${source}` : ''}`;
    const response = await callResource(
      {
        pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index }, argo: { url: server.url } }),
        path: 'runs',
        method: 'GET',
        url,
        headers: {},
        body: Buffer.alloc(0),
      },
      new AbortController().signal
    );
    return { code: response.code, body: JSON.parse(Buffer.from(response.body ?? []).toString()) };
  }

  it.each([undefined, 'argo'] as const)('names the runs of a workflow, newest first (source %s)', async (source) => {
    expect(await list(`namespace=${NS}&workflow=bench`, source)).toEqual({ code: 200, body: { values: ['bench-q2w9z', RUN] } });
    expect(await list(`namespace=${NS}`, source)).toEqual({ code: 200, body: { values: ['other-a1b2c', 'bench-q2w9z', RUN] } });
    expect(await list('namespace=data', source)).toEqual({ code: 200, body: { values: [RUN] } });
  });

  it('with level=node, names the runs with the most steps first (a large run variable)', async () => {
    // Step documents per run name, counted from the raw Argo pod nodes of each run made above.
    const steps = (name: string, namespaces: string[]) =>
      [main, ...decoys].filter(({ workflow }) => workflow.metadata.name === name && namespaces.includes(workflow.metadata.namespace!)).reduce((sum, { steps }) => sum + steps.length, 0);
    const largestFirst = (namespaces: string[]) =>
      ['bench-q2w9z', 'other-a1b2c', RUN]
        .filter((name) => steps(name, namespaces) > 0)
        .sort((a, b) => steps(b, namespaces) - steps(a, namespaces) || a.localeCompare(b));
    expect(largestFirst([NS])).not.toEqual(['other-a1b2c', 'bench-q2w9z', RUN]);
    expect(await list(`namespace=${NS}&level=node`)).toEqual({ code: 200, body: { values: largestFirst([NS]) } });
    expect(await list(`namespace=${NS}&namespace=data&level=node`)).toEqual({ code: 200, body: { values: largestFirst([NS, 'data']) } });
    expect(await list(`namespace=${NS}&workflow=bench&level=node`)).toEqual({ code: 200, body: { values: largestFirst([NS]).filter((name) => name.startsWith('bench')) } });
  });

  it('names a bad workflow parameter', async () => {
    expect(await list(`workflow=${'w'.repeat(254)}`)).toEqual({ code: 400, body: { error: expect.stringMatching(/^workflow: /) } });
  });
});

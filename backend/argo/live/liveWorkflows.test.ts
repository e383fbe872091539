import { queryData } from '../../handlers/queryData';
import type { DataResponse } from '../../protocol/messages';
import { decodeTable } from '../../test/decodeFrames';
import { dataQuery, pluginContext } from '../../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { kubeTime } from '../../test/argoServer/timeFormat';
import { generateArgoHistory, type ArgoHistory, type GeneratedWorkflow } from '../../test/argoServer/workflowHistory';
import { LABELS, type Workflow } from '../client/argoTypes';
import { liveClock } from './liveClock';

/**
 * live through QueryData against the Argo Server double. The history is generated, then six workflows
 * are set running (or pending) at its end with start times, estimates and progress chosen here; "now"
 * is that end (liveClock). Expected values are computed here from the objects, the p95 with this file's
 * own interpolation.
 */
const DAY = 86_400_000;
const TOKEN = 'sa-token-LiveQuery-91c3e5a7f2';
const SELECTOR = 'workflows.argoproj.io/phase in (Pending,Running)';
let history: ArgoHistory;
let NOW: number;
let server: ArgoServerHandle;
const wallClock = liveClock.nowMs;

interface Plan {
  /** The generated pipeline the copy is made from. */
  from: string;
  name: string;
  phase: 'Running' | 'Pending';
  /** Seconds since it started (or, without a start, since it was created). */
  ageS: number;
  estimate?: number;
  progress?: string;
  /** Submitted from another WorkflowTemplate than its model (one without any history). */
  template?: string;
  /** Created but not yet started by the controller. */
  notStarted?: boolean;
  /** The phase label says Running, the status says it finished (a stale label). */
  staleLabel?: boolean;
}

const PLANS: Plan[] = [
  { from: 'model-train', name: 'model-train-live-a', phase: 'Running', ageS: 5400, estimate: 3000, progress: '3/7' },
  { from: 'nightly-etl', name: 'nightly-etl-live-b', phase: 'Running', ageS: 600, progress: '1/5' },
  { from: 'build-image', name: 'build-image-live-c', phase: 'Running', ageS: 1200, estimate: 0, progress: '4/9' },
  { from: 'hourly-sync', name: 'hourly-sync-live-d', phase: 'Pending', ageS: 45, estimate: 60, notStarted: true },
  {
    from: 'model-train',
    name: 'fresh-model-live-e',
    phase: 'Running',
    ageS: 100,
    estimate: 90,
    progress: '2/4',
    template: 'fresh-model',
  },
  { from: 'adhoc-debug', name: 'adhoc-debug-lv7x2', phase: 'Running', ageS: 7200, estimate: 1800, progress: '5/6' },
  { from: 'build-image', name: 'build-image-stale', phase: 'Running', ageS: 3000, staleLabel: true },
];

function runningCopy(base: GeneratedWorkflow, plan: Plan, index: number): GeneratedWorkflow {
  const workflow = JSON.parse(JSON.stringify(base.workflow)) as Workflow;
  const startedMs = NOW - plan.ageS * 1000;
  const labels: Record<string, string> = {
    ...workflow.metadata.labels,
    [LABELS.phase]: plan.phase,
    [LABELS.completed]: 'false',
  };
  delete labels[LABELS.archivingStatus];
  if (plan.template) {
    delete labels[LABELS.cronWorkflow];
    labels[LABELS.workflowTemplate] = plan.template;
    workflow.spec = { ...workflow.spec, workflowTemplateRef: { name: plan.template } };
    delete workflow.metadata.ownerReferences;
  }
  workflow.metadata = {
    ...workflow.metadata,
    name: plan.name,
    uid: `5e1f0000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    creationTimestamp: kubeTime(startedMs),
    labels,
  };
  workflow.status = {
    phase: plan.staleLabel ? 'Succeeded' : plan.phase,
    startedAt: plan.notStarted ? null : kubeTime(startedMs),
    finishedAt: plan.staleLabel ? kubeTime(NOW - 100_000) : null,
    ...(plan.estimate === undefined ? {} : { estimatedDuration: plan.estimate }),
    ...(plan.progress === undefined ? {} : { progress: plan.progress }),
  };
  return { workflow, storage: 'live', pipeline: plan.template ?? base.pipeline };
}

beforeAll(async () => {
  history = generateArgoHistory({ seed: 11, workflows: 240, days: 10 });
  NOW = history.endMs;
  PLANS.forEach((plan, i) => {
    const base = history.workflows.filter((g) => g.pipeline === plan.from).at(-1)!;
    history.workflows.push(runningCopy(base, plan, i));
  });
  liveClock.nowMs = () => NOW;
  server = await startArgoServer({ history });
});

afterAll(async () => {
  liveClock.nowMs = wallClock;
  await server.close();
});

async function answer(
  json: object,
  settings: object = {},
  secure: Record<string, string> = {},
  url = server.url
): Promise<DataResponse> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url }, ...settings }, secure),
      headers: {},
      queries: [dataQuery('A', { queryType: 'live', ...json }, { fromEpochMS: NOW - DAY, toEpochMS: NOW })],
    },
    new AbortController().signal
  );
  return response.responses.A;
}

async function frames(json: object, settings: object = {}) {
  const response = await answer(json, settings);
  if (response.error) {
    throw new Error(response.error);
  }
  return (response.frames ?? []).map(decodeTable);
}

/** The p95 of durations in seconds: linear interpolation between the closest ranks. */
function p95Seconds(durationsMs: number[]): number {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const position = 0.95 * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return (sorted[below] + (sorted[above] - sorted[below]) * (position - below)) / 1000;
}

/** Finished runs of a template that started in the last `days` days, as the baseline needs them. */
function baselineOf(namespace: string, template: string, days: number): number | null {
  const durations = history.workflows
    .map((g) => ({ g, started: Date.parse(g.workflow.status?.startedAt ?? '') }))
    .filter(
      ({ g, started }) =>
        g.pipeline === template &&
        g.workflow.metadata.namespace === namespace &&
        g.workflow.status?.finishedAt &&
        started >= NOW - days * DAY &&
        started < NOW
    )
    .map(({ g, started }) => Date.parse(g.workflow.status!.finishedAt!) - started);
  return durations.length >= 5 ? p95Seconds(durations) : null;
}

interface Expected {
  name: string;
  namespace: string;
  template: string;
  phase: string;
  startedMs: number;
  elapsed: number;
  estimate: number | null;
  progress: string | null;
  fraction: number | null;
  p95: number | null;
}

function expectedRunning(days = 7): Expected[] {
  return history.workflows
    .filter((g) => g.storage !== 'archived' && ['Running', 'Pending'].includes(g.workflow.status?.phase ?? ''))
    .map(({ workflow: w, pipeline }) => {
      const startedMs = Date.parse(w.status!.startedAt ?? w.metadata.creationTimestamp!);
      const [done, total] = (w.status!.progress ?? '').split('/').map(Number);
      return {
        name: w.metadata.name!,
        namespace: w.metadata.namespace!,
        template: pipeline,
        phase: w.status!.phase!,
        startedMs,
        elapsed: (NOW - startedMs) / 1000,
        estimate: w.status!.estimatedDuration ? w.status!.estimatedDuration : null,
        progress: w.status!.progress ?? null,
        fraction: total > 0 ? done / total : null,
        p95: baselineOf(w.metadata.namespace!, pipeline, days),
      };
    })
    .sort((a, b) => b.elapsed - a.elapsed);
}

const closeTo = (expected: Array<number | null>) => expected.map((v) => (v === null ? null : expect.closeTo(v, 9)));

describe('live: the table', () => {
  it('lists the running and pending workflows longest-running first, with elapsed, estimate, progress and both overruns', async () => {
    server.resetRequests();
    const [table] = await frames({ view: 'table' });
    const expected = expectedRunning();
    // Exactly the workflows set running above; the stale-labelled finished one is not among them.
    expect(expected.map((e) => e.name)).toEqual([
      'adhoc-debug-lv7x2',
      'model-train-live-a',
      'build-image-live-c',
      'nightly-etl-live-b',
      'fresh-model-live-e',
      'hourly-sync-live-d',
    ]);
    expect(table.meta?.type).toBe('table');
    expect(table.columns.workflow).toEqual(expected.map((e) => e.name));
    expect(table.columns.namespace).toEqual(expected.map((e) => e.namespace));
    expect(table.columns.template).toEqual(expected.map((e) => e.template));
    expect(table.columns.phase).toEqual(expected.map((e) => e.phase));
    expect(table.columns.started).toEqual(expected.map((e) => e.startedMs));
    expect(table.columns.elapsed).toEqual(expected.map((e) => e.elapsed));
    expect(table.columns.estimate).toEqual(expected.map((e) => e.estimate));
    expect(table.columns.progress).toEqual(expected.map((e) => e.progress));
    expect(table.columns.progress_fraction).toEqual(closeTo(expected.map((e) => e.fraction)));
    expect(table.columns.vs_estimate).toEqual(
      closeTo(expected.map((e) => (e.estimate ? e.elapsed / e.estimate : null)))
    );
    expect(table.columns.p95).toEqual(closeTo(expected.map((e) => e.p95)));
    expect(table.columns.vs_p95).toEqual(closeTo(expected.map((e) => (e.p95 ? e.elapsed / e.p95 : null))));
    // The values the plans chose, spelled out for the first rows.
    expect(table.columns.elapsed.slice(0, 3)).toEqual([7200, 5400, 1200]);
    expect(table.columns.vs_estimate.slice(0, 3)).toEqual([4, 1.8, null]);
    expect(table.columns.progress_fraction[0]).toBeCloseTo(5 / 6, 12);
    expect(expected.filter((e) => e.p95 !== null).map((e) => e.name)).toHaveLength(5);

    const link = table.fields.find((f) => f.name === 'workflow')!.config.links as Array<{ url: string }>;
    expect(link[0].url).toBe(`${server.url}/workflows/\${__data.fields.namespace}/\${__value.raw}`);
    expect(JSON.stringify(table.meta?.notices)).toContain(
      'No p95 to compare with: 1 workflow template has fewer than 5 finished runs in the last 7 days: ml/fresh-model (0 runs)'
    );
    // The server was asked for active workflows only.
    const lists = server.requests.filter(
      (r) => r.apiPath === '/api/v1/workflows/' && !r.query['listOptions.fieldSelector']?.includes('spec.startedAt')
    );
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => r.query['listOptions.labelSelector'] === SELECTOR)).toBe(true);
  });

  it('a shorter baseline changes the p95', async () => {
    const [table] = await frames({ view: 'table', baselineDays: 2 });
    const expected = expectedRunning(2);
    expect(table.columns.p95).toEqual(closeTo(expected.map((e) => e.p95)));
    expect(expected.map((e) => e.p95)).not.toEqual(expectedRunning(7).map((e) => e.p95));
  });

  it('cuts at the limit with a notice', async () => {
    const [table] = await frames({ view: 'table', limit: 2 });
    expect(table.columns.workflow).toEqual(['adhoc-debug-lv7x2', 'model-train-live-a']);
    expect(JSON.stringify(table.meta?.notices)).toContain(
      'Only the 2 longest-running of 6 running workflows are shown'
    );
  });

  it('applies the namespace, template and ad hoc filters', async () => {
    const [ml] = await frames({ filters: { namespaces: ['ml'] } });
    expect(ml.columns.workflow).toEqual(['model-train-live-a', 'fresh-model-live-e']);
    const [platform] = await frames({ filters: { adhoc: [{ key: 'label:team', operator: '=', value: 'platform' }] } });
    expect(platform.columns.workflow).toEqual(
      expectedRunning()
        .filter((e) => ['build-image', 'hourly-sync'].includes(e.template))
        .map((e) => e.name)
    );
    expect(platform.columns.workflow).toEqual(['build-image-live-c', 'hourly-sync-live-d']);
    const [template] = await frames({ filters: { templates: ['nightly-etl'], phases: ['Running'] } });
    expect(template.columns.workflow).toEqual(['nightly-etl-live-b']);
  });
});

describe('live: overrun numbers for alerting', () => {
  it('against the estimate: one numeric-multi frame per workflow with an estimate; the others are named', async () => {
    const answered = await frames({ view: 'overrun', against: 'estimate' });
    const expected = expectedRunning().filter((e) => e.estimate !== null);
    expect(answered).toHaveLength(expected.length);
    answered.forEach((frame, i) => {
      expect(frame.meta).toMatchObject({ type: 'numeric-multi', typeVersion: [0, 1] });
      expect(frame.rows).toBe(1);
      expect(frame.fields).toHaveLength(1);
      expect(frame.fields[0].labels).toEqual({
        namespace: expected[i].namespace,
        workflow: expected[i].name,
        template: expected[i].template,
        against: 'estimate',
      });
      expect(frame.columns.overrun[0]).toBeCloseTo(expected[i].elapsed / expected[i].estimate!, 12);
    });
    expect(answered.map((f) => f.columns.overrun[0])).toEqual(closeTo([7200 / 1800, 5400 / 3000, 100 / 90, 45 / 60]));
    expect(JSON.stringify(answered[0].meta?.notices)).toContain(
      '2 running workflows have no estimated duration from Argo'
    );
    expect(JSON.stringify(answered[0].meta?.notices)).toContain('argo/build-image-live-c, data/nightly-etl-live-b');
  });

  it('against the p95: templates with too few runs are left out and named', async () => {
    const answered = await frames({ view: 'overrun', against: 'p95', baselineDays: 7 });
    const expected = expectedRunning().filter((e) => e.p95 !== null);
    expect(answered.map((f) => f.fields[0].labels.workflow)).toEqual(expected.map((e) => e.name));
    answered.forEach((frame, i) => {
      expect(frame.fields[0].labels.against).toBe('p95');
      expect(frame.columns.overrun[0]).toBeCloseTo(expected[i].elapsed / expected[i].p95!, 9);
    });
    expect(JSON.stringify(answered[0].meta?.notices)).toContain(
      '1 running workflow has no p95: their workflow template has fewer than 5 finished runs in the last 7 days, so no overrun ratio: ml/fresh-model-live-e.'
    );
  });

  it('no running workflow: the typed empty numeric-multi frame, and no baseline is read', async () => {
    server.resetRequests();
    const answered = await frames({
      view: 'overrun',
      against: 'p95',
      filters: { adhoc: [{ key: 'label:team', operator: '=', value: 'nobody' }] },
    });
    expect(answered).toHaveLength(1);
    expect(answered[0].fields).toHaveLength(0);
    expect(answered[0].meta).toMatchObject({ type: 'numeric-multi', typeVersion: [0, 1] });
    expect(server.requests.some((r) => r.query['listOptions.fieldSelector']?.includes('spec.startedAt'))).toBe(false);
  });
});

describe('live: access', () => {
  it('refuses a namespace outside the allow-list, and reads only allowed namespaces otherwise', async () => {
    const refused = await answer({ filters: { namespaces: ['ml'] } }, { namespaces: ['data'] });
    expect(refused.error).toBe('filters.namespaces: "ml" not allowed for this datasource; it may read only data');
    expect(refused.status).toBe(403);

    server.resetRequests();
    const response = await answer({}, { namespaces: ['data'] });
    const [table] = (response.frames ?? []).map(decodeTable);
    expect(table.columns.workflow).toEqual(['adhoc-debug-lv7x2', 'nightly-etl-live-b']);
    const workflowLists = server.requests.filter((r) => r.apiPath.startsWith('/api/v1/workflows'));
    expect(workflowLists.length).toBeGreaterThan(0);
    expect(workflowLists.every((r) => r.apiPath === '/api/v1/workflows/data')).toBe(true);
  });

  it('refuses a steps filter with a message naming the field', async () => {
    const response = await answer({ filters: { tasks: ['train'] } });
    expect(response.error).toBe('filters.tasks: live lists whole workflows, not their steps; remove the Steps filter');
  });

  it('a 403 from the Argo Server is a clear per-query error without the token', async () => {
    const guarded = await startArgoServer({
      history,
      auth: { mode: 'client', tokens: { [TOKEN]: { name: 'reader', namespaces: ['data'] } } },
    });
    try {
      const allowed = await answer({ filters: { namespaces: ['data'] } }, {}, { argoToken: TOKEN }, guarded.url);
      expect(allowed.error).toBeUndefined();
      const denied = await answer({ filters: { namespaces: ['ml'] } }, {}, { argoToken: TOKEN }, guarded.url);
      expect(denied.status).toBe(403);
      expect(denied.errorSource).toBe('downstream');
      expect(denied.error).toContain(
        'the Argo Server denied access (403 Forbidden) to list workflows in namespace "ml"'
      );
      expect(denied.error).not.toContain(TOKEN);
      expect(denied.frames ?? []).toHaveLength(0);
    } finally {
      await guarded.close();
    }
  });
});

import { extractWorkflow } from './extractWorkflow';
import { MAX_PROBLEMS } from './problems';
import { mappingViolations } from './templateConformance';
import { corpusWorkflow, corpusWorkflows } from './testCorpus';

/** Objects that are not what Argo sends: never a throw, always a problem that names the field. */
type Json = Record<string, any>;

const RUN = 'dag-disable-fail-fast_L1_dag-disable-fail-fast-r6xdc.json';
const POD_C0 = 'dag-disable-fail-fast-r6xdc-3256495944';

function run(): Json {
  return corpusWorkflow(RUN);
}

function violations(result: ReturnType<typeof extractWorkflow>): string[] {
  return [...(result.workflow ? [result.workflow] : []), ...result.nodes].flatMap(mappingViolations);
}

function expectConforming(result: ReturnType<typeof extractWorkflow>): void {
  expect(violations(result)).toEqual([]);
}

describe('not a workflow at all', () => {
  it.each([
    [null, 'workflow: null is not an object'],
    [undefined, 'workflow: missing is not an object'],
    ['abc', 'workflow: "abc" is not an object'],
    [42, 'workflow: 42 is not an object'],
    [[1], 'workflow: [1] is not an object'],
  ])('%p', (input, problem) => {
    expect(extractWorkflow(input)).toEqual({ workflow: undefined, nodes: [], problems: [problem] });
  });

  it('{}', () => {
    expect(extractWorkflow({})).toEqual({ workflow: undefined, nodes: [], problems: ['metadata: missing', 'metadata.name: missing'] });
  });

  it('a name of the wrong type', () => {
    expect(extractWorkflow({ metadata: { name: 7 } }).problems).toEqual(['metadata.name: 7 is not a string']);
  });
});

describe('missing parts', () => {
  it('no status: a Pending run placed at its creation time', () => {
    const result = extractWorkflow({ metadata: { name: 'a-x2b4c', namespace: 'ml', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z' } });
    expect(result.problems).toEqual(['status: missing']);
    expect(result.workflow).toEqual({
      doc_kind: 'workflow',
      '@timestamp': '2024-01-01T00:00:00Z',
      phase: 'Pending',
      namespace: 'ml',
      workflow: { name: 'a-x2b4c', uid: 'u1', template: 'a' },
    });
  });

  it('no status and no creation time: no workflow document', () => {
    const result = extractWorkflow({ metadata: { name: 'a', namespace: 'ml', uid: 'u1' }, status: {} });
    expect(result.workflow).toBeUndefined();
    expect(result.problems).toEqual(['status.startedAt: missing, and no creationTimestamp or node start stands in: no workflow document']);
  });

  it('a Retry node whose attempts are cut off, and an attempt whose Retry node is cut off', () => {
    const wf = run();
    delete wf.status.nodes[POD_C0]; // listed by Retry C, gone
    delete wf.status.nodes['dag-disable-fail-fast-r6xdc-3961991537']; // Retry C itself, gone
    wf.status.nodes['dag-disable-fail-fast-r6xdc-3457680277'].nodeFlag = { retried: true };
    const result = extractWorkflow(wf);
    expect(result.nodes.find((doc) => doc.node.name.endsWith('C(1)'))!.node).toMatchObject({ display_name: 'C', retry_attempt: 1 });
  });
});

describe('fields of the wrong type', () => {
  it('names each bad node field and keeps the rest of the node', () => {
    const wf = run();
    const nodes = wf.status.nodes;
    nodes[POD_C0].startedAt = 'abc';
    nodes['dag-disable-fail-fast-r6xdc-3457680277'].finishedAt = 12345;
    nodes['dag-disable-fail-fast-r6xdc-3928436299'].phase = 5;
    nodes['dag-disable-fail-fast-r6xdc-3978769156'].resourcesDuration = { cpu: 'x', memory: -1 };
    nodes['dag-disable-fail-fast-r6xdc-3995546775'].inputs = { parameters: { a: 1 } };
    nodes['dag-disable-fail-fast-r6xdc-4286504589'].type = undefined;
    nodes.extra = 'oops';
    const result = extractWorkflow(wf);
    expect(result.problems).toEqual([
      `status.nodes["${POD_C0}"].startedAt: "abc" is not a time`,
      'status.nodes["dag-disable-fail-fast-r6xdc-3457680277"].finishedAt: 12345 is not a time',
      'status.nodes["dag-disable-fail-fast-r6xdc-3928436299"].phase: 5 is not a phase',
      'status.nodes["dag-disable-fail-fast-r6xdc-3978769156"].resourcesDuration.cpu: "x" is not a number of seconds',
      'status.nodes["dag-disable-fail-fast-r6xdc-3978769156"].resourcesDuration.memory: -1 is not a number of seconds',
      'status.nodes["dag-disable-fail-fast-r6xdc-3995546775"].inputs.parameters: {"a":1} is not a list',
      'status.nodes["dag-disable-fail-fast-r6xdc-4286504589"].type: missing is not a node type',
      'status.nodes["extra"]: "oops" is not a node',
    ]);
    const names = result.nodes.map((doc) => doc.node.name.split('.')[1]);
    expect(names.sort()).toEqual(['A', 'C(1)', 'D', 'E']); // C(0): no start; B(0): no type
    const c1 = result.nodes.find((doc) => doc.node.name.endsWith('C(1)'))!;
    expect(c1.end).toBeUndefined();
    expect(c1.phase).toBe('Failed');
    expect(result.nodes.find((doc) => doc.node.name.endsWith('.A'))!.phase).toBeUndefined(); // 5 is no phase; finished, so not Running
    expectConforming(result);
  });

  it('names each bad workflow field', () => {
    const wf = run();
    wf.metadata.labels = { team: 5, ok: 'yes' };
    wf.metadata.annotations = { 'workflows.argoproj.io/scheduled-time': 'yesterday' };
    wf.spec.arguments = { parameters: [{ name: 'n', value: 3 }, { value: 'x' }, { name: 'o', value: { a: 1 } }] };
    wf.status.phase = ['Failed'];
    wf.status.resourcesDuration = 'lots';
    wf.status.finishedAt = '2019-06-26T09:11:00Z';
    const result = extractWorkflow(wf, { collectedAt: new Date('nope') });
    expect(result.problems).toEqual([
      'options.collectedAt: null is not a valid Date',
      'metadata.labels["team"]: 5 is not a string',
      'status.finishedAt: "2019-06-26T09:11:00Z" is before startedAt (58 s)',
      'status.phase: ["Failed"] is not a phase',
      'status.resourcesDuration: "lots" is not an object',
      'spec.arguments.parameters[1].name: missing is not a parameter name',
      'spec.arguments.parameters[2].value: {"a":1} is not a string',
      'metadata.annotations["workflows.argoproj.io/scheduled-time"]: "yesterday" is not a time',
    ]);
    expect(result.workflow).toMatchObject({ phase: 'Running', labels: { ok: 'yes' }, parameters: { n: '3' } });
    expect(result.workflow!.end).toBeUndefined();
    expect(result.workflow!.duration_ms).toBeUndefined();
    expectConforming(result);
  });

  it('reads times with offsets and fractions, and refuses what is not RFC 3339', () => {
    const wf = run();
    wf.metadata.annotations = { 'workflows.argoproj.io/scheduled-time': '2019-06-26T01:11:00-08:00' };
    wf.status.startedAt = '2019-06-26T10:11:58.250+01:00';
    const nodes = wf.status.nodes;
    nodes[POD_C0].startedAt = 'June 26 2019 09:12:03';
    nodes['dag-disable-fail-fast-r6xdc-3457680277'].startedAt = '2019-02-29T09:12:09Z';
    const result = extractWorkflow(wf);
    expect(result.workflow).toMatchObject({ '@timestamp': '2019-06-26T09:11:58.250Z', duration_ms: 47_750, scheduled_at: '2019-06-26T09:11:00Z' });
    expect(result.problems).toEqual([
      `status.nodes["${POD_C0}"].startedAt: "June 26 2019 09:12:03" is not a time`,
      'status.nodes["dag-disable-fail-fast-r6xdc-3457680277"].startedAt: "2019-02-29T09:12:09Z" is not a time',
    ]);
  });

  it('keeps the problem list short for a badly broken object', () => {
    const nodes = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`n${i}`, { type: 'Pod', name: `n${i}`, startedAt: 'x' }]));
    const result = extractWorkflow({ metadata: { name: 'w', namespace: 'n', uid: 'u' }, status: { startedAt: '2024-01-01T00:00:00Z', nodes } });
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(result.problems[MAX_PROBLEMS]).toBe(`... and ${200 - MAX_PROBLEMS} more problems`);
  });
});

/** The object as a JSON text cut after `budget` values would give, had its reader closed what was open. */
function prefix(value: unknown, budget: { left: number }): unknown {
  if (value === null || typeof value !== 'object') {
    budget.left--;
    return value;
  }
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  const out: Json = Array.isArray(value) ? [] : {};
  for (const [key, inner] of entries) {
    if (budget.left <= 0) {
      break;
    }
    out[key] = prefix(inner, budget);
  }
  return out;
}

function leafCount(value: unknown): number {
  return value === null || typeof value !== 'object' ? 1 : Object.values(value).reduce((sum: number, inner) => sum + leafCount(inner), 0);
}

/** Every path to a value inside `value`, as lists of keys. */
function paths(value: unknown, at: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') {
    return [at];
  }
  return [at, ...Object.entries(value).flatMap(([key, inner]) => paths(inner, [...at, key]))];
}

describe('every real object, damaged', () => {
  it.each(corpusWorkflows().map(({ file, object }) => [file, object]))('%s cut short anywhere', (_file, object) => {
    const total = leafCount(object);
    const found: string[] = [];
    for (let budget = 0; budget <= total; budget += Math.max(1, Math.floor(total / 60))) {
      const result = extractWorkflow(prefix(object, { left: budget }));
      found.push(...violations(result));
      for (const doc of [...(result.workflow ? [result.workflow] : []), ...result.nodes]) {
        if (doc.duration_ms !== undefined && doc.duration_ms !== Date.parse(doc.end!) - Date.parse(doc['@timestamp'])) {
          found.push(`budget ${budget}: duration_ms ${doc.duration_ms} is not end − @timestamp`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it.each(['operator_test_L10603_hr-retry-replication.json', 'gc_controller_test_L115_workflow-template-hello-world-k4d26.json'])('%s with any one value replaced by one of another type', (file) => {
    const object = corpusWorkflow(file);
    // The spec's templates are never read; its arguments and template reference are.
    const read = paths(object).filter((path) => path.length > 0 && (path[0] !== 'spec' || ['arguments', 'workflowTemplateRef'].includes(path[1])));
    const found: string[] = [];
    for (const path of read) {
      const parent = path.slice(0, -1).reduce((inner: Json, key) => inner[key], object);
      const key = path[path.length - 1];
      const original = parent[key];
      for (const replacement of [null, 'abc', -1, true, [], {}]) {
        parent[key] = replacement;
        found.push(...violations(extractWorkflow(object)).map((violation) => `${path.join('.')} = ${JSON.stringify(replacement)}: ${violation}`));
      }
      parent[key] = original;
    }
    expect(found).toEqual([]);
  });
});

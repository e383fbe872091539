import type { NodeDocument } from './documents';
import { extractWorkflow } from './extractWorkflow';
import { mappingViolations } from './templateConformance';
import { corpusWorkflow } from './testCorpus';

/**
 * The metrics convention on a real run (dag-disable-fail-fast-r6xdc, a failed DAG) with output
 * parameters added by hand. Node finishes, read from the JSON file: A 09:12:02, B(0) 09:12:36,
 * D 09:12:41, E 09:12:45 (all Succeeded); C(0) and C(1) Failed; B and C are Retry parents (no document).
 */
type Json = Record<string, any>;

const FILE = 'dag-disable-fail-fast_L1_dag-disable-fail-fast-r6xdc.json';
const ID = {
  A: 'dag-disable-fail-fast-r6xdc-3928436299',
  B0: 'dag-disable-fail-fast-r6xdc-4286504589',
  B: 'dag-disable-fail-fast-r6xdc-3945213918',
  C1: 'dag-disable-fail-fast-r6xdc-3457680277',
  D: 'dag-disable-fail-fast-r6xdc-3978769156',
  E: 'dag-disable-fail-fast-r6xdc-3995546775',
};

type Parameter = { name: string; value?: unknown };

function withOutputs(outputs: Partial<Record<keyof typeof ID, Parameter[]>>, global?: Parameter[]): Json {
  const wf = corpusWorkflow(FILE) as Json;
  for (const [key, parameters] of Object.entries(outputs)) {
    wf.status.nodes[ID[key as keyof typeof ID]].outputs = { parameters, exitCode: '0' };
  }
  if (global !== undefined) {
    wf.status.outputs = { parameters: global };
  }
  return wf;
}

function byTask(nodes: NodeDocument[]): Record<string, NodeDocument> {
  return Object.fromEntries(nodes.map((doc) => [doc.node.name.replace('dag-disable-fail-fast-r6xdc.', ''), doc]));
}

describe('a node’s metric-<name> output parameters', () => {
  it('become numbers under metrics, with - and . in the name turned into _', () => {
    const wf = withOutputs({
      A: [
        { name: 'metric-images_processed', value: '1200' },
        { name: 'metric-val.accuracy', value: '0.912' },
        { name: 'metric-loss-value', value: ' 0.25\n' },
        { name: 'metric-Delta', value: '-3.5e2' },
        { name: 'metric-yaml_number', value: 42 },
        { name: 'num', value: 'not a metric, not a problem' },
        { name: 'metric-not-produced' },
      ],
    });
    const { nodes, problems } = extractWorkflow(wf);
    expect(problems).toEqual([]);
    expect(byTask(nodes).A.metrics).toEqual({ images_processed: 1200, val_accuracy: 0.912, loss_value: 0.25, Delta: -350, yaml_number: 42 });
    expect(byTask(nodes).D.metrics).toBeUndefined();
  });

  it('leaves out values that are not finite numbers, and names node and parameter in a problem', () => {
    const values: unknown[] = ['n/a', '', '0x10', 'Infinity', '1e400', '1,234', 'NaN', true, { count: 1 }];
    const wf = withOutputs({ E: [...values.map((value, i) => ({ name: `metric-bad${i}`, value })), { name: 'metric-good', value: '7' }] });
    const { nodes, problems } = extractWorkflow(wf);
    expect(byTask(nodes).E.metrics).toEqual({ good: 7 });
    const at = (i: number) => `status.nodes["${ID.E}"].outputs.parameters["metric-bad${i}"].value`;
    expect(problems).toEqual([
      `${at(0)}: "n/a" is not a finite number, so metrics.bad0 is left out`,
      `${at(1)}: "" is not a finite number, so metrics.bad1 is left out`,
      `${at(2)}: "0x10" is not a finite number, so metrics.bad2 is left out`,
      `${at(3)}: "Infinity" is not a finite number, so metrics.bad3 is left out`,
      `${at(4)}: "1e400" is not a finite number, so metrics.bad4 is left out`,
      `${at(5)}: "1,234" is not a finite number, so metrics.bad5 is left out`,
      `${at(6)}: "NaN" is not a finite number, so metrics.bad6 is left out`,
      `${at(7)}: true is not a finite number, so metrics.bad7 is left out`,
      `${at(8)}: {"count":1} is not a finite number, so metrics.bad8 is left out`,
    ]);
  });

  it('leaves out names with other characters, empty names, and a second parameter for the same name', () => {
    const wf = withOutputs({
      A: [
        { name: 'metric-', value: '1' },
        { name: 'metric-images processed', value: '2' },
        { name: 'metric-größe', value: '3' },
        { name: 'metric-__proto__', value: '4' },
        { name: 'metric-a-b', value: '5' },
        { name: 'metric-a.b', value: '6' },
      ],
    });
    const { nodes, problems } = extractWorkflow(wf);
    expect(byTask(nodes).A.metrics).toEqual({ a_b: 5 });
    const at = (name: string) => `status.nodes["${ID.A}"].outputs.parameters["${name}"]`;
    const badName = 'is not a metric name: after "metric-" use letters, digits, _, - or .; left out';
    expect(problems).toEqual([
      `${at('metric-')}: ${badName}`,
      `${at('metric-images processed')}: ${badName}`,
      `${at('metric-größe')}: ${badName}`,
      `${at('metric-__proto__')}: ${badName}`,
      `${at('metric-a.b')}: metrics.a_b was already set by an earlier parameter; this one is left out`,
    ]);
  });

  it('says so when outputs.parameters is not a list', () => {
    const wf = corpusWorkflow(FILE) as Json;
    wf.status.nodes[ID.D].outputs = { parameters: 'metric-x=1' };
    expect(extractWorkflow(wf).problems).toEqual([`status.nodes["${ID.D}"].outputs.parameters: "metric-x=1" is not a list`]);
  });
});

describe('the run’s metrics', () => {
  const nodeOutputs = {
    A: [{ name: 'metric-images_processed', value: '1200' }],
    E: [{ name: 'metric-images_processed', value: '1500' }],
    D: [{ name: 'metric-rows', value: '7' }],
    // A failed attempt and a Retry parent (no document) do not speak for the run.
    C1: [
      { name: 'metric-images_processed', value: '99' },
      { name: 'metric-partial', value: '1' },
    ],
    B: [{ name: 'metric-retried', value: '5' }],
    B0: [{ name: 'metric-accuracy', value: '0.5' }],
  };

  it('without global outputs: per name, the Succeeded node that finished last', () => {
    const { workflow, nodes, problems } = extractWorkflow(withOutputs(nodeOutputs));
    expect(problems).toEqual([]);
    // E (09:12:45) finished after A (09:12:02); D and B(0) are the only ones with rows and accuracy.
    expect(workflow!.metrics).toEqual({ images_processed: 1500, rows: 7, accuracy: 0.5 });
    expect(byTask(nodes)['C(1)'].metrics).toEqual({ images_processed: 99, partial: 1 });
    expect(nodes.some((doc) => doc.metrics?.retried !== undefined)).toBe(false);
  });

  it('the same finish time: the later node in status.nodes wins', () => {
    const wf = withOutputs({ A: [{ name: 'metric-n', value: '1' }], D: [{ name: 'metric-n', value: '2' }] });
    wf.status.nodes[ID.A].finishedAt = '2019-06-26T09:12:41Z'; // D's finish; D comes after A in the file
    expect(extractWorkflow(wf).workflow!.metrics).toEqual({ n: 2 });
  });

  it('compares finishes with fractions of a second by time, not as text', () => {
    const wf = withOutputs({ A: [{ name: 'metric-n', value: '1' }], E: [{ name: 'metric-n', value: '2' }] });
    wf.status.nodes[ID.A].finishedAt = '2019-06-26T09:12:45.500Z'; // half a second after E (09:12:45)
    expect(extractWorkflow(wf).workflow!.metrics).toEqual({ n: 1 });
  });

  it('global outputs (status.outputs.parameters) win; names they lack still come from the nodes', () => {
    const global = [
      { name: 'metric-images_processed', value: '2000' },
      { name: 'metric-f1-score', value: '0.8' },
      { name: 'message', value: 'not a metric' },
      { name: 'metric-broken', value: 'lots' },
    ];
    const { workflow, nodes, problems } = extractWorkflow(withOutputs(nodeOutputs, global));
    expect(workflow!.metrics).toEqual({ images_processed: 2000, f1_score: 0.8, rows: 7, accuracy: 0.5 });
    expect(byTask(nodes).E.metrics).toEqual({ images_processed: 1500 });
    expect(problems).toEqual(['status.outputs.parameters["metric-broken"].value: "lots" is not a finite number, so metrics.broken is left out']);
  });

  it('none at all: no metrics field', () => {
    const { workflow, nodes } = extractWorkflow(withOutputs({ C1: [{ name: 'metric-x', value: '1' }] }));
    expect(workflow).not.toHaveProperty('metrics');
    expect(nodes.filter((doc) => 'metrics' in doc).map((doc) => doc.node.name)).toEqual(['dag-disable-fail-fast-r6xdc.C(1)']);
  });

  it('keeps the model’s field order: metrics just before collected_at', () => {
    const { workflow, nodes } = extractWorkflow(withOutputs(nodeOutputs), { collectedAt: new Date('2019-06-26T09:13:00Z') });
    expect(Object.keys(workflow!).slice(-2)).toEqual(['metrics', 'collected_at']);
    expect(Object.keys(byTask(nodes).A).slice(-2)).toEqual(['metrics', 'collected_at']);
  });

  it('gives documents the index template takes, and does not write to the object it reads', () => {
    const wf = withOutputs(nodeOutputs, [{ name: 'metric-f1-score', value: '0.8' }]);
    const before = JSON.stringify(wf);
    const { workflow, nodes } = extractWorkflow(wf, { collectedAt: new Date('2019-06-26T09:13:00Z') });
    expect([workflow!, ...nodes].flatMap(mappingViolations)).toEqual([]);
    expect(JSON.stringify(wf)).toBe(before);
    // metrics of different documents are separate objects
    workflow!.metrics!.rows = 0;
    expect(byTask(nodes).D.metrics).toEqual({ rows: 7 });
  });
});

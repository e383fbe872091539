import { readFileSync } from 'fs';
import path from 'path';

import type { JsonObject } from '../argo/extract/argoFields';
import { JOIN_AT, stepLinks } from './stepGraph';

const FIXTURES = path.join(__dirname, '../test/fixtures/argo/workflows');

function fixture(file: string): { name: string; nodes: JsonObject } {
  const workflow = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
  return { name: workflow.metadata.name, nodes: workflow.status.nodes };
}

/** The links by node name (shorter to read than ids), `after` as names. */
function byName(file: string) {
  const { name, nodes } = fixture(file);
  const nameOf = (id: string) => (nodes[id] as { name: string }).name.slice(name.length);
  const links = stepLinks(nodes, name);
  return Object.fromEntries([...links].map(([id, link]) => [nameOf(id), { after: link.after.map(nameOf).sort(), group: link.group }]));
}

describe('stepLinks from real workflow objects (expected values read off the objects by hand)', () => {
  it('a DAG with a loop of retried tasks: each attempt after the previous one, the join after every last attempt', () => {
    const links = byName('operator_test_L10603_hr-retry-replication.json');
    expect(links).toEqual({
      '.Create-Json-List': { after: [], group: 'hr-retry-replication' },
      '.Retry-And-Loop(0:Id:1)(0)': { after: ['.Create-Json-List'], group: 'hr-retry-replication' },
      '.Retry-And-Loop(0:Id:1)(1)': { after: ['.Retry-And-Loop(0:Id:1)(0)'], group: 'hr-retry-replication' },
      '.Retry-And-Loop(1:Id:2)(0)': { after: ['.Create-Json-List'], group: 'hr-retry-replication' },
      '.Retry-And-Loop(1:Id:2)(1)': { after: ['.Retry-And-Loop(1:Id:2)(0)'], group: 'hr-retry-replication' },
      '.Check-Output': { after: ['.Retry-And-Loop(0:Id:1)(1)', '.Retry-And-Loop(1:Id:2)(1)'], group: 'hr-retry-replication' },
    });
  });

  it('steps > DAG > retried tasks with exit hooks: a hook runs after its step, the dependent task after the pod', () => {
    const links = byName('exit_handler_test_L510_test-workflow-with-retry-strategy8h899.json');
    expect(links).toEqual({
      '[0].Execute.Python2Compile(0)': { after: [], group: 'Execute' },
      '[0].Execute.Python2Compile.onExit': { after: ['[0].Execute.Python2Compile(0)'], group: 'Execute' },
      '[0].Execute.DependencyTesting(0)': { after: ['[0].Execute.Python2Compile(0)'], group: 'Execute' },
      '[0].Execute.DependencyTesting.onExit': { after: ['[0].Execute.DependencyTesting(0)'], group: 'Execute' },
    });
  });

  it('a loop over nested steps: the second step group after the first, retries chained', () => {
    const links = byName('operator_test_L8893_seq-loop-pz4hh.json');
    expect(links).toEqual({
      '[0].iteration(0:a)[0].step1': { after: [], group: 'iteration(0:a)' },
      '[0].iteration(0:a)[1].step2(0)': { after: ['[0].iteration(0:a)[0].step1'], group: 'iteration(0:a)' },
      '[0].iteration(0:a)[1].step2(1)': { after: ['[0].iteration(0:a)[1].step2(0)'], group: 'iteration(0:a)' },
    });
  });

  it('a ContainerSet pod: the next task follows the pod through its container', () => {
    const links = byName('operator_test_L12469_dag-containerset-qlmzl.json');
    expect(links).toEqual({
      '.A': { after: [], group: 'dag-containerset-qlmzl' },
      '.B': { after: ['.A'], group: 'dag-containerset-qlmzl' },
    });
  });

  it("the workflow's exit handler runs after the run's body", () => {
    const { name, nodes } = fixture('exit_handler_test_L764_hello-world-647r7.json');
    // The object's exit handler has no pod yet; give its step group one, as Argo does next.
    const withPod: JsonObject = {
      ...nodes,
      'hello-world-647r7-1045616760': { ...(nodes['hello-world-647r7-1045616760'] as JsonObject), children: ['exit-pod'] },
      'exit-pod': { id: 'exit-pod', name: 'hello-world-647r7.onExit[0].exit', displayName: 'exit', type: 'Pod', boundaryID: 'hello-world-647r7-206029318' },
    };
    const links = stepLinks(withPod, name);
    expect(links.get('exit-pod')).toEqual({ after: ['hello-world-647r7'], feeds: [], group: 'hello-world-647r7.onExit' });
    expect(links.get('hello-world-647r7')).toEqual({ after: [], feeds: [], group: 'hello-world-647r7' });
  });
});

describe('stepLinks of nodes linked to a group rather than to its outbound nodes', () => {
  it('a dependent task listed under a Retry or a loop follows its last attempt or every item', () => {
    const nodes: JsonObject = {
      run: { id: 'run', name: 'run', displayName: 'run', type: 'DAG', children: ['r'] },
      r: { id: 'r', name: 'run.a', type: 'Retry', boundaryID: 'run', children: ['a0', 'a1', 'g'] },
      a0: { id: 'a0', name: 'run.a(0)', type: 'Pod', boundaryID: 'run' },
      a1: { id: 'a1', name: 'run.a(1)', type: 'Pod', boundaryID: 'run' },
      g: { id: 'g', name: 'run.b', type: 'TaskGroup', boundaryID: 'run', children: ['b0', 'b1', 'c'] },
      b0: { id: 'b0', name: 'run.b(0:x)', type: 'Pod', boundaryID: 'run' },
      b1: { id: 'b1', name: 'run.b(1:y)', type: 'Pod', boundaryID: 'run' },
      c: { id: 'c', name: 'run.c', type: 'Pod', boundaryID: 'run' },
    };
    const links = stepLinks(nodes, 'run');
    expect(links.get('a0')!.after).toEqual([]);
    expect(links.get('a1')!.after).toEqual(['a0']);
    expect(links.get('b0')!.after).toEqual(['a1']);
    expect(links.get('b1')!.after).toEqual(['a1']);
    expect(links.get('c')!.after.sort()).toEqual(['b0', 'b1']);
  });
});

describe('stepLinks of large fan-outs', () => {
  /** A Steps run of two step groups of `width` pods each. */
  function twoLoops(width: number): JsonObject {
    const nodes: JsonObject = {
      run: { id: 'run', name: 'run', displayName: 'run', type: 'Steps', children: ['g0'] },
      g0: { id: 'g0', name: 'run[0]', type: 'StepGroup', boundaryID: 'run', children: [] as string[] },
      g1: { id: 'g1', name: 'run[1]', type: 'StepGroup', boundaryID: 'run', children: [] as string[] },
    };
    for (let i = 0; i < width; i++) {
      (nodes.g0 as { children: string[] }).children.push(`a${i}`);
      (nodes.g1 as { children: string[] }).children.push(`b${i}`);
      nodes[`a${i}`] = { id: `a${i}`, name: `run[0].a(${i}:${i})`, type: 'Pod', boundaryID: 'run', children: ['g1'] };
      nodes[`b${i}`] = { id: `b${i}`, name: `run[1].b(${i}:${i})`, type: 'Pod', boundaryID: 'run', children: [] };
    }
    return nodes;
  }

  it(`up to ${JOIN_AT} predecessors are listed; more go through one junction their members feed`, () => {
    const small = stepLinks(twoLoops(JOIN_AT), 'run');
    expect(small.get('b3')!.after.sort()).toEqual(Array.from({ length: JOIN_AT }, (_, i) => `a${i}`).sort());
    expect(small.get('a3')!.feeds).toEqual([]);

    const large = stepLinks(twoLoops(3000), 'run');
    const junction = large.get('b0')!.after;
    expect(junction).toHaveLength(1);
    for (let i = 0; i < 3000; i++) {
      expect(large.get(`b${i}`)!.after).toEqual(junction);
      expect(large.get(`a${i}`)!.feeds).toEqual(junction);
      expect(large.get(`a${i}`)!.after).toEqual([]);
    }
  });
});

import type { NodeDocument } from './documents';
import { extractWorkflow } from './extractWorkflow';
import { corpusWorkflow } from './testCorpus';

/**
 * node.step: the name a step's loop items and retries share (the `step` group key). Expected names are
 * written down by hand from the node names in each object.
 */
const T = '2026-10-01T02:00:00Z';
const T2 = '2026-10-01T02:00:10Z';

function pod(name: string, displayName: string, extra: object = {}) {
  return { id: name, name, displayName, type: 'Pod', phase: 'Succeeded', startedAt: T, finishedAt: T2, ...extra };
}

function stepsOf(nodes: Record<string, object>): Record<string, Pick<NodeDocument['node'], 'display_name' | 'step'>> {
  const object = {
    metadata: { name: 'w', namespace: 'data', uid: 'u1' },
    status: { phase: 'Succeeded', startedAt: T, finishedAt: T2, nodes },
  };
  const { nodes: docs, problems } = extractWorkflow(object as never);
  expect(problems).toEqual([]);
  return Object.fromEntries(docs.map((doc) => [doc.node.name, { display_name: doc.node.display_name, step: doc.node.step }]));
}

describe('node.step', () => {
  it('is the task name for a plain task and for nested templates', () => {
    const steps = stepsOf({
      a: pod('w.fetch', 'fetch'),
      b: pod('w[0].outer[1].inner', 'inner'),
      c: pod('w.outer.inner-task', 'inner-task'),
    });
    expect(steps).toEqual({
      'w.fetch': { display_name: 'fetch', step: 'fetch' },
      'w[0].outer[1].inner': { display_name: 'inner', step: 'inner' },
      'w.outer.inner-task': { display_name: 'inner-task', step: 'inner-task' },
    });
  });

  it('drops the loop item suffix: every item of a loop is one step, each keeps its own task', () => {
    const steps = stepsOf({
      a: pod('w.shard(0:part-0)', 'shard(0:part-0)'),
      b: pod('w.shard(12:part-12)', 'shard(12:part-12)'),
      c: pod('w.shard(3:{"a":1})', 'shard(3:{"a":1})'),
    });
    expect(Object.values(steps)).toEqual([
      { display_name: 'shard(0:part-0)', step: 'shard' },
      { display_name: 'shard(12:part-12)', step: 'shard' },
      { display_name: 'shard(3:{"a":1})', step: 'shard' },
    ]);
  });

  it('drops retry suffixes, also of a retried loop item', () => {
    const steps = stepsOf({
      r: { id: 'r', name: 'w.train', displayName: 'train', type: 'Retry', phase: 'Succeeded', startedAt: T, finishedAt: T2, children: ['t0', 't1'] },
      t0: pod('w.train(0)', 'train(0)', { phase: 'Failed', message: 'OOMKilled' }),
      t1: pod('w.train(1)', 'train(1)'),
      s: { id: 's', name: 'w.B(0:x)', displayName: 'B(0:x)', type: 'Retry', phase: 'Succeeded', startedAt: T, finishedAt: T2, children: ['s2'] },
      s2: pod('w.B(0:x)(2)', 'B(0:x)(2)'),
    });
    expect(steps).toEqual({
      'w.train(0)': { display_name: 'train', step: 'train' },
      'w.train(1)': { display_name: 'train', step: 'train' },
      'w.B(0:x)(2)': { display_name: 'B(0:x)', step: 'B' },
    });
  });

  it('cuts at the first parenthesis: items whose values hold parentheses, and names that do not end in one', () => {
    const steps = stepsOf({
      a: pod('w.process(0:f(x))', 'process(0:f(x))'),
      b: pod('w.process(1:(a)(b))', 'process(1:(a)(b))'),
      c: pod('w.odd(name)x', 'odd(name)x'),
      d: pod('w.(x)', '(x)'),
    });
    expect(Object.values(steps)).toEqual([
      { display_name: 'process(0:f(x))', step: 'process' },
      { display_name: 'process(1:(a)(b))', step: 'process' },
      { display_name: 'odd(name)x', step: 'odd(name)x' },
      { display_name: '(x)', step: '(x)' },
    ]);
  });

  it('a real loop (parameter-aggregation-dag-h8b82): odd-or-even(0:1), odd-or-even(1:2), ... are step odd-or-even', () => {
    const { nodes } = extractWorkflow(corpusWorkflow('dag_test_L3288_parameter-aggregation-dag-h8b82.json'));
    const loop = nodes.filter((doc) => doc.node.display_name.startsWith('odd-or-even('));
    expect(loop.length).toBeGreaterThan(1);
    expect(new Set(loop.map((doc) => doc.node.step))).toEqual(new Set(['odd-or-even']));
  });
});

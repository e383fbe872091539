import { retryAttempts, retrySuffixStart, withoutRetrySuffix } from './retries';

describe('retry suffixes', () => {
  it.each([
    ['train(1)', 'train'],
    ['B(0:x)(2)', 'B(0:x)'],
    ['Retry-And-Loop(0:Id:1)', 'Retry-And-Loop(0:Id:1)'],
    ['plain', 'plain'],
    ['(3)', '(3)'],
    ['x()', 'x()'],
    ['x(1234567)', 'x(1234567)'],
  ])('%s → %s', (name, task) => {
    expect(withoutRetrySuffix(name)).toBe(task);
  });

  it('finds where a suffix starts', () => {
    expect(retrySuffixStart('a.b(12)')).toBe(3);
    expect(retrySuffixStart('a.b')).toBe(-1);
  });
});

describe('retryAttempts', () => {
  it('numbers the children of Retry nodes named <parent>(n), not their hooks', () => {
    const nodes = {
      r: { type: 'Retry', name: 'w.step', children: ['a0', 'hook', 'a1', 'gone'] },
      a0: { type: 'Pod', name: 'w.step(0)' },
      a1: { type: 'Pod', name: 'w.step(1)' },
      hook: { type: 'Pod', name: 'w.step.onExit' },
      other: { type: 'Pod', name: 'w.other(1)' },
    };
    expect([...retryAttempts(nodes).entries()]).toEqual([
      ['a0', 0],
      ['a1', 1],
    ]);
  });
});

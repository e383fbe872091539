import { criticalPath, type PathVertex } from './criticalPath';

/**
 * The critical path against a brute force over small random graphs: the transparent vertices are
 * expanded away (a timed vertex follows the timed vertices reachable back through transparent ones
 * only), every path from a vertex without predecessors is enumerated, and the model's numbers are
 * computed per path from the definition (docs/timeline.md).
 */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

interface Case {
  vertices: PathVertex[];
  runStart: number;
}

function randomCase(seed: number): Case {
  const next = random(seed);
  const count = 2 + next(9);
  const vertices: PathVertex[] = [];
  const runStart = 1_000_000;
  const consistent = next(4) !== 0;
  const actualEnd = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const after = vertices.filter(() => next(3) === 0).map((v) => v.id);
    const id = `v${i}`;
    if (next(4) === 0) {
      vertices.push({ id, after });
      actualEnd.set(id, Math.max(runStart, ...after.map((a) => actualEnd.get(a)!)));
      continue;
    }
    const release = Math.max(runStart, ...after.map((a) => actualEnd.get(a)!));
    const start = consistent ? release + next(4) * 1000 : runStart + next(20) * 1000;
    const end = start + next(10) * 1000;
    vertices.push({ id, startMs: start, endMs: end, after });
    actualEnd.set(id, end);
  }
  // Order of the input does not matter to the algorithm.
  return { vertices: vertices.reverse(), runStart };
}

function bruteForce({ vertices, runStart }: Case) {
  const byId = new Map(vertices.map((v) => [v.id, v]));
  const timed = vertices.filter((v) => v.startMs !== undefined);
  const timedPreds = (v: PathVertex): Set<string> => {
    const found = new Set<string>();
    const walk = (ids: readonly string[]) => {
      for (const id of ids) {
        const p = byId.get(id)!;
        if (p.startMs !== undefined) {
          found.add(id);
        } else {
          walk(p.after);
        }
      }
    };
    walk(v.after);
    return found;
  };
  const preds = new Map(timed.map((v) => [v.id, timedPreds(v)]));
  const own = new Map(
    timed.map((v) => {
      const release = Math.max(runStart, ...[...preds.get(v.id)!].map((p) => byId.get(p)!.endMs!));
      return [v.id, Math.max(0, v.endMs! - release)];
    })
  );
  const paths: string[][] = [];
  const extend = (path: string[]) => {
    const tail = path[path.length - 1];
    const next = timed.filter((v) => preds.get(v.id)!.has(tail));
    if (next.length === 0) {
      paths.push(path);
    }
    next.forEach((v) => extend([...path, v.id]));
  };
  timed.filter((v) => preds.get(v.id)!.size === 0).forEach((v) => extend([v.id]));
  const length = (path: string[]) => runStart + path.reduce((sum, id) => sum + own.get(id)!, 0);
  const end = Math.max(...paths.map(length));
  const slack = new Map(timed.map((v) => [v.id, end - Math.max(...paths.filter((p) => p.includes(v.id)).map(length))]));
  return { end, slack, preds, own };
}

describe('criticalPath against a brute force over random graphs', () => {
  const seeds = Array.from({ length: 400 }, (_, i) => i + 1);
  it.each(seeds)('seed %i: the same end, slack and a longest path', (seed) => {
    const input = randomCase(seed);
    const expected = bruteForce(input);
    const answer = criticalPath(input.vertices, input.runStart);
    if (expected.slack.size === 0) {
      expect(answer).toBeUndefined();
      return;
    }
    expect(answer!.endMs).toBe(expected.end);
    expect(Object.fromEntries(answer!.slackMs)).toEqual(Object.fromEntries(expected.slack));
    // The path: starts at a vertex without predecessors, each vertex follows the one before, and its
    // length is the run's end.
    const path = answer!.path;
    expect(expected.preds.get(path[0])!.size).toBe(0);
    path.slice(1).forEach((id, i) => expect(expected.preds.get(id)!.has(path[i])).toBe(true));
    expect(input.runStart + path.reduce((sum, id) => sum + expected.own.get(id)!, 0)).toBe(expected.end);
  });

  it('with consistent times, the run ends when the last attempt ends', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const input = randomCase(seed);
      const ends = input.vertices.filter((v) => v.endMs !== undefined).map((v) => v.endMs!);
      const answer = criticalPath(input.vertices, input.runStart);
      const consistent = input.vertices.every((v) => v.startMs === undefined || v.startMs >= input.runStart);
      if (answer && consistent && ends.length > 0) {
        expect(answer.endMs).toBeGreaterThanOrEqual(Math.max(...ends));
      }
    }
  });
});

describe('criticalPath on hand-made graphs', () => {
  const s = (n: number) => n * 1000;
  it('a diamond: the longer branch is critical, the shorter has the difference as slack', () => {
    const answer = criticalPath(
      [
        { id: 'A', startMs: s(0), endMs: s(10), after: [] },
        { id: 'B', startMs: s(11), endMs: s(41), after: ['A'] },
        { id: 'C', startMs: s(11), endMs: s(21), after: ['A'] },
        { id: 'D', startMs: s(42), endMs: s(50), after: ['B', 'C'] },
      ],
      s(0)
    )!;
    expect(answer.path).toEqual(['A', 'B', 'D']);
    expect(Object.fromEntries(answer.slackMs)).toEqual({ A: 0, B: 0, C: s(20), D: 0 });
    expect(answer.endMs).toBe(s(50));
  });

  it('a junction (all of a loop finished) passes the release on without time of its own', () => {
    const answer = criticalPath(
      [
        { id: 'L1', startMs: s(0), endMs: s(5), after: [] },
        { id: 'L2', startMs: s(0), endMs: s(9), after: [] },
        { id: 'J', after: ['L1', 'L2'] },
        { id: 'N', startMs: s(10), endMs: s(12), after: ['J'] },
      ],
      s(0)
    )!;
    expect(answer.path).toEqual(['L2', 'N']);
    expect(Object.fromEntries(answer.slackMs)).toEqual({ L1: s(4), L2: 0, N: 0 });
  });

  it('a cycle in bad input does not hang and still gives an answer', () => {
    const answer = criticalPath(
      [
        { id: 'A', startMs: s(0), endMs: s(3), after: ['B'] },
        { id: 'B', startMs: s(3), endMs: s(5), after: ['A'] },
      ],
      s(0)
    )!;
    expect(answer.endMs).toBe(s(5));
    expect(answer.path[answer.path.length - 1]).toBe('B');
  });

  it('nothing timed: no path', () => {
    expect(criticalPath([{ id: 'S', after: [] }], 0)).toBeUndefined();
  });
});

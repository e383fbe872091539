/**
 * The critical path of one run over its "happens-after" graph (docs/timeline.md says why this model):
 * vertices are executed step attempts (timed: start and end, end = now while running) and transparent
 * vertices (skipped or omitted steps, and junctions that stand for "all of these finished"), each with
 * the ids of the vertices it ran after. An attempt's own time is how long it took to finish after its
 * last predecessor finished (its release): own = max(0, end − release). A path's length is the run's
 * start plus the own times along it; the run's end is the longest path, the critical path is one such
 * path (walked back from the attempt that ends last through the predecessor that released it) and an
 * attempt's slack is the run's end minus the longest path through it. With consistent times the longest
 * path to an attempt is exactly its end.
 */
export interface PathVertex {
  id: string;
  /** Timed vertices only: ms since the epoch. */
  startMs?: number;
  endMs?: number;
  /** Ids of the vertices it ran after; ids not among the vertices are ignored. */
  after: readonly string[];
}

export interface CriticalPath {
  /** Timed vertex ids on the path, first to last. */
  path: string[];
  /** ms by timed vertex id: how much later it could have finished without delaying the run's end. */
  slackMs: Map<string, number>;
  /** The run's end in the model (the end of the attempt that ends last, with consistent times). */
  endMs: number;
}

interface Vertex {
  source: PathVertex;
  timed: boolean;
  preds: Vertex[];
  succs: Vertex[];
  /** Actual finish: the end of a timed vertex, the release of a transparent one. */
  actual: number;
  own: number;
  /** Longest path from the run's start to this vertex's finish. */
  longest: number;
  /** Longest own time after this vertex's finish. */
  tail: number;
}

const isTimed = (v: PathVertex) => Number.isFinite(v.startMs) && Number.isFinite(v.endMs);

/** Vertices in an order where every predecessor comes first (edges closing a cycle are dropped). */
function topologicalOrder(vertices: Map<string, Vertex>): Vertex[] {
  const order: Vertex[] = [];
  const state = new Map<Vertex, 'open' | 'done'>();
  for (const root of vertices.values()) {
    if (state.has(root)) {
      continue;
    }
    // Iterative depth-first search: runs of thousands of sequential steps would overflow recursion.
    const stack: Array<{ vertex: Vertex; next: number }> = [{ vertex: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.vertex.preds.length) {
        const pred = top.vertex.preds[top.next++];
        if (!state.has(pred)) {
          state.set(pred, 'open');
          stack.push({ vertex: pred, next: 0 });
        } else if (state.get(pred) === 'open') {
          top.vertex.preds.splice(--top.next, 1);
        }
        continue;
      }
      state.set(top.vertex, 'done');
      order.push(top.vertex);
      stack.pop();
    }
  }
  return order;
}

function graphOf(input: readonly PathVertex[]): Map<string, Vertex> {
  const vertices = new Map<string, Vertex>();
  for (const source of input) {
    vertices.set(source.id, { source, timed: isTimed(source), preds: [], succs: [], actual: 0, own: 0, longest: 0, tail: 0 });
  }
  for (const vertex of vertices.values()) {
    for (const id of new Set(vertex.source.after)) {
      const pred = vertices.get(id);
      if (pred !== undefined && pred !== vertex) {
        vertex.preds.push(pred);
      }
    }
  }
  return vertices;
}

/** Later finish first, then later start, then the smaller id: the same input gives the same path. */
function before(a: Vertex, b: Vertex): boolean {
  if (a.longest !== b.longest) {
    return a.longest > b.longest;
  }
  if (a.timed !== b.timed) {
    return a.timed;
  }
  const aStart = a.source.startMs ?? 0;
  const bStart = b.source.startMs ?? 0;
  return aStart !== bStart ? aStart > bStart : a.source.id < b.source.id;
}

/** The critical path and slack of every timed vertex; undefined when no vertex is timed. */
export function criticalPath(input: readonly PathVertex[], runStartMs: number): CriticalPath | undefined {
  const vertices = graphOf(input);
  const order = topologicalOrder(vertices);
  let last: Vertex | undefined;
  for (const v of order) {
    let release = runStartMs;
    let longestBefore = runStartMs;
    for (const pred of v.preds) {
      release = Math.max(release, pred.actual);
      longestBefore = Math.max(longestBefore, pred.longest);
      pred.succs.push(v);
    }
    v.actual = v.timed ? (v.source.endMs as number) : release;
    v.own = v.timed ? Math.max(0, v.actual - release) : 0;
    v.longest = longestBefore + v.own;
    if (v.timed && (last === undefined || before(v, last))) {
      last = v;
    }
  }
  if (last === undefined) {
    return undefined;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    v.tail = v.succs.reduce((most, succ) => Math.max(most, succ.own + succ.tail), 0);
  }
  const endMs = last.longest;
  const slackMs = new Map<string, number>();
  for (const v of order) {
    if (v.timed) {
      slackMs.set(v.source.id, endMs - v.longest - v.tail);
    }
  }
  const path: string[] = [];
  for (let v: Vertex | undefined = last; v !== undefined; ) {
    if (v.timed) {
      path.push(v.source.id);
    }
    v = v.preds.reduce<Vertex | undefined>((best, pred) => (best === undefined || before(pred, best) ? pred : best), undefined);
  }
  return { path: path.reverse(), slackMs, endMs };
}

import { type JsonObject, isObject } from '../argo/extract/argoFields';
import { retrySuffixStart } from '../argo/extract/retries';

/**
 * The "happens-after" graph between a run's executed attempts, read from Argo's node graph
 * (docs/timeline.md). Argo links a step to what it waits for through `children`: the nodes that finish
 * a step (its outbound nodes) get the next step group or the dependent DAG task as a child, while a
 * grouping node (Steps, DAG, StepGroup, TaskGroup, Retry) has the nodes it contains as children. So an
 * attempt runs after: a step or pod parent (it finished first), the predecessors of a containing group,
 * the previous attempt of its Retry, or the end of a group it follows (a Steps/DAG node's
 * outboundNodes). The workflow's exit handler (`<run>.onExit`, no parent) runs after the run's body.
 *
 * A loop of thousands followed by another would make each attempt list thousands of predecessors, so a
 * predecessor set larger than JOIN_AT becomes a junction: the attempts list its id in `after`, and its
 * members list it in `feeds`.
 */
export const JOIN_AT = 16;

/** Nodes that group others; `Container` nodes are the containers of a ContainerSet pod. */
const GROUPS = new Set(['Steps', 'StepGroup', 'DAG', 'TaskGroup', 'Retry']);
const CONTAINER = 'Container';

export interface StepLinks {
  /** Attempt ids (or junction ids) it ran after. */
  after: string[];
  /** Junction ids this attempt is one of the predecessors of. */
  feeds: string[];
  /** displayName of its boundary (the nested template it runs in), the run's name at top level. */
  group: string;
}

type Ids = ReadonlySet<string>;
const NONE: Ids = new Set();
/** Marks a node whose start or end is being worked out. */
const OPEN: Ids = new Set();

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function union(sets: Ids[]): Ids {
  const nonEmpty = sets.filter((s) => s.size > 0);
  // One contributor (the usual case: thousands of loop items in one group) shares its set.
  if (nonEmpty.length <= 1) {
    return nonEmpty[0] ?? NONE;
  }
  return new Set(nonEmpty.flatMap((s) => [...s]));
}

class NodeGraph {
  private readonly parents = new Map<string, string[]>();
  private readonly starts = new Map<string, Ids>();
  private readonly ends = new Map<string, Ids>();
  private readonly retries = new Map<string, string[]>();

  constructor(
    private readonly nodes: JsonObject,
    private readonly runName: string
  ) {
    for (const id in nodes) {
      const node = nodes[id];
      const children = isObject(node) ? node.children : undefined;
      if (!Array.isArray(children)) {
        continue;
      }
      for (const child of children) {
        if (typeof child !== 'string') {
          continue;
        }
        const known = this.parents.get(child);
        known ? known.push(id) : this.parents.set(child, [id]);
      }
    }
  }

  node(id: string): JsonObject | undefined {
    const node = this.nodes[id];
    return isObject(node) ? node : undefined;
  }

  /** What a node waits for before it starts (attempt ids). */
  predecessors(id: string): Ids {
    const known = this.starts.get(id);
    if (known !== undefined) {
      // OPEN: a cycle in a damaged object ends here instead of recursing forever.
      return known === OPEN ? NONE : known;
    }
    this.starts.set(id, OPEN);
    const value = this.startsAfter(id);
    this.starts.set(id, value);
    return value;
  }

  /** The attempts whose end is a node's end. */
  finishers(id: string | undefined): Ids {
    if (id === undefined) {
      return NONE;
    }
    const known = this.ends.get(id);
    if (known !== undefined) {
      return known === OPEN ? NONE : known;
    }
    this.ends.set(id, OPEN);
    const value = this.endsWith(id);
    this.ends.set(id, value);
    return value;
  }

  private startsAfter(id: string): Ids {
    const parents = this.parents.get(id);
    if (parents === undefined) {
      // The workflow's exit handler has no parent: it runs after the run's body.
      return text(this.node(id)?.name) === `${this.runName}.onExit` ? this.finishers(this.rootId()) : NONE;
    }
    if (parents.length === 1) {
      // One parent (most nodes): its set as it is, as union() would share it.
      const only = this.through(parents[0], id);
      return only.size > 0 ? only : NONE;
    }
    return union(parents.map((parent) => this.through(parent, id)));
  }

  private endsWith(id: string): Ids {
    const node = this.node(id);
    const type = text(node?.type);
    if (node === undefined || type === undefined) {
      return NONE;
    }
    if (type === CONTAINER) {
      return union((this.parents.get(id) ?? []).map((parent) => this.finishers(parent)));
    }
    if (!GROUPS.has(type)) {
      return new Set([id]);
    }
    if (type === 'Retry') {
      const attempts = this.attempts(id);
      return attempts.length > 0 ? this.finishers(attempts[attempts.length - 1]) : this.predecessors(id);
    }
    const members =
      type === 'Steps' || type === 'DAG'
        ? list(node.outboundNodes)
        : list(node.children).filter((c) => this.contains(id, c));
    return members.length > 0 ? union(members.map((m) => this.finishers(m))) : this.predecessors(id);
  }

  /** What `child` waits for because of its parent `parent` in the node graph. */
  private through(parent: string, child: string): Ids {
    const type = text(this.node(parent)?.type);
    if (type === undefined) {
      return NONE;
    }
    if (type === CONTAINER || !GROUPS.has(type)) {
      return this.finishers(parent);
    }
    if (type === 'Retry') {
      const attempts = this.attempts(parent);
      const index = attempts.indexOf(child);
      if (index > 0) {
        return this.finishers(attempts[index - 1]);
      }
      if (index === 0) {
        return this.predecessors(parent);
      }
      // A hook of the retried step (`<name>.onExit`) runs after it, other hooks while it runs; any other
      // child (not Argo's own layout, which links dependents to the last attempt) follows it.
      const name = text(this.node(parent)?.name) ?? '';
      const childName = text(this.node(child)?.name) ?? '';
      const hook = childName.startsWith(`${name}.`);
      return hook && !childName.endsWith('.onExit') ? this.predecessors(parent) : this.finishers(parent);
    }
    return this.contains(parent, child) ? this.predecessors(parent) : this.finishers(parent);
  }

  /** Whether `child` runs inside the group `parent` (else it follows the group). */
  private contains(parent: string, child: string): boolean {
    const node = this.node(parent)!;
    const type = node.type;
    if (type === 'Steps' || type === 'DAG') {
      return this.node(child)?.boundaryID === parent;
    }
    const name = text(node.name) ?? '';
    const childName = text(this.node(child)?.name) ?? '';
    const next = childName.charAt(name.length);
    return childName.startsWith(name) && (type === 'StepGroup' ? next === '.' : next === '(');
  }

  /** A Retry node's attempts (`<name>(n)`), by attempt number; read once per Retry node. */
  private attempts(id: string): string[] {
    const known = this.retries.get(id);
    if (known !== undefined) {
      return known;
    }
    const name = text(this.node(id)?.name) ?? '';
    const numbered = list(this.node(id)?.children).flatMap((child) => {
      const childName = text(this.node(child)?.name) ?? '';
      const start = retrySuffixStart(childName);
      return start === name.length && childName.startsWith(name)
        ? [{ child, n: Number(childName.slice(start + 1, -1)) }]
        : [];
    });
    const attempts = numbered.sort((a, b) => a.n - b.n).map((a) => a.child);
    this.retries.set(id, attempts);
    return attempts;
  }

  private rootId(): string | undefined {
    for (const id in this.nodes) {
      if (this.node(id)?.name === this.runName) {
        return id;
      }
    }
    return undefined;
  }
}

/** Links of every attempt (node that is not a group or a container) of a `status.nodes` map. */
export function stepLinks(nodes: JsonObject, runName: string): Map<string, StepLinks> {
  const graph = new NodeGraph(nodes, runName);
  const links = new Map<string, StepLinks>();
  const junctions = new Map<Ids, string>();
  for (const id in nodes) {
    const node = graph.node(id);
    const type = text(node?.type);
    if (node === undefined || type === undefined || GROUPS.has(type) || type === CONTAINER) {
      continue;
    }
    const boundary = text(node.boundaryID);
    const group = (boundary && text(graph.node(boundary)?.displayName)) || runName;
    links.set(id, { after: [], feeds: [], group });
  }
  for (const [id, link] of links) {
    const predecessors = graph.predecessors(id);
    if (predecessors.size <= JOIN_AT) {
      link.after = [...predecessors];
      continue;
    }
    let junction = junctions.get(predecessors);
    if (junction === undefined) {
      junction = `${id}.after`;
      junctions.set(predecessors, junction);
      for (const member of predecessors) {
        links.get(member)?.feeds.push(junction);
      }
    }
    link.after = [junction];
  }
  return links;
}

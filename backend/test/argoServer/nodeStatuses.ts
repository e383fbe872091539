import type { NodeStatus } from '../../argo/client/argoTypes';
import { nodeId, podName } from './nodeIds';
import { kubeTime } from './timeFormat';
import type { RunPlan } from './workflowNodes';

/** A node while the run is simulated: names instead of ids, times in ms (NaN end = still running). */
export interface Sim {
  name: string;
  displayName: string;
  type: string;
  template?: string;
  boundary?: string;
  start: number;
  end: number;
  phase: string;
  message?: string;
  exitCode?: string;
  children: string[];
  outbound?: string[];
  host?: string;
  cpu?: number;
  memory?: number;
  retried?: boolean;
  hooked?: boolean;
  /** Pods this node contains (for resourcesDuration and progress). */
  pods: string[];
}

/** Drops nodes that have not started by `nowMs` and marks those still going as Running. */
export function cutAtNow(sims: Map<string, Sim>, nowMs: number): void {
  for (const [name, sim] of sims) {
    if (sim.start > nowMs) {
      sims.delete(name);
    } else if (sim.end > nowMs) {
      Object.assign(sim, {
        phase: 'Running',
        message: undefined,
        exitCode: undefined,
        cpu: undefined,
        memory: undefined,
        end: Number.NaN,
      });
    }
  }
  for (const sim of sims.values()) {
    sim.children = sim.children.filter((c) => sims.has(c));
    sim.outbound = sim.outbound?.filter((c) => sims.has(c));
    sim.pods = sim.pods.filter((c) => sims.has(c));
  }
}

/** cpu and memory resource-seconds summed over the finished pods. */
export function sumResources(pods: Sim[]): Record<string, number> {
  const finished = pods.filter((p) => p.cpu !== undefined);
  return { cpu: finished.reduce((s, p) => s + p.cpu!, 0), memory: finished.reduce((s, p) => s + p.memory!, 0) };
}

/** Argo's node map (sorted by id, keys in NodeStatus order) for the simulated nodes. */
export function toNodeStatuses(
  sims: Map<string, Sim>,
  plan: Pick<RunPlan, 'workflowName' | 'templateScope'>
): Record<string, NodeStatus> {
  const wf = plan.workflowName;
  const ids = new Map([...sims.keys()].map((name) => [name, nodeId(wf, name)]));
  const nodes: Record<string, NodeStatus> = {};
  const sorted = [...sims.values()].sort((a, b) => (ids.get(a.name)! < ids.get(b.name)! ? -1 : 1));
  for (const s of sorted) {
    const pods = s.pods.map((p) => sims.get(p)!);
    const finished = Number.isFinite(s.end);
    // Keys in the order Argo's NodeStatus struct writes them.
    const node: NodeStatus = { id: ids.get(s.name)!, name: s.name, displayName: s.displayName, type: s.type };
    if (s.template) {
      node.templateName = s.template;
      node.templateScope = plan.templateScope;
    }
    node.phase = s.phase;
    if (s.boundary) {
      node.boundaryID = ids.get(s.boundary) ?? nodeId(wf, s.boundary);
    }
    if (s.message) {
      node.message = s.message;
    }
    node.startedAt = kubeTime(s.start);
    node.finishedAt = finished ? kubeTime(s.end) : null;
    node.progress = `${pods.filter((p) => Number.isFinite(p.end)).length}/${pods.length}`;
    if (finished) {
      node.resourcesDuration = sumResources(pods);
    }
    if (s.retried || s.hooked) {
      node.nodeFlag = s.hooked ? { hooked: true } : { retried: true };
    }
    if (s.type === 'Pod') {
      const pod = podName(wf, s.template!, s.name);
      node.outputs = { artifacts: [{ name: 'main-logs', s3: { key: `${wf}/${pod}/main.log` } }] };
      if (s.exitCode !== undefined) {
        node.outputs.exitCode = s.exitCode;
      }
      node.hostNodeName = s.host;
    }
    if (s.children.length) {
      node.children = s.children.map((c) => ids.get(c)!);
    }
    if (s.outbound?.length) {
      node.outboundNodes = s.outbound.map((c) => ids.get(c)!);
    }
    nodes[node.id] = node;
  }
  return nodes;
}

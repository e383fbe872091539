import { ANNOTATIONS, LABELS, type NodeStatus, type Workflow } from '../argo/client/argoTypes';
import { DEMO_LABEL } from './catalog';
import { argoTime, fnv32a } from './random';
import type { AttemptPlan, RunPlan, StepPhase, TaskPlan } from './runPlan';

type Nodes = Record<string, NodeStatus>;
type Totals = { cpu: number; memory: number; gpu: number };

const time = (ms: number | undefined) => (ms === undefined ? null : argoTime(ms));

/** Argo's node id: `<workflow>-<fnv32a(node name)>`; the root node's id is the workflow's name. */
export const nodeId = (workflow: string, nodeName: string) => `${workflow}-${fnv32a(nodeName)}`;

/** The phase of a node that groups others (Retry, TaskGroup): the last attempt's, or failed when any item failed. */
function groupPhase(phases: StepPhase[]): StepPhase {
  if (phases.some((p) => p === 'Running' || p === 'Pending')) {
    return 'Running';
  }
  return phases.find((p) => p === 'Failed' || p === 'Error') ?? 'Succeeded';
}

function span(children: NodeStatus[]): { startedAt: string | null; finishedAt: string | null } {
  const starts = children.map((c) => Date.parse(c.startedAt ?? ''));
  const ends = children.map((c) => (c.finishedAt ? Date.parse(c.finishedAt) : NaN));
  return {
    startedAt: time(Math.min(...starts)),
    finishedAt: ends.some(Number.isNaN) ? null : time(Math.max(...ends)),
  };
}

class NodeBuilder {
  readonly nodes: Nodes = {};
  readonly totals: Totals = { cpu: 0, memory: 0, gpu: 0 };
  pods = 0;
  podsDone = 0;

  constructor(private readonly plan: RunPlan) {}

  pod(name: string, displayName: string, template: string, attempt: AttemptPlan, inputs?: Record<string, string>): NodeStatus {
    const seconds = Math.max(0, Math.round(((attempt.endMs ?? attempt.startMs) - attempt.startMs) / 1000));
    const resources: Record<string, number> = {
      cpu: Math.max(1, Math.round(attempt.cores * seconds)),
      memory: Math.max(1, Math.round((attempt.memoryMiB / 100) * seconds)),
    };
    if (attempt.gpus > 0) {
      resources['nvidia.com/gpu'] = attempt.gpus * seconds;
    }
    const finished = attempt.endMs !== undefined;
    const node: NodeStatus = {
      id: nodeId(this.plan.name, name),
      name,
      displayName,
      type: 'Pod',
      templateName: template,
      templateScope: `local/${this.plan.name}`,
      phase: attempt.phase,
      boundaryID: this.plan.name,
      startedAt: time(attempt.startMs),
      finishedAt: time(attempt.endMs),
      progress: finished ? '1/1' : '0/1',
      hostNodeName: attempt.host,
    };
    if (attempt.message) {
      node.message = attempt.message;
    }
    if (finished) {
      node.resourcesDuration = resources;
      this.totals.cpu += resources.cpu;
      this.totals.memory += resources.memory;
      this.totals.gpu += resources['nvidia.com/gpu'] ?? 0;
      const exitCode = attempt.phase === 'Succeeded' ? '0' : /exit code (\d+)/.exec(attempt.message ?? '')?.[1];
      const parameters = Object.entries(attempt.metrics ?? {}).map(([metric, value]) => ({ name: `metric-${metric}`, value: String(value) }));
      node.outputs = { ...(parameters.length ? { parameters } : {}), ...(exitCode ? { exitCode } : {}) };
      this.podsDone++;
    }
    if (inputs) {
      node.inputs = { parameters: Object.entries(inputs).map(([key, value]) => ({ name: key, value })) };
    }
    this.pods++;
    this.nodes[node.id] = node;
    return node;
  }

  /** A step's attempts, under a Retry node when the step has a retryStrategy. */
  attempts(name: string, displayName: string, task: TaskPlan, attempts: AttemptPlan[], inputs?: Record<string, string>): NodeStatus {
    if (task.retries === undefined) {
      return this.pod(name, displayName, task.template, attempts[0], inputs);
    }
    const children = attempts.map((attempt, n) => this.pod(`${name}(${n})`, `${displayName}(${n})`, task.template, attempt, inputs));
    // A failed attempt with retries left in a run still going: the next attempt waits for its backoff.
    const last = attempts[attempts.length - 1];
    const waiting = this.plan.endMs === undefined && last.phase !== 'Running' && last.phase !== 'Succeeded' && attempts.length <= task.retries;
    return this.group(name, displayName, 'Retry', task.template, children, waiting ? 'Running' : undefined);
  }

  group(name: string, displayName: string, type: string, template: string, children: NodeStatus[], running?: 'Running'): NodeStatus {
    const phase = running ?? groupPhase(children.map((c) => c.phase as StepPhase));
    const node: NodeStatus = {
      id: nodeId(this.plan.name, name),
      name,
      displayName,
      type,
      templateName: template,
      templateScope: `local/${this.plan.name}`,
      phase,
      boundaryID: this.plan.name,
      ...span(children),
      ...(running ? { finishedAt: null } : {}),
      children: children.map((c) => c.id),
    };
    const failed = children.find((c) => c.phase === 'Failed' || c.phase === 'Error');
    if (phase !== 'Succeeded' && phase !== 'Running' && failed?.message) {
      node.message = type === 'Retry' ? `No more retries left` : failed.message;
    }
    this.nodes[node.id] = node;
    return node;
  }

  task(task: TaskPlan): NodeStatus {
    const name = `${this.plan.name}.${task.task}`;
    if (!task.items) {
      return this.attempts(name, task.task, task, task.attempts);
    }
    const items = task.items.map((item) =>
      this.attempts(`${name}(${item.index}:${item.value})`, `${task.task}(${item.index}:${item.value})`, task, item.attempts, { part: item.value })
    );
    return this.group(name, task.task, 'TaskGroup', task.template, items);
  }
}

function metadataOf(plan: RunPlan): Workflow['metadata'] {
  const done = plan.endMs !== undefined;
  const labels: Record<string, string> = {
    ...plan.labels,
    [DEMO_LABEL.key]: DEMO_LABEL.value,
    [LABELS.phase]: plan.phase,
    [LABELS.completed]: String(done),
    [LABELS.creator]: 'system-serviceaccount-argo-argo-server',
  };
  const annotations: Record<string, string> = { [ANNOTATIONS.podNameFormat]: 'v2' };
  if (plan.template) {
    labels[LABELS.workflowTemplate] = plan.template;
  }
  if (plan.cron) {
    labels[LABELS.cronWorkflow] = plan.cron.name;
    annotations[ANNOTATIONS.scheduledTime] = argoTime(plan.cron.scheduledMs);
  }
  return {
    name: plan.name,
    ...(plan.template ? { generateName: `${plan.template}-` } : {}),
    namespace: plan.namespace,
    uid: plan.uid,
    resourceVersion: String(1_000_000 + (fnv32a(plan.uid) % 9_000_000)),
    generation: done ? 6 : 3,
    creationTimestamp: argoTime(plan.createdMs),
    labels,
    annotations,
  };
}

/** The Argo Workflow object of a run, as the Argo Server returns it (status with nodes, whole-second times). */
export function workflowObject(plan: RunPlan): Workflow {
  const builder = new NodeBuilder(plan);
  const top = new Map<string, NodeStatus>();
  for (const task of plan.tasks) {
    top.set(task.task, builder.task(task));
  }
  // DAG tasks list the tasks that depend on them as children; the root lists those without dependencies.
  for (const task of plan.tasks) {
    for (const dependency of task.after) {
      const parent = top.get(dependency);
      if (parent) {
        parent.children = [...(parent.children ?? []), top.get(task.task)!.id];
      }
    }
  }
  const leaves = plan.tasks.filter((t) => !plan.tasks.some((other) => other.after.includes(t.task)));
  const root: NodeStatus = {
    id: plan.name,
    name: plan.name,
    displayName: plan.name,
    type: 'DAG',
    templateName: 'main',
    templateScope: `local/${plan.name}`,
    phase: plan.phase,
    startedAt: time(plan.startMs),
    finishedAt: time(plan.endMs),
    progress: `${builder.podsDone}/${builder.pods}`,
    children: plan.tasks.filter((t) => t.after.length === 0).map((t) => top.get(t.task)!.id),
    outboundNodes: leaves.map((t) => top.get(t.task)!.id),
  };
  if (plan.message) {
    root.message = plan.message;
  }
  const { cpu, memory, gpu } = builder.totals;
  const parameters = Object.entries(plan.parameters).map(([name, value]) => ({ name, value }));
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: metadataOf(plan),
    spec: {
      arguments: { parameters },
      ...(plan.template ? { workflowTemplateRef: { name: plan.template } } : { entrypoint: 'main' }),
      serviceAccountName: 'argo-workflow',
      podGC: { strategy: 'OnPodSuccess' },
    },
    status: {
      phase: plan.phase,
      startedAt: time(plan.startMs),
      finishedAt: time(plan.endMs),
      progress: root.progress,
      ...(plan.message ? { message: plan.message } : {}),
      ...(plan.estimatedSeconds !== undefined ? { estimatedDuration: plan.estimatedSeconds } : {}),
      resourcesDuration: { cpu, memory, ...(gpu > 0 ? { 'nvidia.com/gpu': gpu } : {}) },
      nodes: { [root.id]: root, ...builder.nodes },
    },
  };
}

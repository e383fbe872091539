import type { NodeStatus } from '../../argo/client/argoTypes';
import { nodeId } from './nodeIds';
import { cutAtNow, sumResources, toNodeStatuses, type Sim } from './nodeStatuses';
import type { Pipeline, TaskSpec } from './pipelines';
import { kubeTime } from './timeFormat';

/**
 * Runs one pipeline in simulation and returns Argo's node map for it: the root DAG or Steps node,
 * step groups, task groups for fan-out, Retry nodes with their attempts, pods and the exit handler,
 * wired with children/boundaryID/outboundNodes the way the controller does. Nodes that would start after
 * `nowMs` do not exist yet; nodes still running have `finishedAt: null`.
 */
export interface RunPlan {
  workflowName: string;
  startMs: number;
  nowMs: number;
  /** Duration multiplier (drift over the history). */
  scale: number;
  random: () => number;
  /** This task fails (all retries exhausted). */
  failTask?: string;
  /** This task's pod is deleted (phase Error). */
  errorTask?: string;
  /** These retry tasks fail once, then succeed. */
  flakyTasks: Set<string>;
  templateScope: string;
  hosts: string[];
}

export interface RunResult {
  nodes: Record<string, NodeStatus>;
  phase: string;
  startedAt: string;
  finishedAt: string | null;
  message?: string;
  progress: string;
  resourcesDuration: Record<string, number>;
}

interface Outcome {
  entry: string;
  end: number;
  ok: boolean;
  /** Nodes whose children are the next tasks. */
  outbound: string[];
  pods: string[];
}

class Simulation {
  readonly sims = new Map<string, Sim>();
  failedPod?: string;
  errored = false;

  constructor(
    private readonly plan: RunPlan,
    private readonly pipeline: Pipeline
  ) {}

  add(sim: Omit<Sim, 'children' | 'pods'> & { pods?: string[] }): Sim {
    const full: Sim = { children: [], pods: [], ...sim };
    this.sims.set(full.name, full);
    return full;
  }

  pod(
    task: TaskSpec,
    name: string,
    displayName: string,
    boundary: string | undefined,
    start: number,
    result: 'ok' | 'fail' | 'error',
    retried = false
  ): Sim {
    const { random, scale } = this.plan;
    const typical = task.seconds * scale * (0.75 + 0.5 * random());
    const seconds = Math.max(1, Math.round(result === 'ok' ? typical : typical * 0.3));
    const end = start + seconds * 1000;
    const sim = this.add({
      name,
      displayName,
      type: 'Pod',
      template: task.template,
      boundary,
      start,
      end,
      phase: result === 'ok' ? 'Succeeded' : result === 'fail' ? 'Failed' : 'Error',
      message: result === 'fail' ? 'Error (exit code 1)' : result === 'error' ? 'pod deleted' : undefined,
      exitCode: result === 'ok' ? '0' : result === 'fail' ? '1' : undefined,
      host: this.plan.hosts[Math.floor(random() * this.plan.hosts.length)],
      cpu: Math.floor(seconds * task.cores),
      memory: Math.floor((seconds * task.memoryMi) / 100),
      retried,
    });
    sim.pods.push(name);
    return sim;
  }

  /** Records the pod that made the run fail: the final attempt of a task that did not succeed. */
  settle(pod: Sim): boolean {
    if (pod.phase !== 'Succeeded') {
      this.failedPod ??= pod.name;
      this.errored ||= pod.phase === 'Error';
    }
    return pod.phase === 'Succeeded';
  }

  attempts(task: TaskSpec, name: string, displayName: string, boundary: string | undefined, start: number): Outcome {
    const failing = this.plan.failTask === task.name;
    const erroring = this.plan.errorTask === task.name;
    if (!task.retries) {
      const pod = this.pod(task, name, displayName, boundary, start, failing ? 'fail' : erroring ? 'error' : 'ok');
      return { entry: name, end: pod.end, ok: this.settle(pod), outbound: [name], pods: [name] };
    }
    const count = failing ? task.retries + 1 : this.plan.flakyTasks.has(task.name) ? 2 : 1;
    const retry = this.add({
      name,
      displayName,
      type: 'Retry',
      template: task.template,
      boundary,
      start,
      end: start,
      phase: 'Running',
    });
    let at = start;
    let last: Sim | undefined;
    for (let attempt = 0; attempt < count; attempt++) {
      const isLast = attempt === count - 1;
      const result = !isLast || failing ? 'fail' : erroring ? 'error' : 'ok';
      last = this.pod(task, `${name}(${attempt})`, `${displayName}(${attempt})`, boundary, at, result, true);
      retry.children.push(last.name);
      retry.pods.push(last.name);
      at = last.end + (1 + Math.floor(this.plan.random() * 5)) * 1000;
    }
    retry.end = last!.end;
    retry.phase = last!.phase;
    if (failing) {
      retry.message = 'No more retries left';
    }
    return { entry: name, end: retry.end, ok: this.settle(last!), outbound: [last!.name], pods: retry.pods };
  }

  task(task: TaskSpec, name: string, boundary: string, start: number, items: 'group' | 'flat'): Outcome[] {
    if (!task.items) {
      return [this.attempts(task, name, task.name, boundary, start)];
    }
    const outcomes = task.items.map((item, i) => {
      const itemTask = i === 0 ? task : { ...task, name: `${task.name}#${i}` };
      return this.attempts(
        itemTask,
        `${name}(${i}:${item})`,
        `${task.name}(${i}:${item})`,
        boundary,
        start + Math.floor(this.plan.random() * 3) * 1000
      );
    });
    if (items === 'flat') {
      return outcomes;
    }
    const group = this.add({
      name,
      displayName: task.name,
      type: 'TaskGroup',
      template: task.template,
      boundary,
      start,
      end: 0,
      phase: 'Running',
    });
    group.children = outcomes.map((o) => o.entry);
    group.pods = outcomes.flatMap((o) => o.pods);
    group.end = Math.max(...outcomes.map((o) => o.end));
    const ok = outcomes.every((o) => o.ok);
    group.phase = ok ? 'Succeeded' : 'Failed';
    return [{ entry: name, end: group.end, ok, outbound: outcomes.flatMap((o) => o.outbound), pods: group.pods }];
  }

  link(from: Outcome[], to: string): void {
    for (const name of from.flatMap((o) => o.outbound)) {
      this.sims.get(name)!.children.push(to);
    }
  }
}

function runDag(sim: Simulation, pipeline: Pipeline, root: Sim): Outcome[] {
  const done = new Map<string, Outcome[]>();
  const dependedOn = new Set(pipeline.tasks.flatMap((t) => t.deps ?? []));
  for (const task of pipeline.tasks) {
    const deps = (task.deps ?? []).map((d) => done.get(d));
    if (deps.some((d) => !d || !d.every((o) => o.ok))) {
      continue;
    }
    const start = deps.length ? Math.max(...deps.flatMap((d) => d!.map((o) => o.end))) + 1000 : root.start + 1000;
    const outcomes = sim.task(task, `${root.name}.${task.name}`, root.name, start, 'group');
    for (const dep of deps) {
      sim.link(dep!, outcomes[0].entry);
    }
    if (!deps.length) {
      root.children.push(outcomes[0].entry);
    }
    done.set(task.name, outcomes);
  }
  root.outbound = pipeline.tasks
    .filter((t) => !dependedOn.has(t.name) && done.has(t.name))
    .flatMap((t) => done.get(t.name)!.flatMap((o) => o.outbound));
  return [...done.values()].flat();
}

function runSteps(sim: Simulation, pipeline: Pipeline, root: Sim): Outcome[] {
  const groups = [...new Set(pipeline.tasks.map((t) => t.group ?? 0))].sort((a, b) => a - b);
  let previous: Outcome[] | undefined;
  let start = root.start + 1000;
  const all: Outcome[] = [];
  for (const index of groups) {
    const groupName = `${root.name}[${index}]`;
    const group = sim.add({
      name: groupName,
      displayName: `[${index}]`,
      type: 'StepGroup',
      boundary: root.name,
      start,
      end: start,
      phase: 'Running',
    });
    if (previous) {
      sim.link(previous, groupName);
    } else {
      root.children.push(groupName);
    }
    const outcomes = pipeline.tasks
      .filter((t) => (t.group ?? 0) === index)
      .flatMap((t) => sim.task(t, `${groupName}.${t.name}`, root.name, start, 'flat'));
    group.children = outcomes.map((o) => o.entry);
    group.pods = outcomes.flatMap((o) => o.pods);
    group.end = Math.max(...outcomes.map((o) => o.end));
    group.phase = outcomes.every((o) => o.ok) ? 'Succeeded' : 'Failed';
    all.push(...outcomes);
    previous = outcomes;
    root.outbound = outcomes.flatMap((o) => o.outbound);
    start = group.end + 1000;
    if (group.phase !== 'Succeeded') {
      break;
    }
  }
  return all;
}

/** Simulates the run and returns its node map and workflow-level status fields. */
export function simulateRun(pipeline: Pipeline, plan: RunPlan): RunResult {
  const sim = new Simulation(plan, pipeline);
  const rootName = plan.workflowName;
  const root = sim.add({
    name: rootName,
    displayName: rootName,
    type: pipeline.shape === 'dag' ? 'DAG' : 'Steps',
    template: 'main',
    start: plan.startMs,
    end: plan.startMs,
    phase: 'Running',
  });
  const outcomes = pipeline.shape === 'dag' ? runDag(sim, pipeline, root) : runSteps(sim, pipeline, root);
  root.end = Math.max(...outcomes.map((o) => o.end)) + 1000;
  root.pods = outcomes.flatMap((o) => o.pods);
  const ok = !sim.failedPod;
  root.phase = ok ? 'Succeeded' : sim.errored ? 'Error' : 'Failed';
  let end = root.end;
  if (pipeline.exitTemplate) {
    const exitTask: TaskSpec = {
      name: 'onExit',
      template: pipeline.exitTemplate,
      seconds: 3,
      cores: 0.1,
      memoryMi: 64,
    };
    const exit = sim.pod(exitTask, `${rootName}.onExit`, `${rootName}.onExit`, undefined, root.end + 1000, 'ok');
    sim.settle(exit);
    exit.hooked = true;
    end = exit.end + 1000;
  }
  cutAtNow(sim.sims, plan.nowMs);
  const running = end > plan.nowMs;
  const message = ok ? undefined : sim.errored ? 'pod deleted' : `child '${nodeId(rootName, sim.failedPod!)}' failed`;
  const pods = [...sim.sims.values()].filter((s) => s.type === 'Pod');
  return {
    nodes: toNodeStatuses(sim.sims, plan),
    phase: running ? 'Running' : root.phase,
    startedAt: kubeTime(plan.startMs),
    finishedAt: running ? null : kubeTime(end),
    message: running ? undefined : message,
    progress: `${pods.filter((p) => p.phase !== 'Running').length}/${pods.length}`,
    resourcesDuration: sumResources(pods),
  };
}

import { FAILURES } from './failures';
import type { FailureMode, Pipeline, StepSpec } from './pipelines';
import type { DemoRandom } from './random';
import type { AttemptPlan, ItemPlan, RunPlan, StepPhase, TaskPlan } from './runPlan';

/** One run to simulate: who it is and what the history wants of it. */
export interface RunRequest {
  pipeline: Pipeline;
  name: string;
  uid: string;
  startMs: number;
  /** The end of the history: what would happen later is not there yet (running, or not created). */
  nowMs: number;
  random: DemoRandom;
  template?: string;
  cron?: { name: string; scheduledMs: number };
  parameters?: Record<string, string>;
  /** The run fails at this step with this message (every attempt: retries do not help). */
  fail?: FailureMode;
  /** Steps that take this many times longer than usual. */
  slower?: Record<string, number>;
  /** This step hangs: it runs until `deadlineMs` (the run's activeDeadlineSeconds), then fails. */
  stuck?: string;
  deadlineMs?: number;
  /** Loop items: how many run at once. */
  parallelism?: number;
}

interface Cursor {
  /** When the next step may start. */
  readyMs: number;
  /** Something is running at nowMs, or a step has not started by then: nothing after it exists. */
  cut: boolean;
  failed?: { message: string; phase: StepPhase };
}

function host(random: DemoRandom, gpu: boolean): string {
  return gpu ? `gpu-a100-${random.int(1, 8)}.ml.internal` : `ip-10-0-${random.int(1, 4)}-${random.int(10, 250)}.ec2.internal`;
}

/**
 * The attempts of one step (or loop item) starting at startMs, drawn from `random`. A later nowMs only
 * adds to what an earlier one gave (a retry not yet started at nowMs leaves the step `waiting`).
 */
function attemptsOf(spec: StepSpec, request: RunRequest, startMs: number, failing: boolean, random: DemoRandom): { attempts: AttemptPlan[]; waiting: boolean } {
  const { nowMs } = request;
  const { cores, memoryMiB } = spec.request?.(random) ?? spec;
  const gpus = spec.gpus ?? 0;
  const attempts: AttemptPlan[] = [];
  let at = startMs;
  const limit = spec.retries ?? 0;
  for (let n = 0; n <= limit; n++) {
    const seconds = Math.max(5, Math.round(random.around(spec.seconds * (request.slower?.[spec.task] ?? 1), 0.15)));
    const attempt: AttemptPlan = { startMs: at, phase: 'Succeeded', cores, memoryMiB, gpus, host: host(random, gpus > 0) };
    const transient = !failing && n < limit && random.chance(request.pipeline.transientRate);
    if (failing || transient) {
      const failure = failing ? request.fail!.failure : gpus > 0 || spec.items ? FAILURES.spotReclaimed : FAILURES.readTimeout;
      attempt.phase = failure.phase;
      attempt.message = failure.message;
      attempt.endMs = at + Math.round(seconds * random.float() * 0.8 + 5) * 1000;
    } else {
      attempt.endMs = at + seconds * 1000;
      attempt.metrics = spec.metrics?.(random);
    }
    const stuck = request.stuck === spec.task;
    if (stuck && request.deadlineMs !== undefined && request.deadlineMs <= nowMs) {
      // activeDeadlineSeconds: the hung pod is killed and the run fails, without a retry.
      attempts.push({ ...attempt, endMs: request.deadlineMs, phase: FAILURES.deadlineExceeded.phase, message: FAILURES.deadlineExceeded.message, metrics: undefined });
      return { attempts, waiting: false };
    }
    if (stuck || attempt.endMs! > nowMs) {
      attempt.phase = 'Running';
      delete attempt.endMs;
      delete attempt.message;
      delete attempt.metrics;
    }
    attempts.push(attempt);
    if (attempt.phase === 'Succeeded' || attempt.phase === 'Running') {
      break;
    }
    if (n === limit) {
      break;
    }
    at = attempt.endMs! + random.int(10, 30) * 1000;
    if (at >= nowMs) {
      return { attempts, waiting: true };
    }
  }
  return { attempts, waiting: false };
}

function outcome({ attempts, waiting }: { attempts: AttemptPlan[]; waiting: boolean }, cursor: Cursor): void {
  const last = attempts[attempts.length - 1];
  if (last.phase === 'Running' || waiting) {
    cursor.cut = true;
  } else if (last.phase !== 'Succeeded') {
    cursor.failed ??= { message: last.message ?? '', phase: last.phase };
  }
  if (last.endMs !== undefined) {
    cursor.readyMs = Math.max(cursor.readyMs, last.endMs);
  }
}

function itemsOf(spec: StepSpec, request: RunRequest, cursor: Cursor, startMs: number): ItemPlan[] {
  const { random } = request;
  const count = random.int(spec.items![0], spec.items![1]);
  const failingItem = request.fail?.task === spec.task ? random.int(0, count - 1) : -1;
  const slots = new Array<number>(Math.min(count, request.parallelism ?? count)).fill(startMs);
  const items: ItemPlan[] = [];
  for (let index = 0; index < count; index++) {
    // The slot that frees first takes the next item.
    let slot = 0;
    for (let s = 1; s < slots.length; s++) {
      slot = slots[s] < slots[slot] ? s : slot;
    }
    // Each item draws from its own generator: an item finishing later cannot change the ones after it.
    const own = random.fork(`item/${index}`);
    const itemStart = slots[slot] + own.int(0, 4) * 1000;
    if (itemStart >= request.nowMs) {
      cursor.cut = true;
      break;
    }
    const result = attemptsOf(spec, request, itemStart, index === failingItem, own);
    const last = result.attempts[result.attempts.length - 1];
    slots[slot] = result.waiting ? Infinity : (last.endMs ?? Infinity);
    outcome(result, cursor);
    items.push({ index, value: `part-${index}`, attempts: result.attempts });
  }
  return items;
}

/** Simulates a run step by step: each step starts a few seconds after the one before it ended. */
export function simulateRun(request: RunRequest): RunPlan {
  const { pipeline, random } = request;
  const cursor: Cursor = { readyMs: request.startMs, cut: false };
  const tasks: TaskPlan[] = [];
  let previous: string | undefined;
  for (const spec of pipeline.steps) {
    const startMs = cursor.readyMs + random.int(2, 6) * 1000;
    if (cursor.cut || cursor.failed || startMs >= request.nowMs) {
      cursor.cut ||= !cursor.failed;
      break;
    }
    const task: TaskPlan = { task: spec.task, template: spec.template, after: previous ? [previous] : [], retries: spec.retries, attempts: [] };
    if (spec.items) {
      task.items = itemsOf(spec, request, cursor, startMs);
    } else {
      const result = attemptsOf(spec, request, startMs, request.fail?.task === spec.task, random);
      task.attempts = result.attempts;
      outcome(result, cursor);
    }
    tasks.push(task);
    previous = spec.task;
  }
  // Argo keeps a run going while any of its pods runs, even after another one failed; a run whose last
  // pod ended just before nowMs is still finishing (so a later nowMs never moves a finished run's end).
  const finishMs = cursor.cut ? undefined : cursor.readyMs + random.int(1, 3) * 1000;
  const running = finishMs === undefined || finishMs > request.nowMs;
  const endMs = running ? undefined : finishMs;
  return {
    namespace: pipeline.namespace,
    name: request.name,
    uid: request.uid,
    template: request.template,
    cron: request.cron,
    labels: { team: pipeline.team },
    parameters: request.parameters ?? {},
    createdMs: request.startMs,
    startMs: request.startMs,
    endMs,
    phase: running ? 'Running' : (cursor.failed?.phase ?? 'Succeeded'),
    message: running ? undefined : cursor.failed?.message,
    estimatedSeconds: running ? pipeline.steps.reduce((sum, s) => sum + s.seconds, 0) : undefined,
    tasks,
  };
}

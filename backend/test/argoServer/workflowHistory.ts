import { ANNOTATIONS, LABELS, type CronWorkflow, type Workflow } from '../../argo/client/argoTypes';
import { seededRandom } from '../history';
import { cronWorkflowFor, scheduleFor, workflowSpecFor } from './cronWorkflows';
import { PIPELINES, type Pipeline } from './pipelines';
import { kubeTime, zonedTime } from './timeFormat';
import { simulateRun } from './workflowNodes';

/**
 * A generated Argo history: N workflows across namespaces (cron runs named `<cron>-<unix seconds>` with
 * the scheduled-time annotation, template submissions, ad hoc runs), DAGs and steps with retries and
 * failures, ~20 nodes each, spread over weeks; plus the CronWorkflows that made them. Deterministic per seed.
 */
export interface HistoryOptions {
  seed?: number;
  /** How many workflows (default 200). */
  workflows?: number;
  namespaces?: string[];
  /** "Now" for the history: the newest runs may still be running at this time. */
  endMs?: number;
  /** Days of history (default 21). */
  days?: number;
  /** Finished runs younger than this stay live as well as archived; older ones are archive-only. */
  liveHours?: number;
}

/** Where a workflow is: live in Kubernetes, only in the archive, or both (live with the Archived label). */
export type Storage = 'live' | 'archived' | 'both';

/** One generated workflow, where it is kept, and the pipeline that made it. */
export interface GeneratedWorkflow {
  workflow: Workflow;
  storage: Storage;
  pipeline: string;
}

/** The generated objects, and the "now" they were generated for. */
export interface ArgoHistory {
  workflows: GeneratedWorkflow[];
  cronWorkflows: CronWorkflow[];
  endMs: number;
}

/** "Now" of a generated history unless given. */
export const DEFAULT_END_MS = Date.parse('2026-01-15T12:00:00Z');
export const DEFAULT_NAMESPACES = ['argo', 'data', 'ml'];
const NAME_SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';
const HOSTS = [
  'ip-10-0-1-17.ec2.internal',
  'ip-10-0-2-84.ec2.internal',
  'ip-10-0-3-122.ec2.internal',
  'ip-10-0-1-203.ec2.internal',
];

/** A version-4 UUID drawn from the seeded generator. */
export function seededUid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Run {
  pipeline: Pipeline;
  namespace: string;
  startMs: number;
  scheduledMs?: number;
}

function plannedRuns(options: Required<HistoryOptions>, random: () => number): Run[] {
  const windowMs = options.days * 86_400_000;
  const counts = PIPELINES.map((p) => Math.round(options.workflows * p.share));
  counts[counts.length - 1] = Math.max(0, options.workflows - counts.slice(0, -1).reduce((a, b) => a + b, 0));
  const runs: Run[] = [];
  PIPELINES.forEach((pipeline, i) => {
    const namespace = options.namespaces[pipeline.namespaceIndex % options.namespaces.length];
    if (pipeline.kind === 'cron') {
      const { everyMs } = scheduleFor(windowMs / Math.max(1, counts[i]));
      // The newest run starts (a few seconds after its schedule) before the end of the history.
      const newest = Math.floor((options.endMs - 5000) / everyMs) * everyMs;
      for (let k = 0; k < counts[i]; k++) {
        const scheduledMs = newest - k * everyMs;
        runs.push({ pipeline, namespace, scheduledMs, startMs: scheduledMs + Math.floor(random() * 3) * 1000 });
      }
    } else {
      for (let k = 0; k < counts[i]; k++) {
        runs.push({ pipeline, namespace, startMs: options.endMs - Math.floor(random() * windowMs) });
      }
    }
  });
  return runs.sort((a, b) => a.startMs - b.startMs);
}

function uniqueName(run: Run, random: () => number, taken: Set<string>): string {
  if (run.scheduledMs !== undefined) {
    return `${run.pipeline.name}-${Math.floor(run.scheduledMs / 1000)}`;
  }
  for (;;) {
    const suffix = Array.from({ length: 5 }, () => NAME_SUFFIX[Math.floor(random() * NAME_SUFFIX.length)]).join('');
    const name = `${run.pipeline.name}-${suffix}`;
    if (!taken.has(`${run.namespace}/${name}`)) {
      return name;
    }
  }
}

/** Generates the history; the same options give the same objects. */
export function generateArgoHistory(input: HistoryOptions = {}): ArgoHistory {
  const options: Required<HistoryOptions> = {
    seed: 1,
    workflows: 200,
    namespaces: DEFAULT_NAMESPACES,
    endMs: DEFAULT_END_MS,
    days: 21,
    liveHours: 48,
    ...input,
  };
  const random = seededRandom(options.seed);
  const windowMs = options.days * 86_400_000;
  const crons = new Map<string, CronWorkflow>();
  for (const pipeline of PIPELINES.filter((p) => p.kind === 'cron')) {
    const namespace = options.namespaces[pipeline.namespaceIndex % options.namespaces.length];
    const count = Math.max(1, Math.round(options.workflows * pipeline.share));
    crons.set(
      pipeline.name,
      cronWorkflowFor(
        pipeline,
        namespace,
        scheduleFor(windowMs / count).expression,
        seededUid(random),
        options.endMs - windowMs - 86_400_000
      )
    );
  }
  const taken = new Set<string>();
  const lastSuccessSeconds = new Map<string, number>();
  let resourceVersion = 100_000;
  const workflows: GeneratedWorkflow[] = [];
  for (const run of plannedRuns(options, random)) {
    const name = uniqueName(run, random, taken);
    taken.add(`${run.namespace}/${name}`);
    const { pipeline } = run;
    const retryTasks = pipeline.tasks.filter((t) => t.retries).map((t) => t.name);
    const roll = random();
    const result = simulateRun(pipeline, {
      workflowName: name,
      startMs: run.startMs,
      nowMs: options.endMs,
      scale: 1 + (0.3 * (run.startMs - (options.endMs - windowMs))) / windowMs,
      random,
      failTask: roll < 0.1 ? pipeline.tasks[Math.floor(random() * pipeline.tasks.length)].name : undefined,
      errorTask:
        roll >= 0.1 && roll < 0.13 ? pipeline.tasks[Math.floor(random() * pipeline.tasks.length)].name : undefined,
      flakyTasks: new Set(retryTasks.filter(() => random() < 0.3)),
      templateScope: pipeline.kind === 'template' ? `namespaced/${pipeline.name}` : `local/${name}`,
      hosts: HOSTS,
    });
    const finishedMs = result.finishedAt ? Date.parse(result.finishedAt) : undefined;
    const storage: Storage =
      finishedMs === undefined
        ? 'live'
        : options.endMs - finishedMs < options.liveHours * 3_600_000
          ? 'both'
          : 'archived';
    const cron = crons.get(pipeline.name);
    const labels: Record<string, string> = {
      team: pipeline.team,
      [LABELS.completed]: String(finishedMs !== undefined),
      [LABELS.phase]: result.phase,
      ...(cron ? { [LABELS.cronWorkflow]: pipeline.name } : {}),
      ...(pipeline.kind === 'template' ? { [LABELS.workflowTemplate]: pipeline.name } : {}),
      ...(pipeline.kind !== 'cron' ? { [LABELS.creator]: 'system-serviceaccount-argo-argo-server' } : {}),
      ...(storage === 'both' ? { [LABELS.archivingStatus]: 'Archived' } : {}),
    };
    const workflow: Workflow = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: {
        name,
        ...(run.scheduledMs === undefined ? { generateName: `${pipeline.name}-` } : {}),
        namespace: run.namespace,
        uid: seededUid(random),
        resourceVersion: String((resourceVersion += 1 + Math.floor(random() * 40))),
        generation: 4 + Math.floor(random() * 12),
        creationTimestamp: kubeTime(run.startMs),
        labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))),
        annotations: {
          [ANNOTATIONS.podNameFormat]: 'v2',
          ...(run.scheduledMs !== undefined
            ? { [ANNOTATIONS.scheduledTime]: zonedTime(run.scheduledMs, pipeline.timezone ?? 'UTC') }
            : {}),
        },
        ...(cron
          ? {
              ownerReferences: [
                {
                  apiVersion: 'argoproj.io/v1alpha1',
                  blockOwnerDeletion: true,
                  controller: true,
                  kind: 'CronWorkflow',
                  name: cron.metadata.name!,
                  uid: cron.metadata.uid!,
                },
              ],
            }
          : {}),
      },
      spec:
        pipeline.kind === 'template'
          ? {
              arguments: { parameters: [{ name: 'git-sha', value: seededUid(random).slice(0, 8) }] },
              workflowTemplateRef: { name: pipeline.name },
            }
          : workflowSpecFor(pipeline),
      status: {
        phase: result.phase,
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        ...(lastSuccessSeconds.has(pipeline.name) ? { estimatedDuration: lastSuccessSeconds.get(pipeline.name) } : {}),
        progress: result.progress,
        ...(result.message ? { message: result.message } : {}),
        nodes: result.nodes,
        resourcesDuration: result.resourcesDuration,
        conditions: [
          { type: 'PodRunning', status: 'False' },
          ...(finishedMs !== undefined ? [{ type: 'Completed', status: 'True' }] : []),
        ],
      },
    };
    if (result.phase === 'Succeeded' && finishedMs !== undefined) {
      lastSuccessSeconds.set(pipeline.name, Math.round((finishedMs - run.startMs) / 1000));
    }
    workflows.push({ workflow, storage, pipeline: pipeline.name });
  }
  for (const cron of crons.values()) {
    fillCronStatus(cron, workflows);
  }
  return { workflows, cronWorkflows: [...crons.values()], endMs: options.endMs };
}

/**
 * Makes the last `count` workflows of a history still running at its end (the first of them started 30
 * minutes before the end, each next one 30 minutes earlier), live only, with Argo's estimate and progress.
 * Changes the history in place and returns it.
 */
export function withRunningTail(history: ArgoHistory, count: number): ArgoHistory {
  history.workflows.slice(Math.max(0, history.workflows.length - count)).forEach((generated, i) => {
    const started = new Date(history.endMs - (i + 1) * 1_800_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { workflow } = generated;
    workflow.metadata.labels = { ...workflow.metadata.labels, [LABELS.phase]: 'Running', [LABELS.completed]: 'false' };
    delete workflow.metadata.labels[LABELS.archivingStatus];
    workflow.status = { ...workflow.status, phase: 'Running', startedAt: started, finishedAt: null, estimatedDuration: 1200, progress: '2/5' };
    generated.storage = 'live';
  });
  return history;
}

function fillCronStatus(cron: CronWorkflow, workflows: GeneratedWorkflow[]): void {
  const runs = workflows
    .map((g) => g.workflow)
    .filter((w) => w.metadata.labels?.[LABELS.cronWorkflow] === cron.metadata.name);
  const latest = runs[runs.length - 1];
  const scheduled = latest?.metadata.annotations?.[ANNOTATIONS.scheduledTime];
  cron.status = {
    active: runs
      .filter((w) => w.status?.phase === 'Running')
      .map((w) => ({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        name: w.metadata.name!,
        namespace: w.metadata.namespace!,
        uid: w.metadata.uid!,
        resourceVersion: w.metadata.resourceVersion!,
      })),
    conditions: [],
    lastScheduledTime: scheduled ? kubeTime(Date.parse(scheduled)) : null,
    phase: 'Active',
    succeeded: runs.filter((w) => w.status?.phase === 'Succeeded').length,
    failed: runs.filter((w) => w.status?.phase === 'Failed' || w.status?.phase === 'Error').length,
  };
}

import { ANNOTATIONS, type CronWorkflow } from '../../argo/client/argoTypes';
import type { Pipeline, TaskSpec } from './pipelines';
import { kubeTime } from './timeFormat';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Intervals that a five-field cron expression states exactly, with that expression. */
const SCHEDULES: Array<{ everyMs: number; expression: string }> = [
  ...[5, 10, 15, 20, 30].map((m) => ({ everyMs: m * MINUTE, expression: `*/${m} * * * *` })),
  { everyMs: HOUR, expression: '0 * * * *' },
  ...[2, 3, 4, 6, 8, 12].map((h) => ({ everyMs: h * HOUR, expression: `0 */${h} * * *` })),
  { everyMs: 24 * HOUR, expression: '0 0 * * *' },
];

/** The schedule whose interval is closest to the wanted one. */
export function scheduleFor(wantedMs: number): { everyMs: number; expression: string } {
  return SCHEDULES.reduce((best, s) =>
    Math.abs(Math.log(s.everyMs / wantedMs)) < Math.abs(Math.log(best.everyMs / wantedMs)) ? s : best
  );
}

function containerTemplate(task: TaskSpec): Record<string, unknown> {
  return {
    name: task.template,
    inputs: {},
    outputs: {},
    metadata: {},
    container: {
      name: '',
      image: 'alpine:3.23',
      command: ['sh', '-c'],
      args: [`echo ${task.template}; sleep ${task.seconds}`],
      resources: { requests: { cpu: String(task.cores), memory: `${task.memoryMi}Mi` } },
    },
    ...(task.retries ? { retryStrategy: { limit: task.retries } } : {}),
  };
}

function entrypointTemplate(pipeline: Pipeline): Record<string, unknown> {
  const withItems = (task: TaskSpec) => (task.items ? { withItems: task.items } : {});
  if (pipeline.shape === 'dag') {
    return {
      name: 'main',
      inputs: {},
      outputs: {},
      metadata: {},
      dag: {
        tasks: pipeline.tasks.map((t) => ({
          name: t.name,
          template: t.template,
          ...(t.deps ? { dependencies: t.deps } : {}),
          ...withItems(t),
        })),
      },
    };
  }
  const groups = [...new Set(pipeline.tasks.map((t) => t.group ?? 0))].sort((a, b) => a - b);
  return {
    name: 'main',
    inputs: {},
    outputs: {},
    metadata: {},
    steps: groups.map((g) =>
      pipeline.tasks
        .filter((t) => (t.group ?? 0) === g)
        .map((t) => ({ name: t.name, template: t.template, ...withItems(t) }))
    ),
  };
}

/** The WorkflowSpec a pipeline's runs carry: entrypoint, templates, exit handler. */
export function workflowSpecFor(pipeline: Pipeline): Record<string, unknown> {
  const tasks = new Map(pipeline.tasks.map((t) => [t.template, t]));
  if (pipeline.exitTemplate) {
    tasks.set(pipeline.exitTemplate, {
      name: 'onExit',
      template: pipeline.exitTemplate,
      seconds: 3,
      cores: 0.1,
      memoryMi: 64,
    });
  }
  return {
    arguments: {},
    entrypoint: 'main',
    serviceAccountName: 'argo-workflow',
    ...(pipeline.exitTemplate ? { onExit: pipeline.exitTemplate } : {}),
    templates: [entrypointTemplate(pipeline), ...[...tasks.values()].map(containerTemplate)],
  };
}

/** The CronWorkflow behind a cron pipeline (status is filled once its runs exist). */
export function cronWorkflowFor(
  pipeline: Pipeline,
  namespace: string,
  expression: string,
  uid: string,
  createdMs: number
): CronWorkflow {
  const timezone = pipeline.timezone ?? 'UTC';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: {
      name: pipeline.name,
      namespace,
      uid,
      resourceVersion: '90001',
      generation: 1,
      creationTimestamp: kubeTime(createdMs),
      labels: { team: pipeline.team },
      annotations: { [ANNOTATIONS.lastUsedSchedule]: `CRON_TZ=${timezone} ${expression}` },
    },
    spec: {
      schedules: [expression],
      timezone,
      concurrencyPolicy: 'Allow',
      startingDeadlineSeconds: 60,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      workflowMetadata: { labels: { team: pipeline.team } },
      workflowSpec: workflowSpecFor(pipeline),
    },
  };
}

/**
 * A generated cron as a user of that version writes it: with `spec.schedule` before v3.6 (the only field
 * there), with `spec.schedules` from v4.0. Only the generator's single-schedule form is rewritten; objects a
 * test writes itself are served as they are (cronRoutes.served drops what the version does not know).
 */
export function writtenFor(cron: CronWorkflow, fields: 'schedule' | 'both' | 'schedules'): CronWorkflow {
  const { schedule, schedules, ...spec } = cron.spec;
  if (fields === 'schedule' && schedule === undefined && schedules?.length === 1) {
    return { ...cron, spec: { ...spec, schedule: schedules[0] } };
  }
  if (fields === 'schedules' && schedules === undefined && typeof schedule === 'string') {
    return { ...cron, spec: { ...spec, schedules: [schedule] } };
  }
  return cron;
}

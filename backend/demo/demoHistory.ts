import { ANNOTATIONS, type CronWorkflow, type Workflow } from '../argo/client/argoTypes';
import { DEMO_CRONS, DEMO_LABEL } from './catalog';
import { cronRunPlans, type HistoryWindow } from './cronRuns';
import { DemoRandom, argoTime } from './random';
import { templateRunPlans } from './templateRuns';
import { workflowObject } from './workflowObject';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Finished runs younger than this are still live in the cluster; older ones only in the archive. */
export const LIVE_HOURS = 12;

export interface DemoHistoryOptions {
  seed: number;
  days: number;
  /** The end of the history ("now" for it), whole seconds. */
  endMs: number;
  /** The end of the first load, where the catalog's stories are anchored (default endMs; live: the start of serving). */
  anchorMs?: number;
  /** Only runs ticked or submitted from here on (default endMs - days): the runs a live advance may change. */
  fromMs?: number;
}

export interface DemoHistory {
  fromMs: number;
  endMs: number;
  anchorMs: number;
  /** Oldest first. */
  workflows: Workflow[];
  cronWorkflows: CronWorkflow[];
}

/**
 * The demo's Argo history: the same options give the same objects. Every run is keyed by its tick or
 * submission slot and the anchor, so for one anchor a later end holds every run an earlier end finished,
 * unchanged, and the runs then running, further on.
 */
export function demoHistory(options: DemoHistoryOptions): DemoHistory {
  const anchorMs = options.anchorMs ?? options.endMs;
  const window: HistoryWindow = {
    seed: options.seed,
    days: options.days,
    fromMs: options.fromMs ?? options.endMs - options.days * DAY,
    endMs: options.endMs,
    anchorMs,
  };
  const plans = [...cronRunPlans(window), ...templateRunPlans(window)].sort((a, b) => a.startMs - b.startMs || a.name.localeCompare(b.name));
  const workflows = plans.map(workflowObject);
  return { fromMs: window.fromMs, endMs: window.endMs, anchorMs, workflows, cronWorkflows: demoCronWorkflows(options.seed, anchorMs - options.days * DAY, workflows) };
}

/** Whether the Argo Server still holds a run as a live object (else it is in the archive only). */
export function isLive(workflow: Workflow, endMs: number): boolean {
  const finished = workflow.status?.finishedAt;
  return !finished || Date.parse(finished) >= endMs - LIVE_HOURS * HOUR;
}

/** The four CronWorkflows, their status (active runs, last tick, counts) from the runs given. */
export function demoCronWorkflows(seed: number, createdAfterMs: number, workflows: Workflow[]): CronWorkflow[] {
  return Object.values(DEMO_CRONS).map((cron) => {
    const runs = workflows.filter((w) => w.metadata.labels?.['workflows.argoproj.io/cron-workflow'] === cron.name);
    const last = runs.reduce<string | undefined>((latest, w) => {
      const tick = w.metadata.annotations?.[ANNOTATIONS.scheduledTime];
      return tick && (!latest || tick > latest) ? tick : latest;
    }, undefined);
    const random = new DemoRandom(seed, `${cron.name}/object`);
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'CronWorkflow',
      metadata: {
        name: cron.name,
        namespace: cron.namespace,
        uid: random.uid(),
        resourceVersion: String(900_000 + random.int(0, 99_999)),
        generation: 1,
        creationTimestamp: argoTime(createdAfterMs - DAY),
        labels: { [DEMO_LABEL.key]: DEMO_LABEL.value },
        annotations: { [ANNOTATIONS.lastUsedSchedule]: `CRON_TZ=${cron.timezone} ${cron.schedule}` },
      },
      spec: {
        schedules: [cron.schedule],
        timezone: cron.timezone,
        concurrencyPolicy: 'Allow',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        workflowMetadata: { labels: { [DEMO_LABEL.key]: DEMO_LABEL.value } },
        workflowSpec: { entrypoint: 'main', serviceAccountName: 'argo-workflow' },
      },
      status: {
        active: runs
          .filter((w) => !w.status?.finishedAt)
          .map((w) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: w.metadata.name!, namespace: cron.namespace, uid: w.metadata.uid! })),
        lastScheduledTime: last ?? null,
        conditions: [],
        succeeded: runs.filter((w) => w.status?.phase === 'Succeeded').length,
        failed: runs.filter((w) => w.status?.phase === 'Failed' || w.status?.phase === 'Error').length,
        phase: 'Active',
      },
    };
  });
}

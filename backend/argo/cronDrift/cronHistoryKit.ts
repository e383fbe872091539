import { ANNOTATIONS, LABELS, type CronWorkflow, type Workflow } from '../client/argoTypes';
import type { ArgoHistory } from '../../test/argoServer/workflowHistory';
import { kubeTime } from '../../test/argoServer/timeFormat';

/**
 * Hand-made cron histories for the cronDrift tests: CronWorkflows as a test writes them and one
 * succeeded run per listed tick (archived and live), named `<cron>-<unix seconds>` with the scheduled-time
 * annotation, started 5 s after its tick and finished a minute later.
 */
export const MINUTE = 60_000;

export function cronObject(
  name: string,
  spec: Record<string, unknown>,
  createdMs: number,
  namespace = 'argo'
): CronWorkflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: {
      name,
      namespace,
      uid: `00000000-0000-4000-8000-${String(hash(`${namespace}/${name}`)).padStart(12, '0')}`,
      creationTimestamp: kubeTime(createdMs),
    },
    spec: {
      workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine' } }] },
      ...spec,
    },
  } as CronWorkflow;
}

export function cronRun(cron: CronWorkflow, tickMs: number): Workflow {
  const name = `${cron.metadata.name}-${tickMs / 1000}`;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      namespace: cron.metadata.namespace,
      uid: `11111111-0000-4000-8000-${String(hash(`${cron.metadata.namespace}/${name}`)).padStart(12, '0')}`,
      creationTimestamp: kubeTime(tickMs),
      labels: {
        [LABELS.cronWorkflow]: cron.metadata.name!,
        [LABELS.completed]: 'true',
        [LABELS.phase]: 'Succeeded',
        [LABELS.archivingStatus]: 'Archived',
      },
      annotations: { [ANNOTATIONS.scheduledTime]: kubeTime(tickMs) },
    },
    spec: {},
    status: { phase: 'Succeeded', startedAt: kubeTime(tickMs + 5_000), finishedAt: kubeTime(tickMs + 65_000) },
  } as Workflow;
}

/** A history of the given crons with a run for each listed tick. */
export function cronHistory(endMs: number, crons: CronWorkflow[], runs: Workflow[]): ArgoHistory {
  return {
    endMs,
    cronWorkflows: crons,
    workflows: runs.map((workflow) => ({ workflow, storage: 'both' as const, pipeline: workflow.metadata.name! })),
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  }
  return h;
}

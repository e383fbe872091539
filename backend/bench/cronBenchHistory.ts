import { ANNOTATIONS, LABELS, type CronWorkflow, type Workflow } from '../argo/client/argoTypes';
import type { ConcurrencyPolicy } from '../argo/cron/cronTypes';
import { kubeTime } from '../test/argoServer/timeFormat';
import { seededRandom } from '../test/history';

/**
 * The cronDrift benchmark's history: one CronWorkflow ticking every minute (`* * * * *`, UTC) and its runs
 * as the Argo Server lists them, `runs` of them over the minutes before `endMs` (216,000 runs: five months).
 * Like a busy cron: about 1 % of ticks missed, 0.5 % of runs late, 3 % failed, a run by hand now and then,
 * the newest run still going. 2 % of runs take 3–5 minutes: with Forbid the ticks meanwhile are skipped,
 * with Replace the next tick's run terminates them; with Allow they overlap.
 */
export interface CronBenchHistory {
  cron: CronWorkflow;
  workflows: Workflow[];
  /** The first tick: the query's range is [fromMs, endMs). */
  fromMs: number;
  endMs: number;
}

const MINUTE = 60_000;
const CRON = 'every-minute';
const NAMESPACE = 'argo';

export function cronBenchHistory(
  runs: number,
  policy: ConcurrencyPolicy,
  endMs = Date.UTC(2026, 5, 1)
): CronBenchHistory {
  const random = seededRandom(7);
  // Enough ticks for `runs` runs: a few are missed or skipped, so count back generously, then trim.
  const fromMs = endMs - Math.ceil(runs * 1.2) * MINUTE;
  const made: Workflow[] = [];
  let activeUntilMs = -Infinity; // Forbid: the end of the run still active
  for (let tickMs = fromMs; tickMs < endMs - MINUTE; tickMs += MINUTE) {
    const r = random();
    if (r < 0.01) {
      continue; // missed
    }
    if (policy === 'Forbid' && tickMs < activeUntilMs) {
      continue; // skipped: the long run is still active
    }
    const createdMs = tickMs + 1_000;
    const startedMs = createdMs + (random() < 0.005 ? 90_000 + random() * 200_000 : 1_000 + random() * 6_000);
    const long = random() < 0.02;
    let finishedMs = startedMs + (long ? 180_000 + random() * 120_000 : 20_000 + random() * 20_000);
    let phase = random() < 0.03 ? 'Failed' : 'Succeeded';
    if (long && policy === 'Replace') {
      finishedMs = Math.min(finishedMs, tickMs + MINUTE + 1_000); // terminated by the next tick's run
      phase = 'Failed';
    }
    activeUntilMs = finishedMs + 10_000;
    made.push(workflow(`${CRON}-${tickMs / 1000}`, tickMs, createdMs, startedMs, finishedMs, phase, random));
    if (random() < 0.003) {
      const byHandMs = tickMs + 17_000;
      made.push(
        workflow(
          `${CRON}-${suffix(random)}`,
          byHandMs,
          byHandMs,
          byHandMs + 2_000,
          byHandMs + 30_000,
          'Succeeded',
          random
        )
      );
    }
  }
  const workflows = made.slice(-runs);
  const newest = workflows[workflows.length - 1];
  newest.status = { phase: 'Running', startedAt: newest.status?.startedAt }; // still going at the end
  const firstTickMs = Date.parse(workflows[0].metadata.annotations![ANNOTATIONS.scheduledTime]);
  return { cron: cronWorkflow(firstTickMs - 3_600_000, policy), workflows, fromMs: firstTickMs, endMs };
}

function workflow(
  name: string,
  scheduledMs: number,
  createdMs: number,
  startedMs: number,
  finishedMs: number,
  phase: string,
  random: () => number
): Workflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      namespace: NAMESPACE,
      uid: uid(random),
      creationTimestamp: kubeTime(createdMs),
      labels: {
        [LABELS.cronWorkflow]: CRON,
        [LABELS.completed]: 'true',
        [LABELS.phase]: phase,
        [LABELS.archivingStatus]: 'Archived',
      },
      annotations: { [ANNOTATIONS.scheduledTime]: kubeTime(scheduledMs) },
    },
    spec: {},
    status: { phase, startedAt: kubeTime(startedMs), finishedAt: kubeTime(finishedMs) },
  } as Workflow;
}

function cronWorkflow(createdMs: number, concurrencyPolicy: ConcurrencyPolicy): CronWorkflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: {
      name: CRON,
      namespace: NAMESPACE,
      uid: 'c0000000-0000-4000-8000-000000000001',
      creationTimestamp: kubeTime(createdMs),
    },
    spec: {
      schedules: ['* * * * *'],
      concurrencyPolicy,
      workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine' } }] },
    },
  } as CronWorkflow;
}

function uid(random: () => number): string {
  const hex = () =>
    Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const [a, b, c, d] = [hex(), hex(), hex(), hex()];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

function suffix(random: () => number): string {
  return Array.from({ length: 5 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(random() * 20)]).join('');
}

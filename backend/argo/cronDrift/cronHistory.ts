import type { Notice } from '../../frames/frame';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import { LABELS, type CronWorkflow, type Workflow } from '../client/argoTypes';
import type { ListOutcome } from '../client/listPages';
import { argoCall } from '../history/argoCall';

/**
 * What the Argo Server holds for cron drift: the CronWorkflows (by namespace and name) and their runs,
 * live and archived, listed by the `workflows.argoproj.io/cron-workflow` label over a time window and
 * de-duplicated by uid. Listing errors (401, 403, timeouts) fail the query through argoCall.
 */
export interface CronHistoryRequest {
  /** Namespaces to read; empty: every namespace the token may list. */
  namespaces: string[];
  /** Cron names to keep; empty: all. */
  crons: string[];
  /** Runs that started in [fromMs, toMs], both inclusive (as the server filters). */
  fromMs: number;
  toMs: number;
  signal: AbortSignal;
}

export interface CronHistory {
  crons: CronWorkflow[];
  runs: Workflow[];
  /** Finished runs were listed and none carries the archive's label: the archive is off, so the controller's history limits and TTLs delete runs. */
  liveOnly: boolean;
  notices: Notice[];
  /** What was asked of the server, for the query inspector. */
  executed: string;
}

function incomplete(outcome: ListOutcome, what: string): Notice[] {
  return outcome.complete
    ? []
    : [
        {
          severity: 'warning',
          text: `The Argo Server's list of ${what} may be incomplete: ${outcome.incompleteReason ?? 'it stopped early'}.`,
        },
      ];
}

/** Whether a run came from (or was copied to) the workflow archive. */
function isArchived(workflow: Workflow): boolean {
  const status = workflow.metadata?.labels?.[LABELS.archivingStatus];
  return status === 'Archived' || status === 'Persisted';
}

/** `label` (exists) for every cron, `label in (a,b)` for the chosen ones. */
export function cronRunSelector(names: string[]): string {
  return names.length === 0 ? LABELS.cronWorkflow : `${LABELS.cronWorkflow} in (${[...names].sort().join(',')})`;
}

export async function readCronHistory(instance: DatasourceInstance, request: CronHistoryRequest): Promise<CronHistory> {
  const client = argoClient(instance);
  const call = { signal: request.signal };
  const namespaces = request.namespaces.length > 0 ? request.namespaces : [''];
  const notices: Notice[] = [];

  const cronLists = await Promise.all(
    namespaces.map((namespace) => argoCall(() => client.listCronWorkflows({ namespace }, call)))
  );
  const wanted = new Set(request.crons);
  const crons = cronLists
    .flatMap(({ items, outcome }) => {
      notices.push(...incomplete(outcome, 'cron workflows'));
      return items;
    })
    .filter((cron) => wanted.size === 0 || wanted.has(cron.metadata?.name ?? ''))
    .sort((a, b) => cronKey(a).localeCompare(cronKey(b)));
  const selector = cronRunSelector(request.crons);
  const executed = [
    `Argo Server: cron workflows in ${namespaces.map((n) => n || 'all namespaces').join(', ')}`,
    `runs (live and archived) with ${selector}, started ${new Date(request.fromMs).toISOString()} to ${new Date(request.toMs).toISOString()}`,
  ];
  if (crons.length === 0) {
    return { crons, runs: [], liveOnly: false, notices, executed: executed.join('\n') };
  }

  const query = {
    labelSelector: selector,
    startedAfter: new Date(request.fromMs),
    startedBefore: new Date(request.toMs),
    includeArchive: true,
  };
  const runLists = await Promise.all(
    namespaces.map((namespace) => argoCall(() => client.listWorkflows({ ...query, namespace }, call)))
  );
  const seen = new Set<string>();
  const runs: Workflow[] = [];
  for (const { items, outcome } of runLists) {
    notices.push(...incomplete(outcome, 'cron runs'));
    for (const item of items) {
      const key = item.metadata?.uid ?? `${item.metadata?.namespace}/${item.metadata?.name}`;
      if (!seen.has(key)) {
        seen.add(key);
        runs.push(item);
      }
    }
  }
  const finished = runs.filter((run) => run.status?.finishedAt);
  const liveOnly = finished.length > 0 && !finished.some(isArchived);
  executed.push(`${crons.length} cron workflows, ${runs.length} runs listed`);
  return { crons, runs, liveOnly, notices, executed: executed.join('\n') };
}

export function cronKey(cron: CronWorkflow): string {
  return `${cron.metadata?.namespace ?? ''}/${cron.metadata?.name ?? ''}`;
}

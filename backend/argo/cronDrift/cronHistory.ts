import type { Notice } from '../../frames/frame';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import { LABELS, type CronWorkflow, type Workflow } from '../client/argoTypes';
import { isArchived, listPerNamespace, namespacesToList, uniqueByUid } from '../history/namespaceLists';

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
  /** The server's version ("v3.7.12"): each version reads a CronWorkflow its own way. Undefined: not learnt. */
  argoVersion?: string;
}

/** `label` (exists) for every cron, `label in (a,b)` for the chosen ones. */
export function cronRunSelector(names: string[]): string {
  return names.length === 0 ? LABELS.cronWorkflow : `${LABELS.cronWorkflow} in (${[...names].sort().join(',')})`;
}

export async function readCronHistory(instance: DatasourceInstance, request: CronHistoryRequest): Promise<CronHistory> {
  const client = argoClient(instance);
  const call = { signal: request.signal };
  const namespaces = namespacesToList(request.namespaces);

  const cronList = await listPerNamespace(
    namespaces,
    (namespace) => client.listCronWorkflows({ namespace }, call),
    'cron workflows'
  );
  const notices: Notice[] = [...cronList.notices];
  const wanted = new Set(request.crons);
  const crons = cronList.items
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
  // From the cron list's version header (v3.6+), else /api/v1/version, read again once five minutes old.
  await client.features(call);
  const argoVersion = client.serverVersion;

  const query = {
    labelSelector: selector,
    startedAfter: new Date(request.fromMs),
    startedBefore: new Date(request.toMs),
    includeArchive: true,
  };
  const runList = await listPerNamespace(
    namespaces,
    (namespace) => client.listWorkflows({ ...query, namespace }, call),
    'cron runs'
  );
  notices.push(...runList.notices);
  const runs = uniqueByUid(runList.items);
  const finished = runs.filter((run) => run.status?.finishedAt);
  const liveOnly = finished.length > 0 && !finished.some(isArchived);
  executed.push(
    `${crons.length} cron workflows, ${runs.length} runs listed (read as Argo ${argoVersion ?? 'of unknown version'})`
  );
  return { crons, runs, liveOnly, notices, executed: executed.join('\n'), argoVersion };
}

export function cronKey(cron: CronWorkflow): string {
  return `${cron.metadata?.namespace ?? ''}/${cron.metadata?.name ?? ''}`;
}

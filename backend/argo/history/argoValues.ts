import { NODE_ONLY_GROUP_KEYS, type GroupKey } from '../../../src/query/groupBy';
import { QueryError } from '../../errors/queryError';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import { argoCall } from './argoCall';
import { argoRuns } from './argoRuns';
import { keyValue } from './documentKeys';

/**
 * Lists for template variables and ad hoc filters from the Argo Server (when the datasource has no
 * Elasticsearch, or `source=argo` is asked): values found on the runs it holds in the time range
 * (default: the last 7 days), and cron workflow names from its cron list.
 */
export interface ArgoValuesRequest {
  key: GroupKey | 'labels';
  namespaces: string[];
  fromMs?: number;
  toMs?: number;
  signal: AbortSignal;
}

const DEFAULT_DAYS = 7;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

export async function argoValues(instance: DatasourceInstance, request: ArgoValuesRequest): Promise<string[]> {
  if (request.key === 'cron') {
    const client = argoClient(instance);
    const namespaces = request.namespaces.length ? request.namespaces : [''];
    const lists = await Promise.all(namespaces.map((namespace) => argoCall(() => client.listCronWorkflows({ namespace }, { signal: request.signal }))));
    return sorted(lists.flatMap((list) => list.items.map((cron) => cron.metadata?.name).filter((name): name is string => Boolean(name))));
  }
  if (NODE_ONLY_GROUP_KEYS.includes(request.key)) {
    // Without Elasticsearch the handler has already said which setting to turn on.
    throw new QueryError(`source: ${request.key} values come from Elasticsearch (they need every run's steps); leave out source=argo`);
  }
  const toMs = request.toMs ?? Date.now();
  const fromMs = request.fromMs ?? toMs - DEFAULT_DAYS * 86_400_000;
  const runs = await argoRuns(instance, { namespaces: request.namespaces, fromMs, toMs, withNodes: false, signal: request.signal });
  if (request.key === 'labels') {
    return sorted(runs.workflows.flatMap((doc) => Object.keys(doc.labels ?? {})));
  }
  const key = request.key;
  return sorted(runs.workflows.map((doc) => keyValue(doc, key, 'workflow')).filter((value): value is string => value !== undefined));
}

/** Run names the Argo Server holds in the range (default: the last 7 days), newest start first. */
export async function argoRunNames(
  instance: DatasourceInstance,
  request: Omit<ArgoValuesRequest, 'key'> & { workflows: string[]; size: number }
): Promise<string[]> {
  const toMs = request.toMs ?? Date.now();
  const fromMs = request.fromMs ?? toMs - DEFAULT_DAYS * 86_400_000;
  const runs = await argoRuns(instance, { namespaces: request.namespaces, fromMs, toMs, withNodes: false, signal: request.signal });
  const picked = runs.workflows.filter((doc) => request.workflows.length === 0 || request.workflows.includes(keyValue(doc, 'workflow', 'workflow') ?? ''));
  picked.sort((a, b) => Date.parse(b['@timestamp']) - Date.parse(a['@timestamp']) || a.workflow.name.localeCompare(b.workflow.name));
  return [...new Set(picked.map((doc) => doc.workflow.name))].slice(0, request.size);
}

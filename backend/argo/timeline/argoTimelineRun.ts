import type { TimelineQuery, TimelineSource } from '../../../src/query/timelineQuery';
import { QueryError } from '../../errors/queryError';
import { timelineText } from '../../timeline/timelineText';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import type { ArgoClient } from '../client/argoClient';
import { ArgoRequestError } from '../client/argoErrors';
import type { Workflow } from '../client/argoTypes';
import { NODE_DETAIL_GET_FIELDS } from '../client/fields';
import { isArchiveRow } from '../client/nodeDetail';
import { argoCall } from '../history/argoCall';

/** Most list rows read to find a run by uid, or by name in an archive without the GET fallback. */
const MAX_SEARCHED = 20_000;
const FIND_FIELDS = ['items.metadata.uid', 'items.metadata.name', 'items.metadata.namespace', 'items.metadata.labels'];

export interface ArgoTimelineRun {
  workflow: Workflow;
  source: Extract<TimelineSource, 'argo-live' | 'argo-archived'>;
  executed: string;
}

const notFound = (error: unknown) => error instanceof ArgoRequestError && error.kind === 'notFound';

async function orUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (notFound(error)) {
      return undefined;
    }
    throw error;
  }
}

const answer = (workflow: Workflow, executed: string): ArgoTimelineRun => ({
  workflow,
  // v3.5+ servers answer a GET of a deleted run from the archive: its rows carry the archive's label.
  source: isArchiveRow(workflow) ? 'argo-archived' : 'argo-live',
  executed,
});

async function byName(client: ArgoClient, namespace: string, name: string, uid: string | undefined, signal: AbortSignal) {
  const live = await orUndefined(() => client.getWorkflow(namespace, name, { signal }, { fields: NODE_DETAIL_GET_FIELDS, uid }));
  if (live !== undefined && (!uid || live.metadata.uid === uid)) {
    return answer(live, `GET /api/v1/workflows/${namespace}/${name}`);
  }
  // Servers before v3.5 do not fall back to the archive: find the run's uid in the archive list.
  const archived = await client.listArchivedWorkflows({ namespace, maxItems: MAX_SEARCHED }, { signal });
  const row = archived.items.find((w) => w.metadata.name === name && (!uid || w.metadata.uid === uid));
  const rowUid = row?.metadata.uid;
  const workflow = rowUid ? await orUndefined(() => client.getArchivedWorkflow(rowUid, { signal })) : undefined;
  return workflow && { workflow, source: 'argo-archived' as const, executed: `GET /api/v1/archived-workflows/${rowUid}` };
}

async function byUid(client: ArgoClient, namespaces: string[], uid: string, signal: AbortSignal) {
  for (const namespace of namespaces.length ? namespaces : ['']) {
    const live = await client.listWorkflows({ namespace, projection: FIND_FIELDS, maxItems: MAX_SEARCHED }, { signal });
    const row = live.items.find((w) => w.metadata.uid === uid && !isArchiveRow(w));
    if (row?.metadata.name && row.metadata.namespace) {
      const found = await byName(client, row.metadata.namespace, row.metadata.name, uid, signal);
      if (found) {
        return found;
      }
    }
  }
  const workflow = await orUndefined(() => client.getArchivedWorkflow(uid, { signal }));
  return workflow && { workflow, source: 'argo-archived' as const, executed: `GET /api/v1/archived-workflows/${uid}` };
}

/**
 * One run from the Argo Server with its nodes: the live workflow, else the archived one. `namespaces`
 * are the query's (after the datasource's allow-list); a run found outside them is not shown.
 */
export async function argoTimelineRun(instance: DatasourceInstance, query: TimelineQuery, namespaces: string[], signal: AbortSignal): Promise<ArgoTimelineRun> {
  const client = argoClient(instance);
  const found = await argoCall(async () => {
    if (query.run) {
      if (namespaces.length !== 1) {
        throw new QueryError(timelineText.oneNamespace);
      }
      return byName(client, namespaces[0], query.run, query.uid, signal);
    }
    return byUid(client, namespaces, query.uid!, signal);
  });
  const namespace = found?.workflow.metadata.namespace;
  if (found === undefined || (namespaces.length > 0 && namespace !== undefined && !namespaces.includes(namespace))) {
    throw unknownRun(query, namespaces);
  }
  return found;
}

export function unknownRun(query: TimelineQuery, namespaces: string[]): QueryError {
  const what = [query.run && `"${query.run}"`, query.uid && `with uid "${query.uid}"`].filter(Boolean).join(' ');
  const where = namespaces.length ? `in namespace ${namespaces.join(', ')}` : 'in any namespace';
  return new QueryError(timelineText.unknownRun(what, where));
}

import { QueryError } from '../../errors/queryError';
import type { Notice } from '../../frames/frame';
import { logger } from '../../log/logger';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import type { Workflow } from '../client/argoTypes';
import type { NodeDocument, WorkflowDocument } from '../extract/documents';
import { extractWorkflow } from '../extract/extractWorkflow';
import { canMergeElasticsearch, elasticsearchRuns, MAX_MERGED_DOCUMENTS } from './elasticsearchRuns';
import { elasticsearchMissingNotice, type MergeUse } from './elasticsearchMissing';
import { isArchived, listPerNamespace, uniqueByUid } from './namespaceLists';

/**
 * The runs the Argo Server still holds for a time range: the live list and the archive (merged by the
 * server from v3.5, by the client before), de-duplicated by uid, extracted into the same documents as
 * Elasticsearch holds. Says on a notice when the list may be incomplete or biased.
 */
export interface RunsRequest {
  /** Namespaces to read; empty: all the token may list. */
  namespaces: string[];
  fromMs: number;
  toMs: number;
  /** Node documents too (a GET per run whose list entry has no nodes). */
  withNodes: boolean;
  signal: AbortSignal;
  /** What the runs are for, to say what is missing when Elasticsearch fails (default history). */
  use?: MergeUse;
}

export interface ArgoRuns {
  workflows: WorkflowDocument[];
  nodes: NodeDocument[];
  /** The raw objects, for callers that need fields the documents do not carry (progress, estimates). */
  objects: Workflow[];
  notices: Notice[];
}

/** Finished runs of every phase are kept; Argo's TTL deletes successes sooner than failures. */
export const LIVE_ONLY_NOTICE =
  'Only runs the Argo Server still holds are counted: it deletes finished workflows by TTL (often successes sooner than failures) ' +
  'and no archived runs were found, so rates and trends may be biased. Turn on the workflow archive, or collect the history into Elasticsearch.';

async function listNamespace(instance: DatasourceInstance, namespace: string, request: RunsRequest) {
  const client = argoClient(instance);
  const query = {
    namespace,
    startedAfter: new Date(request.fromMs),
    startedBefore: new Date(request.toMs),
    includeArchive: true,
  };
  const call = { signal: request.signal };
  const { items, outcome } = request.withNodes
    ? await collect(client.listWorkflowPagesWithNodes(query, call))
    : await client.listWorkflows(query, call);
  return { items, outcome };
}

async function collect(pages: AsyncIterable<{ items: Workflow[] }> & { outcome?: { complete: boolean; incompleteReason?: string } }) {
  const items: Workflow[] = [];
  for await (const page of pages) {
    items.push(...page.items);
  }
  return { items, outcome: pages.outcome! };
}

export async function argoRuns(instance: DatasourceInstance, request: RunsRequest): Promise<ArgoRuns> {
  const listed = await listPerNamespace(request.namespaces, (namespace) => listNamespace(instance, namespace, request));
  const objects = uniqueByUid(listed.items);
  const notices: Notice[] = listed.notices;
  const workflows: WorkflowDocument[] = [];
  const nodes: NodeDocument[] = [];
  let unreadable = 0;
  for (const object of objects) {
    const extracted = extractWorkflow(object);
    if (!extracted.workflow) {
      unreadable++;
      continue;
    }
    workflows.push(extracted.workflow);
    if (request.withNodes) {
      nodes.push(...extracted.nodes);
    }
  }
  if (unreadable > 0) {
    notices.push({ severity: 'warning', text: `${unreadable} workflow${unreadable === 1 ? '' : 's'} from the Argo Server had no name or start time and were left out.` });
  }
  let merged = 0;
  let failed = false;
  if (canMergeElasticsearch(instance)) {
    // Runs Argo has already deleted (TTL) but the collector kept: the same documents, merged by uid.
    const known = [...new Set(workflows.map((doc) => doc.workflow.uid).filter((uid): uid is string => Boolean(uid)))];
    const kept = await keptRuns(instance, { ...request, knownUids: known });
    if ('failure' in kept) {
      failed = true;
      notices.push(elasticsearchMissingNotice(kept.failure, request.use ?? 'history'));
    } else {
      workflows.push(...kept.workflows);
      nodes.push(...(request.withNodes ? kept.nodes : []));
      merged = kept.workflows.length;
      if (merged > 0) {
        notices.push({ severity: 'info', text: `${merged} run${merged === 1 ? '' : 's'} no longer on the Argo Server came from Elasticsearch.` });
      }
      if (kept.capped) {
        notices.push({ severity: 'warning', text: `Only the first ${MAX_MERGED_DOCUMENTS} documents from Elasticsearch were merged; narrow the time range, or use source elasticsearch.` });
      }
    }
  }
  const finished = objects.filter((o) => o.status?.finishedAt);
  // When Elasticsearch failed, its notice already says the history is the Argo Server's alone.
  if (finished.length > 0 && !finished.some(isArchived) && merged === 0 && !failed) {
    notices.push({ severity: 'warning', text: LIVE_ONLY_NOTICE });
  }
  return { workflows, nodes, objects, notices };
}

/**
 * The runs Elasticsearch kept, or why it could not be read: the Argo Server has answered, so an
 * Elasticsearch failure costs the answer only its older runs (a notice says so), not the whole answer.
 */
async function keptRuns(
  instance: DatasourceInstance,
  request: Parameters<typeof elasticsearchRuns>[1]
): Promise<Awaited<ReturnType<typeof elasticsearchRuns>> | { failure: string }> {
  try {
    return await elasticsearchRuns(instance, request);
  } catch (error) {
    if (!(error instanceof QueryError) || request.signal.aborted) {
      throw error;
    }
    logger.warn('Elasticsearch part of an Argo Server answer failed', { datasource: instance.uid, error: error.message });
    return { failure: error.message };
  }
}

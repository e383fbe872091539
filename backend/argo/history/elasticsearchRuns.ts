import type { Level } from '../../../src/query/model';
import { TEMPLATE_FIELDS } from '../../elasticsearch/documentFields';
import { searchFilters } from '../../elasticsearch/searchFilters';
import type { DatasourceInstance } from '../../settings/instances';
import type { NodeDocument, WorkflowDocument } from '../extract/documents';

/**
 * Runs the Argo Server no longer holds but the collector kept in Elasticsearch: documents of the time
 * range whose workflow uid is not among the uids the Argo Server listed, so an answer from source argo
 * is not biased by Argo's TTL. Only for indices in our document model (field mapping preset "ours",
 * without renames): other documents cannot be merged field for field.
 */
export const MAX_MERGED_DOCUMENTS = 50_000;
const PAGE = 5_000;

export interface MergedDocuments {
  workflows: WorkflowDocument[];
  nodes: NodeDocument[];
  /** More documents matched than were read. */
  capped: boolean;
}

export function canMergeElasticsearch(instance: DatasourceInstance): boolean {
  const mapping = instance.settings.elasticsearch?.fieldMapping;
  return Boolean(instance.settings.elasticsearch) && (!mapping || (mapping.preset === 'argoperf' && Object.keys(mapping.fields ?? {}).length === 0 && !mapping.durationUnit));
}

async function documentsOf(
  instance: DatasourceInstance,
  level: Level,
  request: { namespaces: string[]; fromMs: number; toMs: number; knownUids: string[]; signal: AbortSignal },
  budget: number
): Promise<{ documents: Array<Record<string, unknown>>; capped: boolean }> {
  const { searchHits } = await import('../../elasticsearch/searchElasticsearch');
  const f = TEMPLATE_FIELDS.map.names;
  const filter = searchFilters(TEMPLATE_FIELDS, level, request, { namespaces: request.namespaces });
  const mustNot = request.knownUids.length ? [{ terms: { [f.workflowUid]: request.knownUids } }] : [];
  const documents: Array<Record<string, unknown>> = [];
  let after: unknown[] | undefined;
  while (documents.length < budget) {
    const page = await searchHits(
      instance,
      {
        size: Math.min(PAGE, budget - documents.length + 1),
        track_total_hits: false,
        query: { bool: { filter, must_not: mustNot } },
        sort: [{ [f.start]: 'asc' }, { [f.workflowUid]: 'asc' }, ...(level === 'node' ? [{ 'node.id': { order: 'asc', unmapped_type: 'keyword' } }] : [])],
        ...(after ? { search_after: after } : {}),
      },
      request.signal
    );
    documents.push(...page.map((hit) => hit.source));
    if (page.length < PAGE) {
      break;
    }
    after = page.at(-1)!.sort;
  }
  return { documents: documents.slice(0, budget), capped: documents.length > budget };
}

/** Workflow documents (and node documents when asked) of runs missing from the Argo Server's lists. */
export async function elasticsearchRuns(
  instance: DatasourceInstance,
  request: { namespaces: string[]; fromMs: number; toMs: number; knownUids: string[]; withNodes: boolean; signal: AbortSignal }
): Promise<MergedDocuments> {
  const workflows = await documentsOf(instance, 'workflow', request, MAX_MERGED_DOCUMENTS);
  const nodes = request.withNodes ? await documentsOf(instance, 'node', request, MAX_MERGED_DOCUMENTS) : { documents: [], capped: false };
  return {
    workflows: workflows.documents as unknown as WorkflowDocument[],
    nodes: nodes.documents as unknown as NodeDocument[],
    capped: workflows.capped || nodes.capped,
  };
}

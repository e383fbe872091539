import type { TimelineQuery } from '../../src/query/timelineQuery';
import type { NodeDocument, WorkflowDocument } from '../argo/extract/documents';
import type { DatasourceInstance } from '../settings/instances';
import { TEMPLATE_FIELDS } from './documentFields';
import { searchHits } from './searchElasticsearch';

/**
 * The documents of one run for the timeline: its workflow document (the newest of that name or uid) and
 * every node document, paged by node id (search_after), up to MAX_TIMELINE_DOCUMENTS. Our document
 * model's fields (the timeline reads node.after and node.group, which other mappings lack).
 */
export const MAX_TIMELINE_DOCUMENTS = 50_000;
const PAGE = 5_000;

const f = TEMPLATE_FIELDS.map.names;

/**
 * What the timeline reads of a document (the run, and each step's row): the labels, parameters and
 * metrics every document repeats are left in Elasticsearch, so a 9,000-step answer is that much less to parse.
 */
const SOURCE = { includes: ['@timestamp', 'end', 'phase', 'namespace', 'workflow', 'node', 'message', 'resources'] };
/**
 * Node documents once the run's workflow document is found: the run (name, uid, namespace) is read from
 * that, so each step's copy of it is left out: a fifth of a 9,000-step run's JSON, a third of the time
 * to parse it (docs/benchmarks.md).
 */
const STEP_SOURCE = { includes: SOURCE.includes.filter((field) => field !== 'namespace' && field !== 'workflow') };

export interface TimelineDocuments {
  workflow: WorkflowDocument | undefined;
  nodes: NodeDocument[];
  /** More node documents matched than were read. */
  capped: boolean;
  /** The searches, as sent (for the frame's executed query). */
  searches: object[];
}

function runClauses(query: TimelineQuery, namespaces: string[], uid: string | undefined): object[] {
  const clauses: object[] = [];
  if (uid) {
    clauses.push({ term: { [f.workflowUid]: uid } });
  }
  if (query.run) {
    clauses.push({ term: { [f.workflowName]: query.run } });
  }
  if (namespaces.length) {
    clauses.push({ terms: { [f.namespace]: namespaces } });
  }
  return clauses;
}

export async function timelineDocuments(instance: DatasourceInstance, query: TimelineQuery, namespaces: string[], signal: AbortSignal): Promise<TimelineDocuments> {
  const workflowSearch = {
    size: 1,
    track_total_hits: false,
    _source: SOURCE,
    query: { bool: { filter: [{ term: { [f.kind]: 'workflow' } }, ...runClauses(query, namespaces, query.uid)] } },
    sort: [{ [f.start]: 'desc' }],
  };
  const [workflowHit] = await searchHits(instance, workflowSearch, signal);
  const workflow = workflowHit?.source as unknown as WorkflowDocument | undefined;
  // The run's uid picks its nodes exactly, even when a later run reused its name.
  const uid = query.uid ?? workflow?.workflow.uid;
  const filter = [{ term: { [f.kind]: 'node' } }, ...runClauses(query, namespaces, uid)];
  const nodes: NodeDocument[] = [];
  const searches: object[] = [workflowSearch];
  let after: unknown[] | undefined;
  while (nodes.length <= MAX_TIMELINE_DOCUMENTS) {
    const body = {
      size: Math.min(PAGE, MAX_TIMELINE_DOCUMENTS + 1 - nodes.length),
      track_total_hits: false,
      // Without the workflow document, the run is read from its first node document (runTimeline.ts).
      _source: workflow ? STEP_SOURCE : SOURCE,
      query: { bool: { filter } },
      sort: [{ 'node.id': 'asc' }],
      ...(after ? { search_after: after } : {}),
    };
    if (!after) {
      searches.push(body);
    }
    const page = await searchHits(instance, body, signal);
    nodes.push(...page.map((hit) => hit.source as unknown as NodeDocument));
    if (page.length < body.size) {
      break;
    }
    after = page[page.length - 1].sort;
  }
  return { workflow, nodes: nodes.slice(0, MAX_TIMELINE_DOCUMENTS), capped: nodes.length > MAX_TIMELINE_DOCUMENTS, searches };
}

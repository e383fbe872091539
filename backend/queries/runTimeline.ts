import type { TimelineMeta, TimelineQuery, TimelineSource } from '../../src/query/timelineQuery';
import type { NodeDocument, WorkflowDocument } from '../argo/extract/documents';
import { canMergeElasticsearch } from '../argo/history/elasticsearchRuns';
import { QueryError } from '../errors/queryError';
import type { Frame, Notice } from '../frames/frame';
import { limitRows } from '../frames/rowLimits';
import { timelineFrame } from '../timeline/timelineFrame';
import { timelineRows } from '../timeline/timelineRows';
import { timelineText } from '../timeline/timelineText';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';

/** Most rows in one frame: a 9,000-pod run with its retries fits twice over. */
export const MAX_TIMELINE_ROWS = 20_000;

interface LoadedRun {
  run: TimelineMeta['run'];
  nodes: NodeDocument[];
  source: TimelineSource;
  executed: string;
  notices: Notice[];
  /** Not every step was read: no critical path. */
  capped?: boolean;
}

const time = (text: string | undefined) => (text === undefined || !Number.isFinite(Date.parse(text)) ? null : Date.parse(text));

function runOf(workflow: WorkflowDocument | undefined, nodes: NodeDocument[], query: TimelineQuery): TimelineMeta['run'] {
  const ref = workflow ?? nodes[0];
  return {
    uid: ref?.workflow?.uid ?? query.uid ?? null,
    name: ref?.workflow?.name ?? query.run ?? '',
    namespace: ref?.namespace ?? null,
    phase: workflow?.phase ?? null,
    start: time(workflow?.['@timestamp']),
    end: time(workflow?.end),
  };
}

async function fromArgo(query: TimelineQuery, input: QueryInput, namespaces: string[]): Promise<LoadedRun> {
  const { argoTimelineRun } = await import('../argo/timeline/argoTimelineRun');
  const { extractWorkflow } = await import('../argo/extract/extractWorkflow');
  const found = await argoTimelineRun(input.instance, query, namespaces, input.context.signal);
  // The collector's own extraction, so both sources give the same rows.
  const { workflow, nodes } = extractWorkflow(found.workflow);
  return { run: runOf(workflow, nodes, query), nodes, source: found.source, executed: found.executed, notices: [] };
}

async function fromElasticsearch(query: TimelineQuery, input: QueryInput, namespaces: string[]): Promise<LoadedRun> {
  if (!canMergeElasticsearch(input.instance)) {
    throw new QueryError(timelineText.notOurDocuments);
  }
  const { timelineDocuments, MAX_TIMELINE_DOCUMENTS } = await import('../elasticsearch/timelineSearch');
  const found = await timelineDocuments(input.instance, query, namespaces, input.context.signal);
  if (found.workflow === undefined && found.nodes.length === 0) {
    const { unknownRun } = await import('../argo/timeline/argoTimelineRun');
    throw unknownRun(query, namespaces);
  }
  const notices: Notice[] = found.capped ? [{ severity: 'warning', text: timelineText.capped(MAX_TIMELINE_DOCUMENTS) }] : [];
  const run = runOf(found.workflow, found.nodes, query);
  return { run, nodes: found.nodes, source: 'elasticsearch', executed: JSON.stringify(found.searches), notices, capped: found.capped };
}

/** timeline: one run's step attempts and its critical path, from the Argo Server or Elasticsearch. */
export async function runTimeline(query: TimelineQuery, input: QueryInput): Promise<Frame[]> {
  const namespaces = restrictNamespaces(query.filters, input.instance.settings.namespaces).namespaces ?? [];
  const loaded = query.source === 'argo' ? await fromArgo(query, input, namespaces) : await fromElasticsearch(query, input, namespaces);
  const { run } = loaded;
  const answer = timelineRows(loaded.nodes, { name: run.name, startMs: run.start ?? undefined }, Date.now(), !loaded.capped);
  const { rows, notices: cut } = limitRows(answer.rows, MAX_TIMELINE_ROWS, timelineText.cut);
  const notices: Notice[] = [{ severity: 'info', text: timelineText.source[loaded.source](run.name) }, ...loaded.notices, ...cut];
  if (answer.rows.length === 0) {
    notices.push({ severity: 'info', text: timelineText.noSteps(run.name) });
  } else if (!answer.hasGraph && !loaded.capped) {
    notices.push({ severity: 'warning', text: timelineText.noGraph(run.name) });
  }
  const meta: TimelineMeta = { run, source: loaded.source, criticalPath: answer.path ?? null };
  return [timelineFrame({ refId: query.refId, rows, meta, argoUrl: input.instance.settings.argo?.url, notices, executedQueryString: loaded.executed })];
}

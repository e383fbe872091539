import type { RunsQuery } from '../../../src/query/runsQuery';
import { groupKey, type RunsBaseline } from '../../elasticsearch/runsBaselineAnswer';
import { TEMPLATE_FIELDS } from '../../elasticsearch/documentFields';
import { baselineGroupOf, groupColumns } from '../../elasticsearch/runsBaselineSearch';
import { runsFrame } from '../../elasticsearch/runsFrame';
import type { RunRow } from '../../elasticsearch/runsSearch';
import type { Frame } from '../../frames/frame';
import type { QueryInput } from '../../queries/queryInput';
import { argoClient } from '../argoInstance';
import { extractWorkflow } from '../extract/extractWorkflow';
import { argoCall } from './argoCall';
import { withNotices } from './argoDurations';
import { argoRuns } from './argoRuns';
import { matchesFilters, startMs, type RunDocument } from './documentKeys';
import { durationPercentileByGroup } from './percentiles';

/**
 * runs over the Argo Server (live + archive): the newest runs or steps in the range, each compared with
 * the median duration of its group over the trailing baseline days the server still holds. The same
 * table as from Elasticsearch (runsFrame).
 */
const DAY_MS = 24 * 3_600_000;

function runRow(doc: RunDocument): RunRow {
  const node = 'node' in doc ? doc.node : undefined;
  return {
    startMs: startMs(doc),
    endMs: doc.end ? Date.parse(doc.end) : undefined,
    durationMs: doc.duration_ms,
    phase: doc.phase,
    namespace: doc.namespace,
    workflowName: doc.workflow?.name,
    workflowUid: doc.workflow?.uid,
    workflowTemplate: doc.workflow?.template,
    task: node?.display_name,
    nodeTemplate: node?.template,
    retryAttempt: node?.retry_attempt,
    message: doc.message,
  };
}

/** Newest first; names break ties, as the Elasticsearch search sorts. */
function newestFirst(a: RunDocument, b: RunDocument): number {
  const byName = (x: RunDocument) => `${x.workflow?.name ?? ''}\u0000${'node' in x ? (x.node?.name ?? '') : ''}`;
  return startMs(b) - startMs(a) || byName(a).localeCompare(byName(b));
}

export async function argoRunsTable(query: RunsQuery, input: QueryInput): Promise<Frame[]> {
  const baselineFrom = input.toMs - query.baselineDays * DAY_MS;
  const runs = await argoRuns(input.instance, {
    namespaces: query.filters.namespaces ?? [],
    fromMs: Math.min(input.fromMs, baselineFrom),
    toMs: input.toMs,
    withNodes: query.level === 'node',
    signal: input.context.signal,
  });
  const docs: RunDocument[] = query.level === 'node' ? runs.nodes : runs.workflows;
  const rows = docs
    .filter((doc) => startMs(doc) >= input.fromMs && startMs(doc) < input.toMs && matchesFilters(doc, query.filters, query.level))
    .sort(newestFirst)
    .slice(0, query.limit + 1)
    .map(runRow);

  const columns = groupColumns(TEMPLATE_FIELDS, query.level);
  const baselineFilters = { ...query.filters, phases: undefined };
  const baselineGroup = (doc: RunDocument) => {
    const keys = matchesFilters(doc, baselineFilters, query.level)
      ? baselineGroupOf(runRow(doc), query.level, columns)
      : undefined;
    return keys && groupKey(keys);
  };
  const medians = durationPercentileByGroup(docs, baselineGroup, { fromMs: baselineFrom, toMs: input.toMs }, 50);
  const medianMs = new Map([...medians].map(([key, { ms }]) => [key, ms]));
  const baseline: RunsBaseline = { medianMs, groupColumns: columns, retries: query.level === 'workflow' ? await retriesOf(rows.slice(0, query.limit), runs.objects, input) : undefined };
  const executed = `Argo Server: ${runs.objects.length} runs listed (live and archived) over ${query.baselineDays} baseline days`;
  return withNotices([runsFrame({ query, docs: rows, baseline, argoUrl: input.instance.settings.argo?.url, executedQueryString: executed })], runs.notices);
}

/** Retried steps per run of the table: node detail for those runs only (GETs within the concurrency limit). */
async function retriesOf(rows: RunRow[], objects: Awaited<ReturnType<typeof argoRuns>>['objects'], input: QueryInput): Promise<Map<string, number>> {
  const uids = new Set(rows.map((row) => row.workflowUid));
  const shown = objects.filter((object) => uids.has(object.metadata?.uid));
  const detailed = await argoCall(() => argoClient(input.instance).withNodeDetail(shown, { signal: input.context.signal }));
  const retries = new Map<string, number>();
  for (const object of detailed) {
    const { nodes } = extractWorkflow(object);
    const retried = nodes.filter((node) => (node.node?.retry_attempt ?? 0) > 0).length;
    retries.set(object.metadata?.uid ?? '', retried);
  }
  return retries;
}

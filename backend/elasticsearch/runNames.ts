import type { DatasourceInstance } from '../settings/instances';
import type { Level } from '../../src/query/queryFields';
import { documentFields, type DocumentFields } from './documentFields';
import { searchAggregations, searchHits } from './searchElasticsearch';
import { startRange } from './searchFilters';

/** Which runs to list: namespaces, workflows (as people name them) and the time range of their start. */
export interface RunNamesRequest {
  namespaces: string[];
  workflows: string[];
  fromMs?: number;
  toMs?: number;
  size: number;
  /** Largest runs first (the most step documents), for following a big fan-out; else newest first. */
  bySteps?: boolean;
}

/** The documents of the runs asked for: run documents (workflow) or their steps' (node). */
function runFilter(fields: DocumentFields, request: RunNamesRequest, level: Level): object[] {
  const filter: object[] = [...fields.levelClauses(level, false)];
  if (request.namespaces.length) {
    filter.push({ terms: { [fields.groupField('namespace', level)]: request.namespaces } });
  }
  if (request.workflows.length) {
    filter.push({ terms: { [fields.groupField('workflow', level)]: request.workflows } });
  }
  if (request.fromMs !== undefined && request.toMs !== undefined) {
    filter.push(startRange(fields, { fromMs: request.fromMs, toMs: request.toMs }));
  }
  return filter;
}

/** Run names (workflow.name) of the workflow documents, newest start first: a run variable's first is the latest run. */
export async function runNames(instance: DatasourceInstance, request: RunNamesRequest, signal: AbortSignal): Promise<string[]> {
  const fields = documentFields(instance);
  const filter = runFilter(fields, request, 'workflow');
  const name = fields.name('workflowName', 'the runs list');
  if (request.bySteps) {
    return runsBySteps(instance, request, name, signal);
  }
  // One hit per run name (collapse), newest start first; no aggregation orders terms by a date.
  const hits = await searchHits(
    instance,
    {
      size: request.size,
      track_total_hits: false,
      _source: false,
      fields: [name],
      query: { bool: { filter: [...filter, { exists: { field: name } }] } },
      collapse: { field: name },
      sort: [{ [fields.start]: 'desc' }, { [name]: 'asc' }],
    },
    signal
  );
  return hits.map((hit) => String(hit.fields[name]?.[0] ?? '')).filter(Boolean);
}

/** Run names by their number of step (node) documents in the range, largest first; ties by name. */
async function runsBySteps(instance: DatasourceInstance, request: RunNamesRequest, name: string, signal: AbortSignal): Promise<string[]> {
  const filter = runFilter(documentFields(instance), request, 'node');
  const answer = await searchAggregations<{ runs: { buckets: Array<{ key: string }> } }>(
    instance,
    {
      size: 0,
      query: { bool: { filter } },
      aggs: { runs: { terms: { field: name, size: request.size, order: [{ _count: 'desc' }, { _key: 'asc' }] } } },
    },
    signal
  );
  return answer.runs.buckets.map((bucket) => String(bucket.key)).filter(Boolean);
}

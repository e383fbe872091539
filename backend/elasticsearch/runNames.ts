import type { DatasourceInstance } from '../settings/instances';
import { documentFields } from './documentFields';
import { searchHits } from './searchElasticsearch';
import { startRange } from './searchFilters';

/** Which runs to list: namespaces, workflows (as people name them) and the time range of their start. */
export interface RunNamesRequest {
  namespaces: string[];
  workflows: string[];
  fromMs?: number;
  toMs?: number;
  size: number;
}

/** Run names (workflow.name) of the workflow documents, newest start first: a run variable's first is the latest run. */
export async function runNames(instance: DatasourceInstance, request: RunNamesRequest, signal: AbortSignal): Promise<string[]> {
  const fields = documentFields(instance);
  const filter: object[] = [...fields.levelClauses('workflow', false)];
  if (request.namespaces.length) {
    filter.push({ terms: { [fields.groupField('namespace', 'workflow')]: request.namespaces } });
  }
  if (request.workflows.length) {
    filter.push({ terms: { [fields.groupField('workflow', 'workflow')]: request.workflows } });
  }
  if (request.fromMs !== undefined && request.toMs !== undefined) {
    filter.push(startRange(fields, { fromMs: request.fromMs, toMs: request.toMs }));
  }
  const name = fields.name('workflowName', 'the runs list');
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

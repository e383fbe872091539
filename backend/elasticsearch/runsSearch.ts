import type { RunsQuery } from '../../src/query/runsQuery';
import { FIELDS } from './fieldNames';
import { searchFilters, type TimeWindow } from './searchFilters';

/**
 * The documents of a runs query: the newest runs (or steps) that started in the time range, one more
 * than the limit so that the answer can say whether older ones were left out. Plain size + sort, with
 * `_source` limited to the columns of the table.
 */
export interface RunDoc {
  '@timestamp'?: string;
  end?: string;
  duration_ms?: number;
  phase?: string;
  namespace?: string;
  workflow?: { name?: string; uid?: string; template?: string };
  node?: { display_name?: string; template?: string; retry_attempt?: number };
  message?: string;
}

const WORKFLOW_SOURCE = [FIELDS.start, FIELDS.end, FIELDS.durationMs, FIELDS.phase, FIELDS.namespace, FIELDS.workflowName, FIELDS.workflowUid, FIELDS.workflowTemplate, FIELDS.message];
const NODE_SOURCE = [...WORKFLOW_SOURCE, FIELDS.task, FIELDS.nodeTemplate, FIELDS.retryAttempt];

export function runsSearch(query: RunsQuery, window: TimeWindow): Record<string, unknown> {
  return {
    size: query.limit + 1,
    track_total_hits: false,
    _source: query.level === 'node' ? NODE_SOURCE : WORKFLOW_SOURCE,
    query: { bool: { filter: searchFilters(query.level, window, query.filters) } },
    // Names break ties (Argo's timestamps are whole seconds, parallel steps often start together);
    // unmapped_type keeps indices that lack a name field sortable.
    sort: [
      { [FIELDS.start]: 'desc' },
      ...[FIELDS.workflowName, ...(query.level === 'node' ? [FIELDS.nodeName] : [])].map((field) => ({ [field]: { order: 'asc', unmapped_type: 'keyword' } })),
    ],
  };
}

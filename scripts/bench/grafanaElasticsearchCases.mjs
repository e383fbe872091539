// The aggregations both datasources can express, on the query benchmark's index: our query model's
// JSON, and the same search as Grafana's Elasticsearch query editor builds it (Lucene query, metrics,
// terms on the workflow, date histogram).
const HOUR = 3_600_000;
const byWorkflow = { id: '2', type: 'terms', field: 'workflow.template', settings: { size: '50', order: 'desc', orderBy: '_count', min_doc_count: '1' } };
const byPhase = { id: '4', type: 'terms', field: 'phase', settings: { size: '3', order: 'desc', orderBy: '_count', min_doc_count: '1' } };

/**
 * name; ours: our query JSON; lucene, metrics, terms: Grafana's; intervalMs: the bucket ours picks (and
 * Grafana is given); scale: Grafana's value → ours (durations: ms → s); empty: how an empty point reads.
 */
export const CASES = [
  {
    name: 'workflow duration p95 per workflow, 1 h',
    ours: { queryType: 'durations', level: 'workflow', groupBy: ['workflow'], stats: ['p95'], limit: 50 },
    lucene: 'doc_kind:workflow',
    metrics: [{ id: '1', type: 'percentiles', field: 'duration_ms', settings: { percents: ['95'] } }],
    terms: [byWorkflow],
    intervalMs: HOUR,
    scale: 1 / 1000,
    empty: null,
  },
  {
    name: 'workflow duration p50, p95, max per workflow, 1 h',
    ours: { queryType: 'durations', level: 'workflow', groupBy: ['workflow'], stats: ['p50', 'p95', 'max'], limit: 50 },
    lucene: 'doc_kind:workflow',
    metrics: [
      { id: '1', type: 'percentiles', field: 'duration_ms', settings: { percents: ['50', '95'] } },
      { id: '5', type: 'max', field: 'duration_ms' },
    ],
    terms: [byWorkflow],
    intervalMs: HOUR,
    scale: 1 / 1000,
    empty: null,
  },
  {
    name: 'step (node) duration p95 per workflow, 1 h',
    ours: { queryType: 'durations', level: 'node', groupBy: ['workflow'], stats: ['p95'], limit: 50 },
    lucene: 'doc_kind:node',
    metrics: [{ id: '1', type: 'percentiles', field: 'duration_ms', settings: { percents: ['95'] } }],
    terms: [byWorkflow],
    intervalMs: HOUR,
    scale: 1 / 1000,
    empty: null,
  },
  {
    name: 'finished runs per phase per workflow, 3 h',
    // The counts only, as Grafana's count per phase (the failure rate would be 50 more series).
    ours: { queryType: 'outcomes', groupBy: ['workflow'], measures: ['succeeded', 'failed', 'error'], limit: 50 },
    lucene: 'doc_kind:workflow AND phase:(Succeeded OR Failed OR Error)',
    metrics: [{ id: '1', type: 'count' }],
    terms: [byWorkflow, byPhase],
    intervalMs: 3 * HOUR,
    scale: 1,
    empty: 0,
  },
  {
    name: 'sum of rows_processed per workflow, 1 h',
    ours: { queryType: 'metrics', metric: 'rows_processed', aggregation: 'sum', groupBy: ['workflow'], limit: 50 },
    lucene: 'doc_kind:workflow AND _exists_:metrics.rows_processed',
    metrics: [{ id: '1', type: 'sum', field: 'metrics.rows_processed' }],
    terms: [byWorkflow],
    intervalMs: HOUR,
    scale: 1,
    empty: 0,
  },
  {
    name: 'CPU core-seconds per workflow, 3 h',
    ours: { queryType: 'resources', resources: ['cpu'], groupBy: ['workflow'], limit: 50 },
    lucene: 'doc_kind:workflow',
    metrics: [{ id: '1', type: 'sum', field: 'resources.cpu_core_seconds' }],
    terms: [byWorkflow],
    intervalMs: 3 * HOUR,
    scale: 1,
    empty: 0,
  },
];

export function ourQuery(c, uid) {
  return { refId: 'A', datasource: { uid }, ...c.ours, intervalMs: HOUR, maxDataPoints: 1000 };
}

/** minDocCount 1: empty buckets skipped, as ours; 0: the query editor's default (every bucket of the range). */
export function grafanaQuery(c, uid, minDocCount) {
  const histogram = { id: '3', type: 'date_histogram', field: '@timestamp', settings: { interval: `${c.intervalMs / HOUR}h`, min_doc_count: String(minDocCount) } };
  return {
    refId: 'A',
    datasource: { uid, type: 'elasticsearch' },
    query: c.lucene,
    metrics: c.metrics,
    bucketAggs: [...c.terms, histogram],
    timeField: '@timestamp',
    intervalMs: HOUR,
    maxDataPoints: 1000,
  };
}

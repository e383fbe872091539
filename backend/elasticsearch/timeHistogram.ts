/**
 * The date_histogram of every time-series search: fixed buckets of intervalMs on `field`, empty ones
 * skipped (the frames leave them out). Keys are formatted as epoch milliseconds, as Grafana's own
 * Elasticsearch datasource asks for them: each bucket's key_as_string is then 13 digits instead of an
 * ISO date, so answers are about 14 % smaller to read and parse (docs/benchmarks.md). Only `key` is read.
 */
export function timeHistogram(field: string, intervalMs: number): { date_histogram: Record<string, unknown> } {
  return { date_histogram: { field, fixed_interval: `${intervalMs}ms`, min_doc_count: 1, format: 'epoch_millis' } };
}

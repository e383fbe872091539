/** What the datasource says when Elasticsearch refuses or fails a request (elasticsearchErrors.ts). */
const typed = (status: number | string, type?: string) => (type ? `${status}, ${type}` : `${status}`);

export const ES_ERRORS = {
  noIndex: (index: string) =>
    `no Elasticsearch index matches "${index}"; run the collector to create it, or fix the index pattern in the datasource settings`,
  script: (type: string) =>
    "the duration is derived from start and end (field mapping), which needs Elasticsearch's painless scripting, " +
    `and this cluster refused the script (${type}); map a duration field in the datasource settings instead`,
  textField: (field?: string) =>
    `${field ? `the field "${field}"` : 'a field used for grouping or filtering'} is a text field in the index mapping, which Elasticsearch cannot group or sort by; map it as keyword (see docs/document-model.md) or choose another field in the field mapping`,
  breaker: (breaker?: string) =>
    `Elasticsearch refused the search to protect its memory (circuit_breaking_exception${breaker ? `, ${breaker} breaker` : ''}); shorten the time range, group by fewer keys or lower the limit, or try again when the cluster is less busy`,
  rejected: (status: number, type?: string) =>
    `Elasticsearch is overloaded and turned the request away (${typed(status === 429 ? '429 Too Many Requests' : status, type)}); try again shortly, or refresh fewer panels at once`,
  blocked: (blocks: string[], unavailable: boolean) =>
    unavailable
      ? `Elasticsearch is not ready to serve searches (cluster block${blocks.length ? `: ${blocks.join('; ')}` : ''}); wait until the cluster has a master and has recovered, then try again`
      : `Elasticsearch refuses to read the index: it is blocked (cluster_block_exception${blocks.length ? `: ${blocks.join('; ')}` : ''}); an Elasticsearch admin must lift the block (for example index.blocks.read, or read_only_allow_delete after a full disk)`,
  noCredentials:
    'Elasticsearch needs credentials (401 Unauthorized); set the authentication to basic or API key in the datasource settings',
  unauthorized:
    'Elasticsearch rejected the credentials (401 Unauthorized); check the user and password or the API key in the datasource settings',
  forbidden: (index: string, action?: string) =>
    `Elasticsearch denied access (403 Forbidden${action ? `, action ${action}` : ''}); give the configured user or API key the read and view_index_metadata privileges on "${index}"`,
  unavailable: (status: number, index: string, type?: string) =>
    `Elasticsearch could not answer (${typed(status, type)}): some indices matching "${index}" have no active shard copy, or the cluster has no master (it is red or still recovering); check GET _cluster/health, and try again when it is yellow or green`,
  noHandler: (url: string) =>
    `datasource settings: elasticsearch.url: Elasticsearch at ${url} does not serve the path the datasource asked for ("no handler found"): the URL's path is not part of Elasticsearch's API; enter the node's address without a path ("URL" in the Elasticsearch section), or the address of a proxy that passes every path on to Elasticsearch`,
  badRequest: (type?: string, reason?: string) =>
    `Elasticsearch refused the search (${typed('400 Bad Request', type)}${reason ? `: ${reason}` : ''}); check the field mapping in the datasource settings against the index mapping`,
  /** A 200 answer without some shards' documents (`_shards.failed`): a warning notice, not an error. */
  partialShards: (p: { failed: number; total: number; type?: string; reason?: string; indices: string[]; index: string }) =>
    `${p.failed} of ${p.total} shards failed (${p.type ?? 'no reason given'}${p.reason ? `: ${p.reason}` : ''}${p.indices.length ? `; index ${p.indices.join(', ')}` : ''}): ` +
    `the answer may be incomplete; the indices matching "${p.index}" may differ in mapping or settings, or shards may be unavailable: ` +
    'compare the failing index with the others (GET <index>/_mapping and _settings), check GET _cluster/health and the Elasticsearch logs, then refresh',
  serverError: (status: number, type?: string) =>
    `Elasticsearch failed with an internal error (${typed(status, type)}); check the Elasticsearch logs, and try again`,
};

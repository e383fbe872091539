import { ES_ERRORS } from './elasticsearchErrorText';
import { responseErrorText, rootCauseType, type ElasticsearchErrorContext } from './elasticsearchErrors';

/**
 * Error answers that a single test node cannot be made to give without disturbing the other tests
 * (memory breakers, full queues, a lost master, a cluster not recovered, security): the bodies are
 * Elasticsearch 8's own, the circuit breaker one captured from the test node with
 * indices.breaker.request.limit=1b, the others in the shape of Elasticsearch's source (ElasticsearchException
 * #toXContent, with node ids and thread pool names as the server writes them).
 */
const ctx: ElasticsearchErrorContext = {
  service: 'Elasticsearch',
  url: 'https://reader:s3cret-pw@es.example:9200',
  index: 'argo-workflows-*',
  timeoutSeconds: 30,
  secrets: ['s3cret-pw'],
};
const NODE = '6BXJcS8_SpSn03ZdJL8Osg';

const shardFailure = (reason: object) => ({
  root_cause: [reason],
  type: 'search_phase_execution_exception',
  reason: 'all shards failed',
  phase: 'query',
  grouped: true,
  failed_shards: [{ shard: 0, index: 'argo-workflows-2026.01', node: NODE, reason }],
});

const BREAKER = {
  error: shardFailure({
    type: 'circuit_breaking_exception',
    reason: '[request] Data too large, data for [preallocate[aggregations]] would be [6144/6kb], which is larger than the limit of [1/1b]',
    bytes_wanted: 6144,
    bytes_limit: 1,
    durability: 'TRANSIENT',
  }),
  status: 429,
};
const QUEUE_FULL = {
  error: shardFailure({
    type: 'es_rejected_execution_exception',
    reason: `rejected execution of org.elasticsearch.action.search.SearchQueryThenFetchAsyncAction$1@3c8b8c5 on TaskExecutionTimeTrackingEsThreadPoolExecutor[name = ${NODE}/search, queue capacity = 1000, task execution EWMA = 1.2ms]`,
  }),
  status: 429,
};
const NO_MASTER = { error: { root_cause: [{ type: 'master_not_discovered_exception', reason: null }], type: 'master_not_discovered_exception', reason: null }, status: 503 };
const NOT_RECOVERED = {
  error: {
    root_cause: [{ type: 'cluster_block_exception', reason: 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];' }],
    type: 'cluster_block_exception',
    reason: 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];',
  },
  status: 503,
};
const READ_ONLY = {
  error: {
    root_cause: [{ type: 'cluster_block_exception', reason: 'index [argo-workflows-2026.01] blocked by: [FORBIDDEN/12/index read-only / allow delete (api)];' }],
    type: 'cluster_block_exception',
    reason: 'index [argo-workflows-2026.01] blocked by: [FORBIDDEN/12/index read-only / allow delete (api)];',
  },
  status: 403,
};
const NO_CREDENTIALS = {
  error: {
    root_cause: [{ type: 'security_exception', reason: 'missing authentication credentials for REST request [/argo-workflows-*/_search]', header: { 'WWW-Authenticate': ['Basic realm="security"', 'ApiKey'] } }],
    type: 'security_exception',
    reason: 'missing authentication credentials for REST request [/argo-workflows-*/_search]',
  },
  status: 401,
};
const UNAUTHORIZED_ACTION = {
  error: {
    root_cause: [{ type: 'security_exception', reason: 'action [indices:data/read/search] is unauthorized for user [reader] with effective roles [viewer] on indices [argo-workflows-2026.01], this action is granted by the index privileges [read,all]' }],
    type: 'security_exception',
    reason: 'action [indices:data/read/search] is unauthorized for user [reader] with effective roles [viewer] on indices [argo-workflows-2026.01], this action is granted by the index privileges [read,all]',
  },
  status: 403,
};
const INTERNAL = {
  error: shardFailure({ type: 'null_pointer_exception', reason: null, stack_trace: 'java.lang.NullPointerException\n\tat org.elasticsearch.search.SearchService.executeQueryPhase(SearchService.java:1)' }),
  status: 500,
};

describe('Elasticsearch error sentences for answers a test node cannot give', () => {
  it.each([
    ['a tripped memory breaker', 429, BREAKER, ES_ERRORS.breaker('request')],
    ['a full search queue', 429, QUEUE_FULL, ES_ERRORS.rejected(429, 'es_rejected_execution_exception')],
    ['a cluster without a master', 503, NO_MASTER, ES_ERRORS.unavailable(503, 'argo-workflows-*', 'master_not_discovered_exception')],
    ['a cluster not yet recovered', 503, NOT_RECOVERED, ES_ERRORS.blocked(['state not recovered / initialized'], true)],
    ['an index made read-only by a full disk', 403, READ_ONLY, ES_ERRORS.blocked(['index read-only / allow delete (api)'], false)],
    ['no credentials where security is on', 401, NO_CREDENTIALS, ES_ERRORS.noCredentials],
    ['a user without the read privilege', 403, UNAUTHORIZED_ACTION, ES_ERRORS.forbidden('argo-workflows-*', 'indices:data/read/search')],
    ['an internal failure with a stack trace', 500, INTERNAL, ES_ERRORS.serverError(500, 'null_pointer_exception')],
  ])('says what %s means and what to do', (_what, status, body, expected) => {
    const text = responseErrorText(status, body, ctx);
    expect(text).toBe(expected);
    expect(text).not.toMatch(new RegExp(`${NODE}|SearchService|java\\.|failed_shards|\\n|s3cret`));
  });

  it('shows the URL without its password when the answer has no body it knows', () => {
    expect(responseErrorText(404, '<html>not found</html>', ctx)).toBe(
      'Elasticsearch answered 404 Not Found at https://reader:***@es.example:9200; check the URL (and its path prefix)'
    );
    expect(responseErrorText(503, 'upstream connect error', ctx)).toMatch(/^Elasticsearch is unavailable \(503 Service Unavailable\): /);
    expect(responseErrorText(502, undefined, ctx)).toMatch(/^a proxy in front of Elasticsearch answered 502 Bad Gateway/);
  });

  it('repeats only exception names, never other text a proxy put into the type', () => {
    expect(rootCauseType({ error: { type: 'Basic czNjcmV0LXB3' } })).toBeUndefined();
    expect(rootCauseType({ error: { type: 'search_phase_execution_exception', root_cause: [{ type: 'query_shard_exception' }] } })).toBe('query_shard_exception');
  });
});

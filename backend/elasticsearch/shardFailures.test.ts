import type { ElasticsearchErrorContext } from './elasticsearchErrors';
import { shardFailureNotice } from './shardFailures';

/**
 * The wording of the warning for a 200 answer with failed shards. The `_shards` sections are in the
 * shape the test node gave (see partialShards.integration.test.ts), with node ids and index UUIDs as
 * Elasticsearch writes them, and a secret that a reason may echo (a script source, a proxy).
 */
const ctx: ElasticsearchErrorContext = {
  service: 'Elasticsearch',
  url: 'https://reader:s3cret-pw@es.example:9200',
  index: 'argo-workflows-*',
  timeoutSeconds: 30,
  secrets: ['s3cret-pw'],
};
const NODE = 'EAXrsd2GTUKA26zuH8Es_w';
const UUID = 'veFWHLL4R7qZu024pz174w';
const ADVICE =
  'the answer may be incomplete; the indices matching "argo-workflows-*" may differ in mapping or settings, or shards may be unavailable: ' +
  'compare the failing index with the others (GET <index>/_mapping and _settings), check GET _cluster/health and the Elasticsearch logs, then refresh';

const failure = (index: string, reason: string, caused = reason) => ({
  shard: 0,
  index,
  node: NODE,
  reason: {
    type: 'query_shard_exception',
    reason,
    index_uuid: UUID,
    index,
    caused_by: { type: 'illegal_argument_exception', reason: caused },
  },
});

describe('the failed shards warning', () => {
  it('says how many shards failed, the exception and its first sentence, the index, and what to do', () => {
    const reason =
      'failed to create query: The number of terms [2] used in the Terms Query request has exceeded the allowed maximum of [1]. This maximum can be set by changing the [index.max_terms_count] index level setting.';
    const notice = shardFailureNotice(
      { total: 5, failed: 1, failures: [failure('argo-workflows-2025.12', reason)] },
      ctx
    );
    expect(notice).toEqual({
      severity: 'warning',
      text:
        '1 of 5 shards failed (query_shard_exception: failed to create query: The number of terms [2] used in the Terms Query request ' +
        `has exceeded the allowed maximum of [1]; index argo-workflows-2025.12): ${ADVICE}`,
    });
  });

  it('masks secrets and drops ids from the reason, and cuts a long one', () => {
    const reason = `[argo-workflows-2026.01/${UUID}] no mapping for [https://reader:s3cret-pw@es.example] ${'x'.repeat(300)}`;
    const notice = shardFailureNotice(
      { total: 2, failed: 2, failures: [failure('argo-workflows-2026.01', reason)] },
      ctx
    )!;
    expect(notice.text).not.toContain('s3cret-pw');
    expect(notice.text).not.toContain(UUID);
    expect(notice.text).not.toContain(NODE);
    expect(notice.text).toMatch(
      /^2 of 2 shards failed \(query_shard_exception: \[argo-workflows-2026\.01\] no mapping for \[https:\/\/reader:\*+@es\.example\] x+…; index argo-workflows-2026\.01\)/
    );
    expect(notice.text.length).toBeLessThan(600);
  });

  it('names at most three indices and counts the rest', () => {
    const failures = ['a', 'b', 'c', 'd', 'e'].map((i) => failure(`argo-${i}`, 'failed to create query: boom'));
    expect(shardFailureNotice({ total: 9, failed: 5, failures }, ctx)!.text).toBe(
      `5 of 9 shards failed (query_shard_exception: failed to create query: boom; index argo-a, argo-b, argo-c, 2 more): ${ADVICE}`
    );
  });

  it('still warns when Elasticsearch lists no failures, and says nothing when none failed', () => {
    expect(shardFailureNotice({ total: 3, failed: 1 }, ctx)!.text).toBe(
      `1 of 3 shards failed (no reason given): ${ADVICE}`
    );
    expect(shardFailureNotice({ total: 3, failed: 0, failures: [] }, ctx)).toBeUndefined();
    expect(shardFailureNotice(undefined, ctx)).toBeUndefined();
  });
});

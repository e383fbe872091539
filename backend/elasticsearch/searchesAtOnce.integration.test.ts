import { queryData } from '../handlers/queryData';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { startSearchCountingProxy } from '../test/searchCountingProxy';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * The default search bound (answerLimits.ts) against the real Elasticsearch node: with
 * ARGOPERF_SEARCHES_AT_ONCE unset, 8 searches are in flight at once, twice the 4 search threads of a
 * 2-core Elasticsearch node, so its threads are not left idle while the backend reads answers
 * (docs/benchmarks.md, throughput under load).
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 24 * HOUR;
const index = `argoperf-searches-at-once-${Date.now()}`;
delete process.env.ARGOPERF_SEARCHES_AT_ONCE;

withHistoryIndex(index, () => generateHistory(FROM, TO));

const QUERY = { queryType: 'outcomes', groupBy: ['workflow'] };

it('keeps 8 searches in flight by default when more are asked at once; every one answers', async () => {
  const proxy = await startSearchCountingProxy(new URL(elasticsearchUrl()));
  try {
    const url = proxy.url;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        queryData(
          { pluginContext: pluginContext({ elasticsearch: { url, index } }), headers: {}, queries: [{ ...dataQuery('A', QUERY, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: 60_000 }] },
          new AbortController().signal
        )
      )
    );
    answers.forEach(({ responses }) => expect(responses.A.error).toBeUndefined());
    expect(proxy.most()).toBe(8);
  } finally {
    await proxy.close();
  }
});


import { tableFromIPC } from 'apache-arrow';

import { queryData } from '../handlers/queryData';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { startSearchCountingProxy } from '../test/searchCountingProxy';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { answerTooLargeMessage } from './answerLimitMessages';

/**
 * The memory bound of searches (answerLimits.ts) against the real Elasticsearch node: an answer over
 * ARGOPERF_MAX_ANSWER_MB fails its own refId with a message saying what to do while the other refIds of
 * the request answer, and at most ARGOPERF_SEARCHES_AT_ONCE searches are read at a time.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * 24 * HOUR;
const RANGE = { fromEpochMS: FROM, toEpochMS: TO };
const index = `argoperf-answer-limits-${Date.now()}`;
// Read when the first search creates the shared limiter, so set before any test runs.
process.env.ARGOPERF_SEARCHES_AT_ONCE = '2';

withHistoryIndex(index, () => generateHistory(FROM, TO));

afterAll(() => {
  delete process.env.ARGOPERF_SEARCHES_AT_ONCE;
  delete process.env.ARGOPERF_MAX_ANSWER_MB;
});

const BIG = { queryType: 'durations', level: 'node', groupBy: ['workflow', 'task'], stats: ['p50', 'p95', 'max'], limit: 500 };
const SMALL = { queryType: 'outcomes', level: 'node', view: 'reasons', groupBy: ['workflow'] };

function run(queries: Array<[string, object]>, url = elasticsearchUrl()) {
  return queryData(
    {
      pluginContext: pluginContext({ elasticsearch: { url, index } }),
      headers: {},
      queries: queries.map(([refId, json]) => ({ ...dataQuery(refId, json, RANGE), intervalMS: 60_000 })),
    },
    new AbortController().signal
  );
}

/** Bytes of Elasticsearch's answer to the search the backend ran, asked directly. */
async function answerBytes(query: object): Promise<number> {
  const answer = (await run([['A', query]])).responses.A;
  expect(answer.error).toBeUndefined();
  const meta = JSON.parse(tableFromIPC(answer.frames![0]).schema.metadata.get('meta') ?? '{}');
  const response = await fetch(`${elasticsearchUrl()}/${index}/_search`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: meta.executedQueryString,
  });
  return Buffer.byteLength(await response.text());
}

describe('Elasticsearch answers under the memory bound', () => {
  it('fails only the refId whose answer is over ARGOPERF_MAX_ANSWER_MB, saying how to narrow it', async () => {
    const [big, small] = [await answerBytes(BIG), await answerBytes(SMALL)];
    expect(big).toBeGreaterThan(2 * small);
    const limitMB = (big + small) / 2 / 1048576;
    process.env.ARGOPERF_MAX_ANSWER_MB = String(limitMB);
    try {
      const { responses } = await run([
        ['A', BIG],
        ['B', SMALL],
      ]);
      expect(responses.A).toEqual({ error: answerTooLargeMessage(Math.floor(limitMB * 1048576)), status: 413, errorSource: 'plugin' });
      expect(responses.B.error).toBeUndefined();
      expect(responses.B.status).toBe(200);
      expect(responses.B.frames!.length).toBeGreaterThan(0);
    } finally {
      delete process.env.ARGOPERF_MAX_ANSWER_MB;
    }
  });

  it('reads at most ARGOPERF_SEARCHES_AT_ONCE answers at a time; the other searches wait and answer', async () => {
    const proxy = await startSearchCountingProxy(new URL(elasticsearchUrl()));
    try {
      const url = proxy.url;
      const answers = await Promise.all(Array.from({ length: 8 }, () => run([['A', BIG]], url)));
      answers.forEach(({ responses }) => expect(responses.A.error).toBeUndefined());
      expect(proxy.most()).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});

import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { queryData } from '../handlers/queryData';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
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
  let active = 0;
  let most = 0;
  const target = new URL(elasticsearchUrl());
  // A proxy in front of the real node that counts the searches in flight and holds each answer for
  // 300 ms, so that searches sent together are surely in flight together.
  const proxy: Server = createServer((incoming, outgoing) => {
    const searching = incoming.url!.includes('/_search');
    if (searching) {
      most = Math.max(most, ++active);
    }
    const upstream = request({ host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) =>
      setTimeout(
        () => {
          outgoing.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(outgoing);
          answer.on('end', () => searching && active--);
        },
        searching ? 300 : 0
      )
    );
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        queryData(
          { pluginContext: pluginContext({ elasticsearch: { url, index } }), headers: {}, queries: [{ ...dataQuery('A', QUERY, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: 60_000 }] },
          new AbortController().signal
        )
      )
    );
    answers.forEach(({ responses }) => expect(responses.A.error).toBeUndefined());
    expect(most).toBe(8);
  } finally {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  }
});

import type { Client } from '@elastic/elasticsearch';

import { queryData } from '../handlers/queryData';
import { decodeSeries, decodeTable } from '../test/decodeFrames';
import { createHistoryIndex, elasticsearchUrl } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * A real partial shard failure: two indices match the datasource's pattern, and one allows a single
 * term per terms query (index.max_terms_count: 1), so a filter on two namespaces fails on its shard
 * while the other index answers. Elasticsearch answers 200 with _shards.failed = 1; every query type
 * must carry a warning that says so on its frames.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 4, 1);
const TO = FROM + 2 * 24 * HOUR;
const prefix = `argoperf-shards-${Date.now()}`;
const healthy = `${prefix}-a`;
const strict = `${prefix}-b`;
let client: Client;

beforeAll(async () => {
  const docs = generateHistory(FROM, TO);
  await (
    await createHistoryIndex(
      healthy,
      docs.filter((_, i) => i % 2 === 0)
    )
  ).close();
  client = await createHistoryIndex(
    strict,
    docs.filter((_, i) => i % 2 === 1)
  );
  await client.indices.putSettings({ index: strict, settings: { 'index.max_terms_count': 1 } });
}, 60_000);

afterAll(async () => {
  await client.indices.delete({ index: [healthy, strict] });
  await client.close();
});

const TWO_NAMESPACES = { namespaces: ['ml', 'data'] };
const QUERIES: Record<string, object> = {
  durations: { queryType: 'durations', stats: ['count'], groupBy: ['namespace'] },
  heatmap: { queryType: 'heatmap' },
  outcomes: { queryType: 'outcomes' },
  'outcomes (reasons)': { queryType: 'outcomes', view: 'reasons' },
  runs: { queryType: 'runs' },
  resources: { queryType: 'resources' },
  metrics: { queryType: 'metrics', metric: 'images_processed' },
  baseline: { queryType: 'baseline' },
};

async function answer(json: object, filters: object) {
  const response = await queryData(
    {
      pluginContext: pluginContext(
        { elasticsearch: { url: elasticsearchUrl(), index: `${prefix}-*` } },
        {},
        `shards-${prefix}`
      ),
      headers: {},
      queries: [{ ...dataQuery('A', { ...json, filters }, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: HOUR }],
    },
    new AbortController().signal
  );
  const result = response.responses.A;
  if (result.error) {
    throw new Error(result.error);
  }
  return result.frames!;
}

/** The notices of the answer's first frame (tables and series alike carry them in the frame meta). */
function notices(frames: Uint8Array[]): Array<{ severity: string; text: string }> {
  const first = frames[0];
  const meta = decodeTable(first).meta as { notices?: Array<{ severity: number | string; text: string }> } | undefined;
  return (meta?.notices ?? []).map((n) => ({ severity: String(n.severity), text: n.text }));
}

describe('a 200 answer with failed shards', () => {
  it('really fails one shard on the node (the setup this test relies on)', async () => {
    const raw = await client.search({
      index: `${prefix}-*`,
      size: 0,
      query: { terms: { namespace: TWO_NAMESPACES.namespaces } },
    });
    expect(raw._shards.failed).toBe(1);
    expect(raw._shards.total).toBe(2);
  });

  it.each(Object.keys(QUERIES))('%s: warns that 1 of 2 shards failed, why, and what to do', async (name) => {
    const shown = notices(await answer(QUERIES[name], TWO_NAMESPACES));
    const warning = shown.find((n) => n.text.startsWith('1 of 2 shards failed'));
    expect(warning).toBeDefined();
    expect(['warning', '2']).toContain(warning!.severity);
    expect(warning!.text).toContain('query_shard_exception');
    expect(warning!.text).toContain(
      'The number of terms [2] used in the Terms Query request has exceeded the allowed maximum of [1]'
    );
    expect(warning!.text).toContain(strict);
    expect(warning!.text).toContain('the answer may be incomplete');
    // None of the failure list's internals: the index UUID, the node id.
    const uuid = (await client.indices.getSettings({ index: strict }))[strict].settings!.index!.uuid!;
    const nodes = Object.keys((await client.nodes.info()).nodes);
    for (const internal of [uuid, ...nodes]) {
      expect(warning!.text).not.toContain(internal);
    }
  });

  it('stays quiet when every shard answers', async () => {
    const frames = await answer(QUERIES.durations, { namespaces: ['ml'] });
    expect(notices(frames).filter((n) => n.text.includes('shards failed'))).toEqual([]);
    expect(decodeSeries(frames[0]).values.length).toBeGreaterThan(0);
  });
});

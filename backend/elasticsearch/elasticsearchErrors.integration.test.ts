import { Client, errors } from '@elastic/elasticsearch';

import { checkHealth } from '../handlers/checkHealth';
import { queryData } from '../handlers/queryData';
import { HealthStatus } from '../protocol/messages';
import { elasticsearchUrl } from '../test/elasticsearch';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { ES_ERRORS } from './elasticsearchErrorText';
import { responseErrorText, type ElasticsearchErrorContext } from './elasticsearchErrors';

/**
 * Elasticsearch's refusals and failures as one plain sentence, against the real node: an index without
 * an active shard (503), a read block (403), and the error bodies the node really sends for other
 * failures. No sentence carries the body's internals: node ids, index UUIDs, shard lists, stack traces.
 */
const prefix = `argoperf-es-errors-${Date.now()}`;
const red = `${prefix}-red`;
const blocked = `${prefix}-blocked`;
const plain = `${prefix}-plain`;
let client: Client;

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  // No node may hold the shard: the index stays red, and every read answers 503.
  await client.indices.create(
    { index: red, settings: { number_of_replicas: 0, 'index.routing.allocation.require._name': 'no-such-node' }, wait_for_active_shards: 0 },
    { ignore: [400] }
  );
  await client.indices.create({ index: blocked, settings: { number_of_replicas: 0 } });
  await client.indices.putSettings({ index: blocked, settings: { 'index.blocks.read': true } });
  await client.index({ index: plain, document: { name: 'a b', n: 1 }, refresh: true });
});

afterAll(async () => {
  await client.indices.putSettings({ index: blocked, settings: { 'index.blocks.read': false } }).catch(() => undefined);
  await client.indices.delete({ index: [red, blocked, plain] }, { ignore: [404] });
  await client.close();
});

/** The error body the node answers for a request (its own words, nothing made up here). */
async function realError(request: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await request();
  } catch (error) {
    if (error instanceof errors.ResponseError) {
      return { status: error.statusCode ?? 0, body: error.body };
    }
    throw error;
  }
  throw new Error('the request did not fail');
}

const ctx = (index: string): ElasticsearchErrorContext => ({ service: 'Elasticsearch', url: elasticsearchUrl(), index, timeoutSeconds: 30, secrets: [] });

async function queryError(index: string): Promise<{ error?: string; status?: number }> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index } }),
      headers: {},
      queries: [dataQuery('A', { queryType: 'durations' })],
    },
    new AbortController().signal
  );
  return response.responses.A;
}

/** The cluster's node ids and our indices' UUIDs: internals that must never reach a user. */
async function internals(): Promise<string[]> {
  const nodes = Object.keys((await client.nodes.info()).nodes);
  const settings = await client.indices.getSettings({ index: `${prefix}-*` });
  return [...nodes, ...Object.values(settings).map((entry) => String(entry.settings?.index?.uuid))];
}

async function expectNoInternals(text: string) {
  for (const id of await internals()) {
    expect(text).not.toContain(id);
  }
  expect(text).not.toMatch(/failed_shards|root_cause|"shard"|\bat org\.|\n/);
}

describe('Elasticsearch error sentences', () => {
  it('says what a 503 for an index without an active shard means and what to do', async () => {
    const answer = await queryError(red);
    expect(answer.status).toBe(503);
    expect(answer.error).toBe(ES_ERRORS.unavailable(503, red, 'no_shard_available_action_exception'));
    const { status, body } = await realError(() => client.search({ index: red }));
    expect(status).toBe(503);
    expect(responseErrorText(status, body, ctx(red))).toBe(ES_ERRORS.unavailable(503, red, 'no_shard_available_action_exception'));
    await expectNoInternals(answer.error!);
  });

  it('names a read block and who must lift it', async () => {
    const answer = await queryError(blocked);
    expect(answer.status).toBe(403);
    expect(answer.error).toBe(ES_ERRORS.blocked(['index read (api)'], false));
    const health = await checkHealth(
      { pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index: blocked } }), headers: {} },
      new AbortController().signal
    );
    // resolve_index still answers for a blocked index: the health check says it matches, the query says why it cannot read it.
    expect(health.status).toBe(HealthStatus.OK);
  });

  it('names the text field of a real fielddata refusal without the long explanation or index internals', async () => {
    const { status, body } = await realError(() => client.search({ index: plain, size: 0, aggs: { x: { terms: { field: 'name' } } } }));
    expect(status).toBe(400);
    expect(responseErrorText(status, body, ctx(plain))).toBe(ES_ERRORS.textField('name'));
    await expectNoInternals(responseErrorText(status, body, ctx(plain)));
  });

  it('keeps the short cause of a real 400 and drops the rest', async () => {
    const { status, body } = await realError(() => client.search({ index: plain, query: { range: { n: { gte: 'not-a-number' } } } }));
    expect(status).toBe(400);
    const text = responseErrorText(status, body, ctx(plain));
    expect(text).toMatch(/^Elasticsearch refused the search \(400 Bad Request, [a-z_]+_exception: [^;]{3,161}\); check the field mapping/);
    await expectNoInternals(text);
  });

  it('says that a missing index pattern has no index', async () => {
    const missing = `${prefix}-missing`;
    const { status, body } = await realError(() => client.search({ index: missing }));
    expect(responseErrorText(status, body, ctx(missing))).toBe(ES_ERRORS.noIndex(missing));
  });

  it('says that a URL with a path Elasticsearch does not serve is wrong, for queries and Save & test', async () => {
    const url = `${elasticsearchUrl()}/sub/path/`;
    const settings = pluginContext({ elasticsearch: { url, index: plain } });
    const response = await queryData({ pluginContext: settings, headers: {}, queries: [dataQuery('A', { queryType: 'durations' })] }, new AbortController().signal);
    expect(response.responses.A.status).toBe(400);
    expect(response.responses.A.error).toBe(ES_ERRORS.noHandler(url));
    const health = await checkHealth({ pluginContext: settings, headers: {} }, new AbortController().signal);
    expect(health.status).toBe(HealthStatus.ERROR);
    expect(health.message).toContain(ES_ERRORS.noHandler(url));
  });
});

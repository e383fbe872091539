import { Client } from '@elastic/elasticsearch';

import { installIndexTemplate } from './installIndexTemplate';
import { keywordFields } from './searchElasticsearch';
import { leaseInstance, type DatasourceInstance } from '../settings/instances';
import { elasticsearchUrl } from '../test/elasticsearch';
import { pluginContext } from '../test/pluginContext';

/**
 * The field types of a datasource's indices are read once (`_field_caps`) and shared by every query
 * that asks meanwhile. A query that Grafana cancels stops waiting; the others still get their answer.
 */
const index = `argoperf-fieldcaps-${Date.now()}`;
let client: Client;

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  await installIndexTemplate(client, { name: index, indexPatterns: [index] }, { manageRetention: false });
  await client.indices.create({ index, settings: { number_of_replicas: 0 } });
  await client.indices.deleteIndexTemplate({ name: index });
});

afterAll(async () => {
  await client.indices.delete({ index }, { ignore: [404] });
  await client.close();
});

function instance(): DatasourceInstance {
  // Held for the whole file, as a request would hold it.
  const { lookup } = leaseInstance(pluginContext({ elasticsearch: { url: elasticsearchUrl(), index } }));
  if (!('instance' in lookup)) {
    throw new Error(lookup.error);
  }
  return lookup.instance;
}

it('answers a query that shares the field types being read when another query sharing them is cancelled', async () => {
  const shared = instance();
  const cancelled = new AbortController();
  const first = keywordFields(shared, cancelled.signal);
  first.catch(() => undefined);
  // Let the first query start reading the field types, then join it and cancel the first.
  await new Promise((resolve) => setImmediate(resolve));
  const second = keywordFields(shared, new AbortController().signal);
  cancelled.abort();
  await expect(first).rejects.toThrow();
  // The index's keyword fields, read independently of the code under test.
  const caps = await client.fieldCaps({ index, fields: '*' });
  const keywords = Object.entries(caps.fields)
    .filter(([, byType]) => Object.keys(byType).includes('keyword'))
    .map(([field]) => field);
  expect(keywords.length).toBeGreaterThan(3);
  expect((await second).sort()).toEqual(expect.arrayContaining(keywords.sort()));
});

import { Client } from '@elastic/elasticsearch';

import { installIndexTemplate } from '../elasticsearch/installIndexTemplate';
import type { HistoryDoc } from './history';

/** The real Elasticsearch node started by scripts/elasticsearch/start.sh. There is no fallback. */
export function elasticsearchUrl(): string {
  const url = process.env.ES_URL;
  if (!url) {
    throw new Error('ES_URL is not set: start Elasticsearch with scripts/elasticsearch/start.sh (npm test does this)');
  }
  return url;
}

/**
 * Creates `index` through the product's index template (installed for exactly this index name, then
 * removed again: the index keeps the mapping) and indexes `docs` into it.
 */
export async function createHistoryIndex(index: string, docs: HistoryDoc[]): Promise<Client> {
  const client = new Client({ node: elasticsearchUrl() });
  await installIndexTemplate(client, { name: index, indexPatterns: [index] }, { manageRetention: false });
  try {
    await client.indices.create({ index, settings: { number_of_replicas: 0 } });
  } finally {
    await client.indices.deleteIndexTemplate({ name: index });
  }
  const operations = docs.flatMap((doc) => [{ index: { _index: index } }, doc]);
  const result = await client.bulk({ operations, refresh: true });
  if (result.errors) {
    throw new Error(`bulk indexing failed: ${JSON.stringify(result.items.find((item) => item.index?.error))}`);
  }
  return client;
}

/**
 * For an integration test file: creates `index` from makeDocs() before its tests and deletes it after.
 * makeDocs runs inside beforeAll, so a test file can keep the documents it made for its expectations.
 */
export function withHistoryIndex(index: string, makeDocs: () => HistoryDoc[]): void {
  let client: Client | undefined;
  beforeAll(async () => {
    client = await createHistoryIndex(index, makeDocs());
  });
  afterAll(async () => {
    await client?.indices.delete({ index });
    await client?.close();
  });
}

import { Client } from '@elastic/elasticsearch';

import { HISTORY_MAPPING, type HistoryDoc } from './history';

/** The real Elasticsearch node started by scripts/elasticsearch/start.sh. There is no fallback. */
export function elasticsearchUrl(): string {
  const url = process.env.ES_URL;
  if (!url) {
    throw new Error('ES_URL is not set: start Elasticsearch with scripts/elasticsearch/start.sh (npm test does this)');
  }
  return url;
}

export async function createHistoryIndex(index: string, docs: HistoryDoc[]): Promise<Client> {
  const client = new Client({ node: elasticsearchUrl() });
  await client.indices.create({ index, mappings: HISTORY_MAPPING as never, settings: { number_of_replicas: 0 } });
  const operations = docs.flatMap((doc) => [{ index: { _index: index } }, doc]);
  const result = await client.bulk({ operations, refresh: true });
  if (result.errors) {
    throw new Error(`bulk indexing failed: ${JSON.stringify(result.items.find((item) => item.index?.error))}`);
  }
  return client;
}

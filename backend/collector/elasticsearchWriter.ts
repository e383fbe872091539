import { Client, errors } from '@elastic/elasticsearch';

import { BulkPacer } from './bulkPacer';
import type { ElasticsearchTarget } from './collectorOptions';

/** Attempts of one bulk request that Elasticsearch answers with 429 as a whole. */
const THROTTLED_ATTEMPTS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The collector's Elasticsearch client. */
export function elasticsearchClient(es: ElasticsearchTarget): Client {
  return new Client({
    node: es.url,
    auth: es.apiKey ? { apiKey: es.apiKey } : es.username ? { username: es.username, password: es.password ?? '' } : undefined,
    tls: { rejectUnauthorized: !es.tlsSkipVerify, ca: es.caCert },
    requestTimeout: 120_000,
    // The transport retries 502/503/504 and broken connections; 429 is handled below, with back-off.
    maxRetries: 3,
    compression: false,
    name: 'argoperf-collector',
  });
}

/**
 * A child client whose `bulk` tells the pacer about 429s and retries a request throttled as a whole
 * (the bulk helper retries throttled items itself but gives up on a throttled request).
 */
export function pacedClient(client: Client, pacer: BulkPacer, onWritten: (count: number) => void): Client {
  const child = client.child({});
  type Items = { items?: Array<Record<string, { status: number }>> };
  // The helper asks for `meta: true` answers ({ body, statusCode }); plain calls get the body itself.
  const bulk = child.bulk.bind(child) as (...args: unknown[]) => Promise<Items & { body?: Items }>;
  const paced = async (...args: unknown[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await bulk(...args);
        const items = response.body?.items ?? response.items ?? [];
        let throttled = false;
        let written = 0;
        for (const item of items) {
          const status = Object.values(item)[0]?.status ?? 0;
          throttled ||= status === 429;
          written += status >= 200 && status < 300 ? 1 : 0;
        }
        onWritten(written);
        if (throttled) {
          pacer.onThrottled();
        } else {
          pacer.onClean();
        }
        return response;
      } catch (error) {
        if (!(error instanceof errors.ResponseError && error.statusCode === 429) || attempt + 1 >= THROTTLED_ATTEMPTS) {
          throw error;
        }
        pacer.onThrottled();
        await sleep(BulkPacer.backoffMs(attempt));
      }
    }
  };
  Object.assign(child, { bulk: paced });
  return child;
}

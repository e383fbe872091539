import { setTimeout as delay } from 'node:timers/promises';

import { Client, errors } from '@elastic/elasticsearch';

import { backoffMs, type RetryOptions } from '../argo/client/retryPolicy';
import type { BulkPacer } from './bulkPacer';
import type { BulkAnswer } from './bulkWrite';
import type { ElasticsearchTarget } from './collectorOptions';

/** A bulk request that Elasticsearch answers with 429 as a whole: 8 attempts, waits from 0.5 s doubling to 30 s. */
export const THROTTLED_RETRY: Required<RetryOptions> = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30_000 };

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
 * A child client whose `bulk` counts the written documents, tells the pacer about 429s and retries a
 * request throttled as a whole (bulkWrite sends throttled items again itself).
 */
export function pacedClient(client: Client, pacer: BulkPacer, onWritten: (count: number) => void): Client {
  const child = client.child({});
  const bulk = child.bulk.bind(child) as (...args: unknown[]) => Promise<BulkAnswer>;
  const paced = async (...args: unknown[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await bulk(...args);
        const items = answer.items ?? [];
        let throttled = false;
        // Only index operations are sent: an answer without errors acknowledged every one of them.
        let written = answer.errors === false ? items.length : 0;
        if (answer.errors !== false) {
          for (const item of items) {
            const status = Object.values(item)[0]?.status ?? 0;
            throttled ||= status === 429;
            written += status >= 200 && status < 300 ? 1 : 0;
          }
        }
        onWritten(written);
        if (throttled) {
          pacer.onThrottled();
        } else {
          pacer.onClean();
        }
        return answer;
      } catch (error) {
        if (!(error instanceof errors.ResponseError && error.statusCode === 429) || attempt + 1 >= THROTTLED_RETRY.maxAttempts) {
          throw error;
        }
        pacer.onThrottled();
        await delay(backoffMs(attempt + 1, THROTTLED_RETRY));
      }
    }
  };
  Object.assign(child, { bulk: paced });
  return child;
}

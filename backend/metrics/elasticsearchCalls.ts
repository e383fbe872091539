import type { Client } from '@elastic/elasticsearch';

import { elasticsearchOperation } from './metricLabels';
import { observe, secondsSince } from './pluginMetrics';

/**
 * Counts and times every request a datasource's Elasticsearch client sends, retries included, from the
 * transport's diagnostic events: `serialization` when a request starts, `response` once it has ended
 * (answered or failed). Keyed by the request's meta object, which both events share.
 */
export function measureElasticsearchCalls(client: Client): void {
  const started = new WeakMap<object, number>();
  client.diagnostic.on('serialization', (_error, result) => {
    if (result?.meta) {
      started.set(result.meta, performance.now());
    }
  });
  client.diagnostic.on('response', (error, result) => {
    const meta = result?.meta;
    const start = meta && started.get(meta);
    if (!meta || start === undefined) {
      return;
    }
    started.delete(meta);
    // No answer (connection, timeout) or a 4xx/5xx: Elasticsearch's failure, as seen from here.
    observe('elasticsearch', elasticsearchOperation(meta.request.params.path), secondsSince(start), error ? 'downstream' : undefined);
  });
}

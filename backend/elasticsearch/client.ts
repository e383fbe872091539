import type { Client } from '@elastic/elasticsearch';

import type { ElasticsearchSettings, SecureJsonData } from '../../src/settings/model';
import { datasourceSecrets } from '../settings/datasourceSecrets';
import { instanceResource, type DatasourceInstance } from '../settings/instances';
import { notConfigured } from '../errors/notConfigured';
import { measureElasticsearchCalls } from '../metrics/elasticsearchCalls';
import type { ElasticsearchErrorContext } from './elasticsearchErrors';

/** @elastic/elasticsearch takes a quarter of a second to load, so it is loaded on first use, not at start. */
let clientModule: Promise<typeof import('@elastic/elasticsearch')> | undefined;
export function loadElasticsearchModule() {
  clientModule ??= import('@elastic/elasticsearch');
  return clientModule;
}

export function elasticsearchSettings(instance: DatasourceInstance): ElasticsearchSettings {
  const es = instance.settings.elasticsearch;
  if (!es) {
    // Requests check this first (requiredService, callResource); this names the setting should one not.
    throw notConfigured('datasource settings', 'this request needs', 'elasticsearch');
  }
  return es;
}

/** How errors are worded for this datasource: its URL (shown without password), index and every secret. */
export function elasticsearchErrorContext(instance: DatasourceInstance): ElasticsearchErrorContext {
  const es = elasticsearchSettings(instance);
  return {
    service: 'Elasticsearch',
    url: es.url,
    index: es.index,
    timeoutSeconds: es.timeoutSeconds,
    secrets: datasourceSecrets(instance.settings),
  };
}

/**
 * Answers are parsed with plain JSON.parse instead of the transport's prototype-poisoning scan, which
 * costs a second pass over multi-megabyte aggregation answers. Safe here: answers are only read, never
 * merged into other objects, and JSON.parse makes `__proto__` an ordinary own property.
 */
function plainJsonSerializer(module: typeof import('@elastic/elasticsearch')) {
  return class PlainJsonSerializer extends module.Serializer {
    deserialize<T = unknown>(json: string): T {
      try {
        return JSON.parse(json) as T;
      } catch (error) {
        throw new module.errors.DeserializationError((error as Error).message, json);
      }
    }
  };
}

function createClient(module: typeof import('@elastic/elasticsearch'), es: ElasticsearchSettings, secrets: SecureJsonData): Client {
  const auth =
    es.auth === 'basic'
      ? { username: es.username ?? '', password: secrets.elasticsearchPassword ?? '' }
      : es.auth === 'apiKey'
        ? { apiKey: secrets.elasticsearchApiKey ?? '' }
        : undefined;
  return new module.Client({
    node: es.url,
    auth,
    tls: { rejectUnauthorized: !es.tlsSkipVerify, ca: secrets.elasticsearchCaCert || undefined },
    requestTimeout: es.timeoutSeconds * 1000,
    // Grafana retries dashboards itself and alerting has its own schedule: fail fast, once.
    maxRetries: 1,
    name: 'argoperf-workflows-datasource',
    Serializer: plainJsonSerializer(module),
  });
}

export async function elasticsearchClient(instance: DatasourceInstance): Promise<Client> {
  const es = elasticsearchSettings(instance);
  const module = await loadElasticsearchModule();
  return instanceResource(instance, 'elasticsearch', () => {
    const client = createClient(module, es, instance.settings.secrets);
    measureElasticsearchCalls(client);
    return { value: client, close: () => client.close() };
  });
}

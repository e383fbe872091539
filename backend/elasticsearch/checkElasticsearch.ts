import type { DatasourceInstance } from '../settings/instances';
import type { ServiceHealth } from '../argo/checkArgo';
import { elasticsearchClient, elasticsearchErrorContext, elasticsearchSettings } from './client';
import { shownUrl } from '../net/urlCredentials';
import { elasticsearchFailureText } from './elasticsearchErrors';

/** Reachable, which version, and whether the index pattern matches anything. */
export async function checkElasticsearch(instance: DatasourceInstance, signal: AbortSignal): Promise<ServiceHealth> {
  const es = elasticsearchSettings(instance);
  const client = await elasticsearchClient(instance);
  try {
    const info = await client.info({}, { signal, maxRetries: 0 });
    const version = (info as { version?: { number?: unknown } } | undefined)?.version?.number;
    if (typeof version !== 'string') {
      return { ok: false, message: `${shownUrl(es.url)} did not answer like Elasticsearch (no version number); check the URL` };
    }
    const resolved = await client.indices.resolveIndex({ name: es.index, expand_wildcards: 'open' }, { signal, maxRetries: 0 });
    const matches = resolved.indices.length + resolved.aliases.length + resolved.data_streams.length;
    if (matches === 0) {
      return {
        ok: false,
        version,
        message: `Elasticsearch ${version} reachable, but no index matches "${es.index}"; run the collector to create it, or fix the index pattern`,
      };
    }
    return { ok: true, version, message: `Elasticsearch ${version} reachable; "${es.index}" matches ${matches} ${matches === 1 ? 'index' : 'indices'}` };
  } catch (error) {
    return { ok: false, message: elasticsearchFailureText(error, elasticsearchErrorContext(instance)).message };
  }
}

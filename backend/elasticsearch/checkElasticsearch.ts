import type { DatasourceInstance } from '../settings/instances';
import type { ServiceHealth } from '../argo/checkArgo';
import { describeError, statusMessage } from '../net/describeError';
import { elasticsearchClient, elasticsearchErrorContext, elasticsearchSettings, loadElasticsearchModule } from './client';

/** Reachable, which version, and whether the index pattern matches anything. */
export async function checkElasticsearch(instance: DatasourceInstance, signal: AbortSignal): Promise<ServiceHealth> {
  const es = elasticsearchSettings(instance);
  const ctx = elasticsearchErrorContext(es, instance.settings.secrets);
  const { errors } = await loadElasticsearchModule();
  const client = await elasticsearchClient(instance);
  try {
    const info = await client.info({}, { signal, maxRetries: 0 });
    const version = info.version.number;
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
    if (error instanceof errors.ResponseError) {
      const type = (error.body as { error?: { type?: string } } | undefined)?.error?.type;
      if (type === 'index_not_found_exception') {
        return { ok: false, message: `no Elasticsearch index matches "${es.index}"; run the collector to create it, or fix the index pattern` };
      }
      return { ok: false, message: statusMessage(error.statusCode ?? 500, ctx) };
    }
    return { ok: false, message: describeError(error, ctx) };
  }
}

import { QueryError } from '../queries/namespaceAccess';
import type { DatasourceInstance } from '../settings/instances';
import { describeError, statusMessage } from '../net/describeError';
import { elasticsearchClient, elasticsearchErrorContext, elasticsearchSettings, loadElasticsearchModule } from './client';

/**
 * Runs one search against the datasource's index pattern and returns its aggregations, turning every
 * failure into a QueryError with a plain message (missing index, bad field, auth, network, timeout).
 */
export async function searchAggregations<T>(instance: DatasourceInstance, body: Record<string, unknown>, signal: AbortSignal): Promise<T> {
  const response = await search(instance, body, signal);
  return (response.aggregations ?? {}) as T;
}

/** Like searchAggregations, for searches that read documents: the `_source` of each hit, in order. */
export async function searchHits<T>(instance: DatasourceInstance, body: Record<string, unknown>, signal: AbortSignal): Promise<T[]> {
  const response = await search(instance, body, signal);
  return response.hits.hits.map((hit) => (hit._source ?? {}) as T);
}

async function search(instance: DatasourceInstance, body: Record<string, unknown>, signal: AbortSignal) {
  const es = elasticsearchSettings(instance);
  const ctx = elasticsearchErrorContext(es, instance.settings.secrets);
  const client = await elasticsearchClient(instance);
  const { errors } = await loadElasticsearchModule();
  try {
    return await client.search({ index: es.index, ...body }, { signal });
  } catch (error) {
    if (error instanceof errors.ResponseError) {
      throw new QueryError(responseErrorMessage(error, es.index, ctx), 'downstream', error.statusCode ?? 500);
    }
    throw new QueryError(describeError(error, ctx), 'downstream', 502);
  }
}

interface EsErrorBody {
  error?: { type?: string; reason?: string; root_cause?: Array<{ type?: string; reason?: string }>; caused_by?: { reason?: string } };
}

function responseErrorMessage(error: { statusCode?: number; body?: unknown }, index: string, ctx: Parameters<typeof statusMessage>[1]): string {
  const body = (error.body ?? {}) as EsErrorBody;
  const type = body.error?.root_cause?.[0]?.type ?? body.error?.type;
  const reason = body.error?.caused_by?.reason ?? body.error?.root_cause?.[0]?.reason ?? body.error?.reason ?? '';
  if (type === 'index_not_found_exception') {
    return `no Elasticsearch index matches "${index}"; run the collector to create it, or fix the index pattern in the datasource settings`;
  }
  if (type === 'illegal_argument_exception' && /Text fields are not optimised|fielddata/i.test(reason)) {
    return `a field used for grouping or filtering is a text field in the index mapping: ${reason}; map it as keyword (see docs) or choose another field`;
  }
  return statusMessage(error.statusCode ?? 500, ctx, reason);
}

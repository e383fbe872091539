import { QueryError } from '../errors/queryError';
import type { DatasourceInstance } from '../settings/instances';
import { describeError, statusMessage } from '../net/describeError';
import { boundedSearch } from './answerLimits';
import { documentFields } from './documentFields';
import { checkFieldUses, fieldTypes } from './fieldCheck';
import { fieldUses } from './fieldUses';
import {
  elasticsearchClient,
  elasticsearchErrorContext,
  elasticsearchSettings,
  loadElasticsearchModule,
} from './client';

/**
 * Runs one search against the datasource's index pattern and returns its aggregations, turning every
 * failure into a QueryError with a plain message (missing index, bad field, auth, network, timeout).
 */
export async function searchAggregations<T>(
  instance: DatasourceInstance,
  body: Record<string, unknown>,
  signal: AbortSignal
): Promise<T> {
  const response = await search(instance, body, signal);
  return (response.aggregations ?? {}) as T;
}

/** One hit of a search that reads documents; what the search did not ask for is empty. */
export interface DocumentHit {
  /** `_source`. */
  source: Record<string, unknown>;
  /** `fields` (searches with `fields`). */
  fields: Record<string, unknown[]>;
  /** Sort values (for search_after paging). */
  sort: unknown[];
}

/** Like searchAggregations, for searches that read documents: the hits, in order. */
export async function searchHits(
  instance: DatasourceInstance,
  body: Record<string, unknown>,
  signal: AbortSignal
): Promise<DocumentHit[]> {
  const response = await search(instance, body, signal);
  return response.hits.hits.map((hit) => ({
    source: (hit._source ?? {}) as Record<string, unknown>,
    fields: (hit.fields ?? {}) as Record<string, unknown[]>,
    sort: (hit.sort ?? []) as unknown[],
  }));
}

/** The keyword fields of the datasource's indices (from the cached mapping). */
export async function keywordFields(instance: DatasourceInstance, signal: AbortSignal): Promise<string[]> {
  const types = await indexFieldTypes(instance, signal);
  return [...types.fields].filter(([, caps]) => caps.every((cap) => cap.type === 'keyword')).map(([field]) => field);
}

/** The mapping of the datasource's indices (field types), read at most once a minute. */
async function indexFieldTypes(instance: DatasourceInstance, signal: AbortSignal) {
  const es = elasticsearchSettings(instance);
  const client = await elasticsearchClient(instance);
  // Shared by the queries that ask while it is read: bounded by the client's request timeout, not by one query.
  return fieldTypes(
    instance,
    () => client.fieldCaps({ index: es.index, fields: '*', ignore_unavailable: true, allow_no_indices: true }),
    signal
  );
}

async function search(instance: DatasourceInstance, body: Record<string, unknown>, signal: AbortSignal) {
  const es = elasticsearchSettings(instance);
  const ctx = elasticsearchErrorContext(es, instance.settings.secrets);
  const client = await elasticsearchClient(instance);
  const { errors } = await loadElasticsearchModule();
  const runtime = documentFields(instance).runtimeMappings();
  try {
    const types = await indexFieldTypes(instance, signal);
    checkFieldUses(instance, types, fieldUses(body));
    // At most a few answers read at a time, none over the limit (answerLimits.ts: the memory bound).
    return await boundedSearch(client, { index: es.index, ...body, ...(runtime ? { runtime_mappings: runtime } : {}) }, signal);
  } catch (error) {
    if (error instanceof QueryError) {
      throw error;
    }
    if (error instanceof errors.ResponseError) {
      throw new QueryError(responseErrorMessage(error, es.index, ctx), 'downstream', error.statusCode ?? 500);
    }
    throw new QueryError(describeError(error, ctx), 'downstream', 502);
  }
}

interface EsErrorBody {
  error?: {
    type?: string;
    reason?: string;
    root_cause?: Array<{ type?: string; reason?: string }>;
    caused_by?: { reason?: string };
  };
}

function responseErrorMessage(
  error: { statusCode?: number; body?: unknown },
  index: string,
  ctx: Parameters<typeof statusMessage>[1]
): string {
  const body = (error.body ?? {}) as EsErrorBody;
  const type = body.error?.root_cause?.[0]?.type ?? body.error?.type;
  const reason = body.error?.caused_by?.reason ?? body.error?.root_cause?.[0]?.reason ?? body.error?.reason ?? '';
  if (type === 'index_not_found_exception') {
    return `no Elasticsearch index matches "${index}"; run the collector to create it, or fix the index pattern in the datasource settings`;
  }
  if (/painless|script_lang|script engine|scripting/i.test(`${type} ${reason}`)) {
    return (
      "the duration is derived from start and end (field mapping), which needs Elasticsearch's painless scripting, " +
      `and this cluster refused the script (${reason || type}); map a duration field in the datasource settings instead`
    );
  }
  if (type === 'illegal_argument_exception' && /Text fields are not optimised|fielddata/i.test(reason)) {
    return `a field used for grouping or filtering is a text field in the index mapping: ${reason}; map it as keyword (see docs) or choose another field`;
  }
  return statusMessage(error.statusCode ?? 500, ctx, reason);
}

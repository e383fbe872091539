import { QueryError } from '../errors/queryError';
import { logger } from '../log/logger';
import type { DatasourceInstance } from '../settings/instances';
import { boundedSearch } from './answerLimits';
import { elasticsearchFailureText } from './elasticsearchErrors';
import { documentFields } from './documentFields';
import { checkFieldUses, fieldTypes } from './fieldCheck';
import { fieldUses } from './fieldUses';
import { resolveLabelPatterns } from './labelPatterns';
import { regexpPatterns, regexpRefusal } from './regexpRefusal';
import { noteSearch, noteWarning } from './searchRecord';
import { shardFailureNotice, type ShardsSection } from './shardFailures';
import { elasticsearchClient, elasticsearchErrorContext, elasticsearchSettings } from './client';

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
  ).catch((error: unknown) => {
    throw asQueryError(instance, error);
  });
}

/** A failure as a QueryError with one plain sentence (elasticsearchErrors.ts). */
function asQueryError(instance: DatasourceInstance, error: unknown): QueryError {
  if (error instanceof QueryError) {
    return error;
  }
  const { message, status } = elasticsearchFailureText(error, elasticsearchErrorContext(instance));
  return new QueryError(message, 'downstream', status);
}

/** A 200 answer that lacks some shards becomes a warning on the query's frames (searchRecord.ts). */
function warnOfFailedShards<T extends { _shards?: ShardsSection }>(instance: DatasourceInstance, answer: T): T {
  const notice = shardFailureNotice(answer._shards, elasticsearchErrorContext(instance));
  if (notice) {
    logger.warn('Elasticsearch answered without some shards', { datasource: instance.uid, failed: Number(answer._shards?.failed), total: Number(answer._shards?.total) });
    noteWarning(notice);
  }
  return answer;
}

async function search(instance: DatasourceInstance, body: Record<string, unknown>, signal: AbortSignal) {
  const es = elasticsearchSettings(instance);
  const client = await elasticsearchClient(instance);
  const runtime = documentFields(instance).runtimeMappings();
  try {
    const types = await indexFieldTypes(instance, signal);
    checkFieldUses(instance, types, fieldUses(body));
    // At most a few answers read at a time, none over the limit (answerLimits.ts: the memory bound).
    const withRuntime = runtime ? { runtime_mappings: runtime } : {};
    let listing: Record<string, unknown> | undefined;
    const resolved = await resolveLabelPatterns(body, types, async (request) => {
      listing = request;
      return warnOfFailedShards(instance, await boundedSearch(client, { index: es.index, ...request, ...withRuntime }, signal));
    });
    noteSearch({ asked: body, sent: resolved, listing });
    return warnOfFailedShards(instance, await boundedSearch(client, { index: es.index, ...resolved, ...withRuntime }, signal));
  } catch (error) {
    throw regexpRefusal(error, regexpPatterns(body), elasticsearchErrorContext(instance)) ?? asQueryError(instance, error);
  }
}

import { parseQuery } from '../../src/query/parseQuery';
import { logger } from '../log/logger';
import { queryTypeLabel } from '../metrics/metricLabels';
import { observe, secondsSince } from '../metrics/pluginMetrics';
import type { DataQuery, DataResponse, QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import { QueryError } from '../errors/queryError';
import { checkTimeRange } from '../queries/timeRangeGuard';
import { withInstance, type DatasourceInstance, type InstanceLookup } from '../settings/instances';
import type { Masker } from '../net/masker';
import { duplicateRefId } from './handlerMessages';
import { maskQueryData, outputMasker } from './outputMasking';
import { requestContext, type RequestContext } from './requestContext';

/**
 * Data.QueryData: answers every refId, each on its own. A bad query or a failing upstream becomes that
 * refId's error; the other refIds still answer, and nothing here may throw out of the handler.
 */
function errorResponse(message: string, status: number, errorSource: 'plugin' | 'downstream'): DataResponse {
  return { error: message, status, errorSource };
}

function errorSourceOf(response: DataResponse): 'plugin' | 'downstream' {
  return response.errorSource === 'downstream' ? 'downstream' : 'plugin';
}

function decodeQueryJson(query: DataQuery): { value: unknown } | { error: string } {
  const text = Buffer.from(query.json ?? new Uint8Array()).toString('utf8');
  if (text.trim() === '') {
    return { value: {} };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `query JSON is malformed (${(error as Error).message}); save the query again from the query editor` };
  }
}

/** What the metrics learn of a query while it is answered: its type, once it parsed. */
interface Seen {
  queryType?: string;
}

async function answer(query: DataQuery, instance: DatasourceInstance, context: RequestContext, mask: Masker, seen: Seen): Promise<DataResponse> {
  const decoded = decodeQueryJson(query);
  if ('error' in decoded) {
    return errorResponse(decoded.error, 400, 'plugin');
  }
  const raw = decoded.value;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const target = raw as Record<string, unknown>;
    // Grafana passes queryType beside the JSON (alert rules store it there); the JSON wins when both exist.
    target.queryType ??= query.queryType || undefined;
    target.refId = query.refId;
  }
  const parsed = parseQuery(raw);
  if ('error' in parsed) {
    return errorResponse(parsed.error, 400, 'plugin');
  }
  seen.queryType = parsed.query.queryType;
  checkTimeRange(query.timeRange, instance.settings.maxRangeDays);
  const range = query.timeRange!;
  const { runQuery } = await import('../queries/runQuery');
  const { encodeFrame } = await import('../frames/arrowEncoder');
  const frames = await runQuery(parsed.query, {
    instance,
    context,
    fromMs: range.fromEpochMS,
    toMs: range.toEpochMS,
    intervalMs: query.intervalMS,
    maxDataPoints: query.maxDataPoints,
  });
  return { frames: frames.map((frame) => encodeFrame(mask.deep(frame))), status: 200 };
}

async function answerSafely(query: DataQuery, instance: DatasourceInstance, context: RequestContext, mask: Masker, seen: Seen): Promise<DataResponse> {
  try {
    return await answer(query, instance, context, mask, seen);
  } catch (error) {
    if (error instanceof QueryError) {
      return errorResponse(error.message, error.status, error.source);
    }
    logger.error('query failed unexpectedly', { refId: query.refId, error: (error as Error)?.message ?? String(error) });
    return errorResponse(`internal error while answering this query: ${(error as Error)?.message ?? String(error)}`, 500, 'plugin');
  }
}

/** The instance is held until every refId has answered, so a settings change never closes its clients mid-query. */
export async function queryData(request: QueryDataRequest, signal: AbortSignal): Promise<QueryDataResponse> {
  const mask = outputMasker(request.pluginContext);
  return maskQueryData(await withInstance(request.pluginContext, (lookup) => answerAll(request, lookup, signal, mask)), mask);
}

async function answerAll(
  request: QueryDataRequest,
  lookup: InstanceLookup,
  signal: AbortSignal,
  mask: Masker
): Promise<QueryDataResponse> {
  const context = requestContext(request.pluginContext, request.headers, signal);
  const queries = request.queries ?? [];
  const uses = new Map<string, number>();
  queries.forEach((query) => uses.set(query.refId ?? '', (uses.get(query.refId ?? '') ?? 0) + 1));
  const answers = await Promise.all(
    queries.map(async (query) => {
      const started = performance.now();
      const seen: Seen = {};
      const refId = query.refId ?? '';
      const response =
        uses.get(refId)! > 1
          ? errorResponse(duplicateRefId(refId, uses.get(refId)!), 400, 'plugin')
          : 'error' in lookup
            ? errorResponse(lookup.error, 400, 'plugin')
            : await answerSafely(query, lookup.instance, context, mask, seen);
      observe('queries', queryTypeLabel(seen.queryType), secondsSince(started), response.error ? errorSourceOf(response) : undefined);
      return response;
    })
  );
  // Keyed by the refId exactly as sent; fromEntries defines own properties, so even __proto__ is a key like any other.
  return { responses: Object.fromEntries(queries.map((query, i) => [query.refId ?? '', answers[i]])) };
}

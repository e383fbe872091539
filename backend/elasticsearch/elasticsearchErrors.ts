import { describeError, statusMessage, type ErrorContext } from '../net/describeError';
import { maskSecrets } from '../net/masker';
import { shownUrl } from '../net/urlCredentials';
import { ES_ERRORS as T } from './elasticsearchErrorText';

/**
 * An Elasticsearch error answer as one plain sentence: what happened and what to do, with the short
 * exception name where it helps the admin, and none of the internals of the body (node ids, shard
 * lists, index UUIDs, stack traces, nor anything a proxy echoed into it).
 */
export interface ElasticsearchErrorContext extends ErrorContext {
  /** The index pattern of the datasource. */
  index: string;
}

export interface Cause {
  type?: unknown;
  reason?: unknown;
  caused_by?: Cause;
  root_cause?: Cause[];
  failed_shards?: Array<{ reason?: Cause }>;
}

/** Exception names look like this; anything else (an echo, HTML) is not repeated. */
const TYPE_NAME = /^[a-z][a-z0-9_]{2,80}$/;
/** Wrappers that say only that something below failed. */
const WRAPPERS = new Set(['search_phase_execution_exception', 'remote_transport_exception', 'exception']);

/** Causes that mean the cluster cannot serve the indices now (red, recovering, no master). */
const NOT_SERVING = new Set([
  'no_shard_available_action_exception',
  'unavailable_shards_exception',
  'master_not_discovered_exception',
  'cluster_manager_not_discovered_exception',
  'primary_missing_action_exception',
]);

/** Every cause in the body: root causes and failed shards first (the specific ones), then the chain. */
export function causes(body: unknown): Cause[] {
  const error = (body as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') {
    return [];
  }
  const top = error as Cause;
  const chain: Cause[] = [];
  for (let at: Cause | undefined = top.caused_by, i = 0; at && typeof at === 'object' && i < 8; at = at.caused_by, i++) {
    chain.push(at);
  }
  const listed = (list: unknown) => (Array.isArray(list) ? list : []);
  const shards = listed(top.failed_shards).map((shard: { reason?: Cause }) => shard?.reason);
  return [...listed(top.root_cause), ...shards, ...chain, top].filter((c): c is Cause => !!c && typeof c === 'object');
}

/** The most specific exception name of the body, if it has one. */
export function rootCauseType(body: unknown): string | undefined {
  const types = causes(body)
    .map((c) => c.type)
    .filter((t): t is string => typeof t === 'string' && TYPE_NAME.test(t));
  return types.find((t) => !WRAPPERS.has(t)) ?? types[0];
}

function reasons(body: unknown): string[] {
  return causes(body)
    .map((c) => c.reason)
    .filter((r): r is string => typeof r === 'string');
}

/** A 4xx reason cut to its first sentence, masked first, without bracketed ids (index UUIDs, node ids). */
export function shortReason(reason: string, secrets: ErrorContext['secrets']): string {
  const text = maskSecrets(reason, secrets)
    .split('\n')[0]
    .replace(/\[([^\][/]+)\/[A-Za-z0-9_-]{20,24}\]/g, '[$1]')
    .replace(/\s*\[[A-Za-z0-9_-]{20,24}\]/g, '')
    .split(/\.\s/)[0];
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/**
 * Elasticsearch's answers to a path it does not serve, which a URL with a path leads to:
 * `{"error": "no handler found for uri [...]"}`, or 405 "Incorrect HTTP method for uri [...]" where the
 * path happens to look like a document's.
 */
function noHandler(body: unknown): boolean {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' && /^(no handler found|Incorrect HTTP method) for uri/.test(error);
}

export function responseErrorText(status: number, body: unknown, ctx: ElasticsearchErrorContext): string {
  const type = rootCauseType(body);
  const said = reasons(body);
  const has = (name: string) => causes(body).some((c) => c.type === name);
  const found = (pattern: RegExp) => said.map((r) => pattern.exec(r)).find(Boolean);
  let text: string;
  if (has('index_not_found_exception')) {
    text = T.noIndex(ctx.index);
  } else if (noHandler(body)) {
    text = T.noHandler(shownUrl(ctx.url));
  } else if ((type && /script/.test(type)) || found(/painless|script_lang|script engine|scripting/i)) {
    text = T.script(type ?? 'script_exception');
  } else if (found(/Fielddata is disabled|Text fields are not optimised/)) {
    text = T.textField(found(/Fielddata is disabled on (?:field )?\[([^\]]{1,200})\]/)?.[1]);
  } else if (has('circuit_breaking_exception')) {
    text = T.breaker(found(/^\[(\w{1,40})\] Data too large/)?.[1]);
  } else if (has('es_rejected_execution_exception')) {
    text = T.rejected(status, 'es_rejected_execution_exception');
  } else if (has('cluster_block_exception')) {
    const blocks = said.flatMap((r) => [...r.matchAll(/\[([A-Z_]{3,40})\/\d+\/([a-z ()/_,-]{3,80})\]/g)]);
    const unavailable = blocks.some((b) => b[1] === 'SERVICE_UNAVAILABLE');
    text = T.blocked([...new Set(blocks.map((b) => b[2].trim()))], unavailable);
  } else if (status === 401) {
    text = found(/missing authentication credentials/) ? T.noCredentials : T.unauthorized;
  } else if (status === 403) {
    text = T.forbidden(ctx.index, found(/action \[([a-z:/_*]{3,80})\]/)?.[1]);
  } else if (status === 429) {
    text = T.rejected(status, type);
  } else if (type && NOT_SERVING.has(type)) {
    text = T.unavailable(status, ctx.index, type);
  } else if (status === 400) {
    const reason = said.find((r) => r.trim() !== '' && r !== 'all shards failed');
    text = T.badRequest(type, type && reason ? shortReason(reason, ctx.secrets) : undefined);
  } else if (status >= 500 && status !== 502 && status !== 503 && status !== 504) {
    text = T.serverError(status, type);
  } else {
    // 404 (wrong URL or path prefix), 502/503/504 (a proxy, or a node starting), other statuses.
    text = statusMessage(status, ctx);
    text = type ? text.replace(/\((\d{3}[^)]*)\)/, `($1, ${type})`) : text;
  }
  return maskSecrets(text, ctx.secrets);
}

/** Any failure of a request to Elasticsearch: an error answer, or one that never came (refused, TLS, timeout, ...). */
export function elasticsearchFailureText(error: unknown, ctx: ElasticsearchErrorContext): { message: string; status: number } {
  const response = error as { name?: unknown; statusCode?: unknown; body?: unknown; meta?: { statusCode?: unknown } };
  if (response?.name === 'ResponseError') {
    const status = Number(response.statusCode ?? response.meta?.statusCode) || 500;
    return { message: responseErrorText(status, response.body, ctx), status };
  }
  return { message: describeError(error, ctx), status: 502 };
}

import type { IncomingHttpHeaders } from 'node:http';

import { Agent, request as undiciRequest, type Dispatcher } from 'undici';

import { asNodeError } from './undiciErrors';

/**
 * A small JSON GET over undici with the TLS options Grafana admins expect (custom CA, explicit
 * skip-verify), a deadline and cancellation. Used for the Argo Server. undici rather than node:http:
 * it spends about a quarter less CPU per GET (docs/benchmarks.md, "Where the collector's CPU goes").
 */
export interface JsonRequest {
  url: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  tlsSkipVerify?: boolean;
  caCert?: string;
  signal?: AbortSignal;
  /** Refuse bodies larger than this (bytes). */
  maxBytes?: number;
  /** A connection pool to reuse (keep-alive, jsonAgent); its TLS options should match caCert and tlsSkipVerify. */
  agent?: Dispatcher;
}

export interface JsonResponse {
  status: number;
  body: unknown;
  /** The raw text when the body is not JSON. */
  text?: string;
  /** Response headers (lower-case names). */
  headers: IncomingHttpHeaders;
}

export class HttpTimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export interface JsonAgentOptions {
  /** Most connections per server (default: no limit). */
  connections?: number;
  caCert?: string;
  tlsSkipVerify?: boolean;
}

/**
 * A keep-alive pool for requestJson. Only requestJson's own timer ends a request (the whole exchange),
 * so undici's connect, headers and body timeouts are off, as node:http has none.
 */
export function jsonAgent(options: JsonAgentOptions = {}): Agent {
  return new Agent({
    connections: options.connections ?? null,
    headersTimeout: 0,
    bodyTimeout: 0,
    connect: { timeout: 0, ca: options.caCert || undefined, rejectUnauthorized: !options.tlsSkipVerify },
  });
}

/** The error node:http raises when its `signal` option aborts, the signal's reason as its cause. */
function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted', { cause: signal.reason }), {
    name: 'AbortError',
    code: 'ABORT_ERR',
  });
}

/** The URL without credentials, and those credentials as Basic auth, as node:http sends them. */
function withoutCredentials(url: URL, headers: Record<string, string>): Record<string, string> {
  if (!url.username && !url.password) {
    return headers;
  }
  const auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  const given = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  return given ? headers : { ...headers, Authorization: `Basic ${Buffer.from(auth).toString('base64')}` };
}

export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const { signal } = request;
  if (signal?.aborted) {
    throw abortError(signal);
  }
  const url = new URL(request.url);
  const headers = withoutCredentials(url, { Accept: 'application/json', ...request.headers });
  const own = request.agent ? undefined : jsonAgent({ caCert: request.caCert, tlsSkipVerify: request.tlsSkipVerify });
  // One signal for undici: the caller's cancellation and the timeout of the whole exchange (not the
  // silence between bytes: a server that drips an answer byte by byte must not hold the query).
  const controller = new AbortController();
  const onAbort = () => controller.abort(abortError(signal!));
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new HttpTimeoutError(request.timeoutMs)), request.timeoutMs);
  let answered = false;
  try {
    const response = await undiciRequest(url, {
      method: 'GET',
      headers,
      signal: controller.signal,
      dispatcher: request.agent ?? own,
    });
    answered = true;
    const text = await readText(response.body, request.maxBytes, controller);
    const status = response.statusCode;
    const responseHeaders = response.headers as IncomingHttpHeaders;
    try {
      return { status, body: text ? JSON.parse(text) : undefined, headers: responseHeaders };
    } catch {
      return { status, body: undefined, text, headers: responseHeaders };
    }
  } catch (error) {
    throw asNodeError(error, answered);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // A one-off pool (no agent given): its socket is closed at once, not kept alive for nobody.
    own?.destroy().catch(() => undefined);
  }
}

/** The body as text; past maxBytes, stops reading and fails with "answer larger than N bytes". */
function readText(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number | undefined,
  controller: AbortController
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (maxBytes && size > maxBytes) {
        const error = new Error(`answer larger than ${maxBytes} bytes`);
        controller.abort(error);
        reject(error);
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    body.on('error', reject);
  });
}

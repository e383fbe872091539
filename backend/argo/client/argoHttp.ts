import type { IncomingHttpHeaders } from 'node:http';

import type { Agent } from 'undici';

import type { Logger } from '../../log/logger';
import { jsonAgent, requestJson, type JsonResponse } from '../../net/requestJson';
import { cancelledError, deadlineError, transportError, type ErrorSetting, type RequestSubject } from './argoErrors';
import { bodyError } from './bodyErrors';
import { retryAfterTooLate, statusError } from './statusErrors';
import { CallBudget, type CallOptions } from './callBudget';
import { RequestLimiter } from './requestLimiter';
import {
  backoffMs,
  isRetryableNetworkError,
  isRetryableStatus,
  RETRY_DEFAULTS,
  retryAfterMs,
  type RetryOptions,
} from './retryPolicy';

/** How to reach one Argo Server, and how hard to try. */
export interface ArgoHttpOptions {
  /** Base URL, optionally with a sub-path (https://host/argo/). */
  url: string;
  /** Authorization header value, or undefined (server auth mode). */
  authorization?: string;
  caCert?: string;
  tlsSkipVerify?: boolean;
  /** Per attempt (default 30). */
  timeoutSeconds?: number;
  concurrency?: number;
  retry?: RetryOptions;
  maxBytes?: number;
  logger?: Logger;
  /** Values to mask in every error and log line. */
  secrets: string[];
  random?: () => number;
  /** Told of every finished call (retries included): its API path, how long it took, whether it failed. */
  onCall?: (call: FinishedCall) => void;
}

export interface FinishedCall {
  path: string;
  seconds: number;
  failed: boolean;
}

/** A parsed JSON answer with its headers. */
export interface JsonAnswer<T> {
  body: T;
  headers: IncomingHttpHeaders;
}

/** The base URL without credentials, query or trailing slash, for messages. */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.replace(/\/+$/, '');
  } catch {
    return url.replace(/\/+$/, '');
  }
}

/**
 * JSON GETs against one Argo Server: URL joining under a sub-path, the Authorization header, TLS options,
 * the per-client concurrency limit, retries within the call's deadline, and errors as sentences.
 */
export class ArgoHttp {
  readonly limiter: RequestLimiter;
  readonly errors: ErrorSetting;
  private readonly base: URL;
  private readonly agent: Agent;
  private readonly retry: Required<RetryOptions>;

  constructor(private readonly options: ArgoHttpOptions) {
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.base.username = '';
    this.base.password = '';
    this.limiter = new RequestLimiter(options.concurrency ?? 4);
    this.retry = { ...RETRY_DEFAULTS, ...options.retry };
    // Keep-alive, at most `concurrency` connections to the server.
    this.agent = jsonAgent({
      connections: this.limiter.limit,
      caCert: options.caCert,
      tlsSkipVerify: options.tlsSkipVerify,
    });
    this.errors = {
      url: displayUrl(options.url),
      timeoutSeconds: options.timeoutSeconds ?? 30,
      secrets: options.secrets,
      hasToken: Boolean(options.authorization),
    };
  }

  /** The full URL of an API path (relative to the base, sub-path kept). */
  urlFor(path: string, query?: URLSearchParams): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.base);
    if (query) {
      url.search = query.toString();
    }
    return url;
  }

  /** GET a JSON answer, with retries on 429/502/503/504 and dropped connections. */
  async getJson<T>(
    path: string,
    query: URLSearchParams | undefined,
    subject: RequestSubject,
    call: CallOptions = {}
  ): Promise<JsonAnswer<T>> {
    const onCall = this.options.onCall;
    if (!onCall) {
      return this.getJsonRetrying(path, query, subject, call);
    }
    const started = performance.now();
    const finished = (failed: boolean) => onCall({ path, seconds: (performance.now() - started) / 1000, failed });
    try {
      const answer = await this.getJsonRetrying<T>(path, query, subject, call);
      finished(false);
      return answer;
    } catch (error) {
      finished(true);
      throw error;
    }
  }

  private async getJsonRetrying<T>(
    path: string,
    query: URLSearchParams | undefined,
    subject: RequestSubject,
    call: CallOptions
  ): Promise<JsonAnswer<T>> {
    const budget = new CallBudget(call);
    let lastProblem: string | undefined;
    for (let attempt = 1; ; attempt++) {
      let response: JsonResponse;
      try {
        response = await this.limiter.run(() => this.send(path, query, budget), budget.signal);
      } catch (error) {
        if (budget.cancelled) {
          throw cancelledError(this.errors, attempt);
        }
        if (budget.expired) {
          throw deadlineError(subject, budget.elapsedMs(), this.errors, attempt, lastProblem);
        }
        const failure = transportError(error, this.errors, attempt);
        if (!isRetryableNetworkError(error) || attempt >= this.retry.maxAttempts) {
          throw failure;
        }
        lastProblem = withoutAttempts(failure.message);
        await this.pause(
          backoffMs(attempt, this.retry, this.options.random),
          attempt,
          path,
          'connection dropped',
          budget,
          subject,
          lastProblem
        );
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        if (response.body === undefined) {
          throw bodyError(
            response.text,
            header(response.headers['content-type']),
            response.status,
            path,
            this.errors,
            attempt
          );
        }
        return { body: response.body as T, headers: response.headers };
      }
      const failure = statusError(response.status, errorBody(response), path, subject, this.errors, attempt);
      if (!isRetryableStatus(response.status) || attempt >= this.retry.maxAttempts) {
        throw failure;
      }
      lastProblem = withoutAttempts(failure.message);
      const asked = retryAfterMs(response.headers['retry-after']);
      const wait = asked ?? backoffMs(attempt, this.retry, this.options.random);
      if (asked !== undefined && asked > budget.remainingMs()) {
        throw retryAfterTooLate(response.status, asked, subject, this.errors, attempt);
      }
      await this.pause(wait, attempt, path, `status ${response.status}`, budget, subject, lastProblem);
    }
  }

  /** Waits before the next attempt, unless the deadline would pass first. */
  private async pause(
    ms: number,
    attempt: number,
    path: string,
    reason: string,
    budget: CallBudget,
    subject: RequestSubject,
    lastProblem: string
  ): Promise<void> {
    if (ms >= budget.remainingMs()) {
      throw deadlineError(subject, budget.elapsedMs() + ms, this.errors, attempt, lastProblem);
    }
    this.options.logger?.debug('Argo Server request will be retried', { path, reason, attempt, delayMs: ms });
    try {
      await budget.sleep(ms);
    } catch {
      throw budget.cancelled
        ? cancelledError(this.errors, attempt)
        : deadlineError(subject, budget.elapsedMs(), this.errors, attempt, lastProblem);
    }
  }

  private send(path: string, query: URLSearchParams | undefined, budget: CallBudget): Promise<JsonResponse> {
    const timeoutMs = Math.min(this.errors.timeoutSeconds * 1000, Math.max(1, budget.remainingMs()));
    return requestJson({
      url: this.urlFor(path, query).toString(),
      headers: this.options.authorization ? { Authorization: this.options.authorization } : {},
      timeoutMs,
      tlsSkipVerify: this.options.tlsSkipVerify,
      caCert: this.options.caCert,
      signal: budget.signal,
      maxBytes: this.options.maxBytes ?? 256 * 1024 * 1024,
      agent: this.agent,
    });
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent.destroy().catch(() => undefined);
  }
}

function withoutAttempts(message: string): string {
  return message.replace(/ \(after \d+ attempts\)$/, '');
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The error body: Argo's JSON, a short plain-text answer as its message, nothing for HTML pages. */
function errorBody(response: JsonResponse): unknown {
  if (response.body !== undefined || response.text === undefined) {
    return response.body;
  }
  const html = /text\/html/i.test(header(response.headers['content-type']) ?? '') || /^\s*</.test(response.text);
  // Not cut to its shown length here: serverMessage masks secrets first, then cuts (a cut secret would show).
  return html ? undefined : { message: response.text.trim().slice(0, 64 * 1024) };
}

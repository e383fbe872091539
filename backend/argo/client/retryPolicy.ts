import { causeChain } from '../../net/describeError';

/**
 * When and how long to wait before trying a request again: only answers that say "try later"
 * (429, 502, 503, 504) and dropped connections; exponential backoff with jitter, or the server's
 * Retry-After when it gives one.
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  /** First backoff step (default 200 ms); doubles each retry. */
  baseDelayMs?: number;
  /** Largest backoff step (default 5 s). */
  maxDelayMs?: number;
}

/** 5 attempts, backoff 200 ms doubling up to 5 s. */
export const RETRY_DEFAULTS: Required<RetryOptions> = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000 };

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Statuses worth another try; every other 4xx and 5xx is final. */
export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

/** A dropped connection ("socket hang up", reset, broken pipe): worth another try. */
export function isRetryableNetworkError(error: unknown): boolean {
  for (const link of causeChain(error, 4)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && RETRY_CODES.has(code)) {
      return true;
    }
  }
  return false;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, nowMs = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Backoff before retry number `retry` (1 = first retry): half fixed, half random ("equal jitter"). */
export function backoffMs(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

import { backoffMs, isRetryableNetworkError, isRetryableStatus, RETRY_DEFAULTS, retryAfterMs } from './retryPolicy';

describe('retry policy', () => {
  it('retries 429, 502, 503, 504 and nothing else', () => {
    expect([400, 401, 403, 404, 409, 429, 500, 501, 502, 503, 504].filter(isRetryableStatus)).toEqual([
      429, 502, 503, 504,
    ]);
  });

  it('retries dropped connections, also when the code sits in a cause', () => {
    expect(isRetryableNetworkError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableNetworkError(new Error('x', { cause: { code: 'EPIPE' } }))).toBe(true);
    expect(isRetryableNetworkError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, up to the cap', () => {
    const options = { ...RETRY_DEFAULTS, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, options, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, options, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
});

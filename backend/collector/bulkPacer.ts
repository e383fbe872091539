/**
 * Bulk request size and concurrency that adapt to Elasticsearch's back-pressure: halved on every 429
 * (whole request or single items), grown back by a quarter after a run of clean requests. The bulk
 * writer reads both before each request, so a change applies from the next request on.
 */
export interface PacerLimits {
  flushBytes: number;
  concurrency: number;
  minFlushBytes?: number;
  /** Clean requests in a row before growing again. */
  growAfter?: number;
}

export class BulkPacer {
  flushBytes: number;
  concurrency: number;
  throttled = 0;
  private clean = 0;
  private readonly maxFlushBytes: number;
  private readonly maxConcurrency: number;
  private readonly minFlushBytes: number;
  private readonly growAfter: number;

  constructor(limits: PacerLimits) {
    this.flushBytes = this.maxFlushBytes = limits.flushBytes;
    this.concurrency = this.maxConcurrency = limits.concurrency;
    this.minFlushBytes = Math.min(limits.minFlushBytes ?? 100_000, limits.flushBytes);
    this.growAfter = limits.growAfter ?? 20;
  }

  /** Elasticsearch answered 429 (to the request or to some of its items). */
  onThrottled(): void {
    this.throttled++;
    this.clean = 0;
    this.flushBytes = Math.max(this.minFlushBytes, Math.floor(this.flushBytes / 2));
    this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
  }

  /** A bulk request went through without any 429. */
  onClean(): void {
    if (++this.clean < this.growAfter || (this.flushBytes >= this.maxFlushBytes && this.concurrency >= this.maxConcurrency)) {
      return;
    }
    this.clean = 0;
    this.flushBytes = Math.min(this.maxFlushBytes, Math.ceil(this.flushBytes * 1.25));
    this.concurrency = Math.min(this.maxConcurrency, this.concurrency + 1);
  }
}

/**
 * Per call: the caller's AbortSignal and/or deadline (epoch ms, like Date.now()). One signal aborts on
 * either, and the budget tells which one ended the call.
 */
export interface CallOptions {
  signal?: AbortSignal;
  /** Absolute deadline in ms since the epoch (Date.now() scale); retries and pages stop before it. */
  deadline?: number;
}

/** An AbortError carrying the signal's reason, as fetch and node:http raise it. */
export function abortError(signal: AbortSignal): Error {
  const error = new Error('the operation was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

/** The signal and deadline of one call (all attempts and pages share it). */
export class CallBudget {
  readonly signal: AbortSignal;
  readonly startedMs = Date.now();
  private readonly deadlineSignal?: AbortSignal;

  constructor(private readonly options: CallOptions = {}) {
    const signals: AbortSignal[] = [];
    if (options.signal) {
      signals.push(options.signal);
    }
    if (options.deadline !== undefined) {
      this.deadlineSignal = AbortSignal.timeout(Math.max(0, options.deadline - Date.now()));
      signals.push(this.deadlineSignal);
    }
    this.signal =
      signals.length === 1 ? signals[0] : signals.length ? AbortSignal.any(signals) : new AbortController().signal;
  }

  /** The caller cancelled (not the deadline). */
  get cancelled(): boolean {
    return this.options.signal?.aborted === true;
  }

  /** The deadline has passed. */
  get expired(): boolean {
    return (
      this.options.deadline !== undefined &&
      (Date.now() >= this.options.deadline || this.deadlineSignal?.aborted === true)
    );
  }

  /** Milliseconds left before the deadline (Infinity without one). */
  remainingMs(): number {
    return this.options.deadline === undefined ? Infinity : Math.max(0, this.options.deadline - Date.now());
  }

  elapsedMs(): number {
    return Date.now() - this.startedMs;
  }

  /** Waits, or rejects with an AbortError when the call is cancelled or its deadline passes. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal.aborted) {
        reject(abortError(this.signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(this.signal));
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

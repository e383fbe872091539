import type { Logger } from '../../log/logger';
import { ArgoRequestError } from './argoErrors';
import type { CallOptions } from './callBudget';

/**
 * How long a server version read from /api/v1/version is trusted: a few minutes, so that an upgrade shows
 * without the datasource's settings changing or the plugin restarting, at one version request per period.
 */
export const VERSION_MAX_AGE_MS = 5 * 60_000;

export interface VersionKeeperOptions {
  /** Default VERSION_MAX_AGE_MS. */
  maxAgeMs?: number;
  /** Clock for the version's age (tests); default Date.now. */
  now?: () => number;
  logger?: Logger;
}

/**
 * The Argo Server version as one client knows it. It is read on first use (one request shared by parallel
 * calls) and again once older than maxAgeMs, as the server may have been upgraded meanwhile (v3.7 → v4.0
 * changes how CronWorkflows are read); a version noted from an answer's header (v3.6+) or a health check
 * counts as just read. The call that finds it expired waits for the new reading; calls meanwhile go on with
 * the version known, so at most one call at a time waits for a re-check.
 */
export class ServerVersionKeeper {
  private text?: string;
  private readMs = -Infinity;
  private reading?: Promise<unknown>;
  private readonly now: () => number;

  /** `read` asks the server (GET /api/v1/version) and notes what it answers. */
  constructor(
    private readonly read: (call: CallOptions) => Promise<unknown>,
    private readonly options: VersionKeeperOptions = {}
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The version learnt so far. */
  get known(): string | undefined {
    return this.text;
  }

  /** A version just read from the server. */
  note(version: string): void {
    this.text = version;
    this.readMs = this.now();
  }

  /** The version, read first if unknown or expired (see the class). */
  async current(call: CallOptions): Promise<string | undefined> {
    if (this.text === undefined) {
      await this.readFirst(call);
    } else if (
      this.reading === undefined &&
      this.now() - this.readMs >= (this.options.maxAgeMs ?? VERSION_MAX_AGE_MS)
    ) {
      await this.readAgain(call);
    }
    return this.text;
  }

  private async readFirst(call: CallOptions): Promise<void> {
    this.reading ??= this.read(call).finally(() => (this.reading = undefined));
    try {
      await this.reading;
    } catch (error) {
      // Another caller's cancellation ended the shared request: ask again for this call.
      if (!isCancelled(error) || call.signal?.aborted) {
        throw error;
      }
      await this.read(call);
    }
  }

  /** A re-check that fails keeps the version known until the next one: the call's own requests say what is wrong. */
  private async readAgain(call: CallOptions): Promise<void> {
    this.reading = this.read(call).finally(() => (this.reading = undefined));
    try {
      await this.reading;
    } catch (error) {
      if (call.signal?.aborted || isCancelled(error)) {
        throw error;
      }
      this.readMs = this.now();
      this.options.logger?.warn('re-reading the Argo Server version failed; the one known is kept', {
        version: this.text,
        error: (error as Error)?.message ?? String(error),
      });
    }
  }
}

const isCancelled = (error: unknown) => error instanceof ArgoRequestError && error.kind === 'cancelled';

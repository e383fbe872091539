import type { ArgoSettings, SecureJsonData } from '../../../src/settings/model';
import type { Logger } from '../../log/logger';
import { secretValues } from '../../net/secretForms';
import type { FinishedCall } from './argoHttp';
import type { RetryOptions } from './retryPolicy';

/** How to reach and treat one Argo Server (one datasource). */
export interface ArgoClientOptions {
  /** Base URL, optionally with a sub-path: https://argo-server.argo:2746 or https://host/argo/. */
  url: string;
  /** Bearer token, with or without the "Bearer " prefix; none for --auth-mode=server. */
  token?: string;
  /** PEM of the CA (or self-signed certificate) to trust. */
  caCert?: string;
  /** Accept any certificate (testing only). */
  tlsSkipVerify?: boolean;
  /** Per request attempt (default 30). */
  timeoutSeconds?: number;
  /** Requests in flight at most (default 4). */
  concurrency?: number;
  /** Items per page for summaries (default 500). */
  pageSize?: number;
  /** Items per page when nodes are included (default 50). */
  nodePageSize?: number;
  /** Stop a list after this many pages (default 10,000). */
  maxPages?: number;
  /** Largest answer accepted, in bytes (default 256 MiB). */
  maxBytes?: number;
  retry?: RetryOptions;
  logger?: Logger;
  /** Jitter source (tests). */
  random?: () => number;
  /** How long a server version read from /api/v1/version is trusted (default VERSION_MAX_AGE_MS, 5 minutes; serverVersionKeeper.ts). */
  versionMaxAgeMs?: number;
  /** Clock for the version's age (tests); default Date.now. */
  now?: () => number;
  /** Told of every finished request (the plugin's metrics; the collector passes none). */
  onCall?: (call: FinishedCall) => void;
}

/** Options from the datasource's Argo settings and secrets. */
export function argoClientOptions(
  argo: ArgoSettings,
  secrets: SecureJsonData,
  extra: Partial<ArgoClientOptions> = {}
): ArgoClientOptions {
  return {
    url: argo.url,
    token: secrets.argoToken,
    caCert: secrets.argoCaCert,
    tlsSkipVerify: argo.tlsSkipVerify,
    timeoutSeconds: argo.timeoutSeconds,
    concurrency: argo.maxConcurrentRequests,
    ...extra,
  };
}

/** The Authorization header value for a token given with or without "Bearer " (Basic stays as is). */
export function authorizationValue(token: string | undefined): string | undefined {
  const trimmed = token?.trim();
  if (!trimmed) {
    return undefined;
  }
  return /^(bearer|basic)\s/i.test(trimmed) ? trimmed.replace(/^bearer\s+/i, 'Bearer ') : `Bearer ${trimmed}`;
}

/** The token in every form it is sent in, and a password written in the URL (net/secretForms.ts), to mask everywhere. */
export function secretsOf(options: Pick<ArgoClientOptions, 'url' | 'token'>): string[] {
  return secretValues({ argo: { url: options.url, token: options.token } });
}

import type { IncomingHttpHeaders } from 'node:http';

import type { Identity } from './auth';

/** A request as the test server saw it, with the credential replaced by its kind. */
export interface RecordedRequest {
  method: string;
  /** The full path, base path included. */
  path: string;
  /** The path below the base path. */
  apiPath: string;
  query: Record<string, string>;
  /** Request headers; authorization and cookie values are redacted. */
  headers: Record<string, string>;
  /** The grant name, 'server', 'unknown token', or undefined before authentication. */
  identity?: string;
  status?: number;
  startedMs: number;
  endedMs?: number;
}

/** Headers with secrets redacted: `Bearer [redacted]`, `[redacted]` for cookies. */
export function redactedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
    if (key === 'authorization') {
      out[key] = text.replace(/^(\w+)\s.*$/s, '$1 [redacted]');
    } else if (key === 'cookie') {
      out[key] = '[redacted]';
    } else {
      out[key] = text;
    }
  }
  return out;
}

/** How a recorded request names its caller. */
export function identityName(identity: Identity): string {
  return identity.kind === 'server' ? 'server' : identity.kind === 'token' ? identity.grant.name : 'unknown token';
}

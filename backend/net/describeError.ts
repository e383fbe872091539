/**
 * Turns a failure talking to Elasticsearch or the Argo Server into one plain sentence a Grafana admin
 * can act on. Never a stack trace, and never a secret: every known secret value is masked.
 */
export interface ErrorContext {
  /** "Elasticsearch" or "the Argo Server". */
  service: string;
  url: string;
  timeoutSeconds: number;
  secrets?: Array<string | undefined>;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** The error and its causes (`error.cause`, its `cause`, …): at most `depth` of them, while they are objects. */
export function* causeChain(error: unknown, depth = 5): Generator<object> {
  let current: unknown = error;
  for (let i = 0; i < depth && current && typeof current === 'object'; i++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

function errorCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
  }
  // Some clients (Elasticsearch's) keep only the message of the socket error, e.g. "connect ECONNREFUSED".
  const fromMessage = /\b(E[A-Z_]{3,}|ERR_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+|CERT_[A-Z_]+)\b/.exec(messageOf(error));
  return fromMessage?.[1];
}

// Duck-typed rather than instanceof: errors may come from another realm (vm contexts, test runners).
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === 'string' ? message : String(error)).split('\n')[0];
}

/** The password written into a URL (`https://user:secret@host`), decoded, to mask it; undefined when there is none. */
export function urlPassword(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}

export function maskSecrets(text: string, secrets: Array<string | undefined> = []): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) {
      masked = masked.split(secret).join('***');
    }
  }
  return masked;
}

export function statusMessage(status: number, ctx: ErrorContext, detail = ''): string {
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401) {
    return `${ctx.service} rejected the credentials (401 Unauthorized); check the user, password, API key or token in the datasource settings${suffix}`;
  }
  if (status === 403) {
    return `${ctx.service} denied access (403 Forbidden); the configured user or token lacks permission${suffix}`;
  }
  if (status === 404) {
    return `${ctx.service} answered 404 Not Found at ${ctx.url}; check the URL (and its path prefix)${suffix}`;
  }
  if (status === 429) {
    return `${ctx.service} is overloaded (429 Too Many Requests); try again shortly${suffix}`;
  }
  if (status >= 500) {
    return `${ctx.service} failed with status ${status}${suffix}`;
  }
  return `${ctx.service} answered status ${status}${suffix}`;
}

export function describeError(error: unknown, ctx: ErrorContext): string {
  const code = errorCode(error);
  const message = messageOf(error);
  const name = String((error as { name?: unknown } | null)?.name ?? '');
  let text: string;
  if (code === 'ECONNREFUSED') {
    text = `connection refused by ${ctx.url}: ${ctx.service} is not listening there; check that it runs and that the URL and port are right`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    text = `the host of ${ctx.url} cannot be found (DNS lookup failed); check the URL`;
  } else if (code === 'ECONNRESET' || code === 'EPIPE') {
    text = `${ctx.service} at ${ctx.url} closed the connection unexpectedly; if it serves https, use an https:// URL`;
  } else if ((code && TLS_CODES.has(code)) || /certificate|SSL|TLS|self[- ]signed/i.test(message)) {
    text = `TLS failure talking to ${ctx.service} at ${ctx.url} (${message}); add the server's CA certificate in the datasource settings, or turn on "Skip TLS verify" for testing`;
  } else if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || /timed? ?out/i.test(message)) {
    text = `${ctx.service} at ${ctx.url} did not answer within ${ctx.timeoutSeconds} s (timeout); raise the timeout in the datasource settings or check the server's load`;
  } else if (name === 'AbortError' || code === 'ABORT_ERR') {
    text = `the request to ${ctx.service} was cancelled`;
  } else {
    text = `${ctx.service} at ${ctx.url} could not be queried: ${message}`;
  }
  return maskSecrets(text, ctx.secrets);
}

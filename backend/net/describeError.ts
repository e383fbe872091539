import { maskSecrets } from './masker';
import { shownUrl } from './urlCredentials';

/**
 * Turns a failure talking to Elasticsearch or the Argo Server into one plain sentence a Grafana admin
 * can act on. Never a stack trace, and never a secret: every form of every secret is masked, and a URL
 * is shown without its password.
 */
export interface ErrorContext {
  /** "Elasticsearch" or "the Argo Server". */
  service: string;
  url: string;
  timeoutSeconds: number;
  /** The secret values (secretForms.ts); every form of each is masked. */
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
// Masked before it is cut to its first line: a secret cut in two would no longer be recognised.
function messageOf(error: unknown, secrets?: Array<string | undefined>): string {
  const message = (error as { message?: unknown } | null)?.message;
  return maskSecrets(typeof message === 'string' ? message : String(error), secrets).split('\n')[0];
}

export function statusMessage(status: number, ctx: ErrorContext, detail = ''): string {
  const suffix = detail ? `: ${detail}` : '';
  const url = shownUrl(ctx.url);
  let text: string;
  if (status === 401) {
    text = `${ctx.service} rejected the credentials (401 Unauthorized); check the user, password, API key or token in the datasource settings${suffix}`;
  } else if (status === 403) {
    text = `${ctx.service} denied access (403 Forbidden); the configured user or token lacks permission${suffix}`;
  } else if (status === 404) {
    text = `${ctx.service} answered 404 Not Found at ${url}; check the URL (and its path prefix)${suffix}`;
  } else if (status === 429) {
    text = `${ctx.service} is overloaded (429 Too Many Requests); try again shortly${suffix}`;
  } else if (status === 502) {
    text = `a proxy in front of ${ctx.service} answered 502 Bad Gateway: it could not reach ${ctx.service}; check that ${ctx.service} runs and that the proxy points at it${suffix}`;
  } else if (status === 503) {
    text = `${ctx.service} is unavailable (503 Service Unavailable): it is starting, overloaded or unhealthy, or a proxy in front of it has no healthy server; try again shortly, and check its health if it persists${suffix}`;
  } else if (status === 504) {
    text = `a proxy in front of ${ctx.service} gave up waiting for it (504 Gateway Timeout); shorten the time range, or raise the proxy's timeout${suffix}`;
  } else if (status >= 500) {
    text = `${ctx.service} failed with an internal error (status ${status}); check its logs, and try again${suffix}`;
  } else {
    text = `${ctx.service} answered status ${status}${suffix}`;
  }
  return maskSecrets(text, ctx.secrets);
}

export function describeError(error: unknown, ctx: ErrorContext): string {
  const code = errorCode(error);
  const message = messageOf(error, ctx.secrets);
  const name = String((error as { name?: unknown } | null)?.name ?? '');
  const url = shownUrl(ctx.url);
  let text: string;
  if (name === 'DeserializationError') {
    text = `${ctx.service} at ${url} answered something that is not JSON; the URL may point at another service, or a proxy in front of it changed the answer`;
  } else if (name === 'ProductNotSupportedError') {
    text = `the server at ${url} does not say it is ${ctx.service} (no X-Elastic-Product header); the URL may point at another service, or a proxy in front of it drops that header`;
  } else if (name === 'NoLivingConnectionsError') {
    text = `${ctx.service} at ${url} could not be reached (the last attempts failed); check that it runs and that the URL is right`;
  } else if (name === 'RequestAbortedError') {
    text = `the request to ${ctx.service} was cancelled`;
  } else if (code === 'ECONNREFUSED') {
    text = `connection refused by ${url}: ${ctx.service} is not listening there; check that it runs and that the URL and port are right`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    text = `the host of ${url} cannot be found (DNS lookup failed); check the URL`;
  } else if (code === 'UND_ERR_SOCKET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || /other side closed|premature close/i.test(message)) {
    text = `${ctx.service} at ${url} closed the connection before its answer was complete; check its health and logs, or a proxy in front of it, and try again`;
  } else if (code === 'ECONNRESET' || code === 'EPIPE') {
    text = `${ctx.service} at ${url} closed the connection unexpectedly; if it serves https, use an https:// URL`;
  } else if ((code && TLS_CODES.has(code)) || /certificate|SSL|TLS|self[- ]signed/i.test(message)) {
    text = `TLS failure talking to ${ctx.service} at ${url} (${message}); add the server's CA certificate in the datasource settings, or turn on "Skip TLS verify" for testing`;
  } else if (name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || /timed? ?out/i.test(message)) {
    text = `${ctx.service} at ${url} did not answer within ${ctx.timeoutSeconds} s (timeout); raise the timeout in the datasource settings or check the server's load`;
  } else if (name === 'AbortError' || code === 'ABORT_ERR') {
    text = `the request to ${ctx.service} was cancelled`;
  } else {
    text = `${ctx.service} at ${url} could not be queried: ${message}`;
  }
  return maskSecrets(text, ctx.secrets);
}

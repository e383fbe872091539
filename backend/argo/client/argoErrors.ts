import { describeError } from '../../net/describeError';
import { maskSecrets } from '../../net/masker';

/**
 * Failures talking to the Argo Server, each as one sentence an admin can act on. Every sentence goes
 * through maskSecrets, so a token never reaches logs or error text, even when a server echoes it.
 */
export type ArgoErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'wrongUrl'
  | 'badRequest'
  | 'rateLimited'
  | 'serverError'
  | 'invalidJson'
  | 'html'
  | 'tls'
  | 'timeout'
  | 'cancelled'
  | 'network';

/** A failed Argo Server request; `message` is the sentence to show, `kind` what went wrong. */
export class ArgoRequestError extends Error {
  constructor(
    message: string,
    readonly kind: ArgoErrorKind,
    readonly status?: number,
    readonly attempts = 1
  ) {
    super(message);
    this.name = 'ArgoRequestError';
  }
}

/** What a request was for, in the words of RBAC. */
export interface RequestSubject {
  verb: 'get' | 'list';
  resource: 'workflows' | 'cronworkflows' | 'version';
  /** '' = all namespaces. */
  namespace?: string;
  name?: string;
  archived?: boolean;
}

/** How errors are worded for one client. */
export interface ErrorSetting {
  /** The base URL as shown to users (no credentials). */
  url: string;
  timeoutSeconds: number;
  secrets: string[];
  hasToken: boolean;
}

/** The request in words: "list workflows in namespace \"ml\"", "read the server version". */
export function describeSubject(s: RequestSubject): string {
  if (s.resource === 'version') {
    return 'read the server version';
  }
  const noun = s.resource === 'cronworkflows' ? 'cron workflow' : s.archived ? 'archived workflow' : 'workflow';
  if (s.verb === 'get') {
    return s.archived && !s.namespace ? `get ${noun} ${s.name}` : `get ${noun} "${s.namespace}/${s.name}"`;
  }
  return `list ${noun}s ${s.namespace ? `in namespace "${s.namespace}"` : 'in all namespaces'}`;
}

/** The full URL of a request path, for messages. */
export function requestUrl(setting: ErrorSetting, path: string): string {
  return `${setting.url}/${path.replace(/^\/+/, '')}`;
}

/** The error, its sentence masked and marked with the attempt count when there were retries. */
export function argoError(
  text: string,
  kind: ArgoErrorKind,
  setting: ErrorSetting,
  status?: number,
  attempts = 1
): ArgoRequestError {
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  return new ArgoRequestError(maskSecrets(`${text}${tries}`, setting.secrets), kind, status, attempts);
}

function transportKind(error: unknown): ArgoErrorKind {
  const text = `${(error as { code?: unknown })?.code ?? ''} ${(error as Error)?.message ?? ''} ${String((error as { cause?: { code?: unknown } })?.cause?.code ?? '')}`;
  if (/CERT|SSL|TLS|self[- ]signed|EPROTO|UNABLE_TO_/i.test(text)) {
    return 'tls';
  }
  if ((error as Error)?.name === 'TimeoutError' || /timed? ?out/i.test(text)) {
    return 'timeout';
  }
  return (error as Error)?.name === 'AbortError' ? 'cancelled' : 'network';
}

/** A failure below HTTP: refused, DNS, TLS, reset, per-request timeout, cancellation. */
export function transportError(error: unknown, setting: ErrorSetting, attempts: number): ArgoRequestError {
  const text = describeError(error, {
    service: 'the Argo Server',
    url: setting.url,
    timeoutSeconds: setting.timeoutSeconds,
    secrets: setting.secrets,
  });
  return argoError(text, transportKind(error), setting, undefined, attempts);
}

/** The call's own deadline passed (the query's time budget, not one request's timeout). */
export function deadlineError(
  subject: RequestSubject,
  elapsedMs: number,
  setting: ErrorSetting,
  attempts: number,
  lastProblem?: string
): ArgoRequestError {
  const last = lastProblem ? `; the last attempt failed with: ${lastProblem}` : '';
  return argoError(
    `the Argo Server did not ${describeSubject(subject)} before the query's deadline (${(elapsedMs / 1000).toFixed(1)} s, timeout)${last}`,
    'timeout',
    setting,
    undefined,
    attempts
  );
}

/** The caller cancelled the query. */
export function cancelledError(setting: ErrorSetting, attempts: number): ArgoRequestError {
  return argoError('the request to the Argo Server was cancelled', 'cancelled', setting, undefined, attempts);
}

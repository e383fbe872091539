import { maskSecrets } from '../../net/masker';
import {
  argoError,
  describeSubject,
  requestUrl,
  type ArgoRequestError,
  type ErrorSetting,
  type RequestSubject,
} from './argoErrors';

/**
 * Sentences for HTTP error statuses: what was refused, and what to change (token, RBAC, URL, load).
 */
function rbacHint(s: RequestSubject, hasToken: boolean): string {
  const who = hasToken
    ? "the token's ServiceAccount"
    : "the Argo Server's own ServiceAccount (no token is set, so the server's auth mode decides)";
  const resource = `${s.resource === 'version' ? 'workflows' : s.resource}.argoproj.io`;
  if (s.verb === 'list' && !s.namespace) {
    return `${who} needs the verb list on ${resource} cluster-wide (a ClusterRole and ClusterRoleBinding), or pick namespaces in the query`;
  }
  const verbs = s.verb === 'list' ? 'get and list' : 'get';
  const where = s.namespace ? `in namespace "${s.namespace}"` : "in the workflow's namespace";
  return `${who} needs the verbs ${verbs} on ${resource} ${where} (a Role and RoleBinding there)`;
}

/** The server's own message from a grpc-gateway error body (`message`, else `error`): masked, then its first line, shortened. */
export function serverMessage(body: unknown, secrets: string[] = []): string | undefined {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  const text =
    typeof record?.message === 'string' && record.message
      ? record.message
      : typeof record?.error === 'string'
        ? record.error
        : undefined;
  // Masked before it is cut: a secret cut in two would no longer be recognised.
  const masked = text ? maskSecrets(text, secrets).trim().split('\n')[0] : undefined;
  return masked ? (masked.length > 300 ? `${masked.slice(0, 300)}…` : masked) : undefined;
}

/** An HTTP error status with a JSON (or no) body. */
export function statusError(
  status: number,
  body: unknown,
  path: string,
  subject: RequestSubject,
  setting: ErrorSetting,
  attempts: number
): ArgoRequestError {
  const said = serverMessage(body, setting.secrets);
  const detail = said ? `; the server said: ${said}` : '';
  const action = describeSubject(subject);
  const grpcCode = (body as { code?: unknown } | undefined)?.code;
  if (status === 401) {
    const fix = setting.hasToken
      ? 'check the token in the datasource settings (a Kubernetes ServiceAccount token, with or without "Bearer "); it may have expired or been revoked'
      : 'no token is set, and the server does not run with --auth-mode=server; enter a ServiceAccount token in the datasource settings';
    return argoError(
      `the Argo Server rejected the credentials (401 Unauthorized) when asked to ${action}; ${fix}${detail}`,
      'unauthorized',
      setting,
      status,
      attempts
    );
  }
  if (status === 403) {
    return argoError(
      `the Argo Server denied access (403 Forbidden) to ${action}; ${rbacHint(subject, setting.hasToken)}${detail}`,
      'forbidden',
      setting,
      status,
      attempts
    );
  }
  if (status === 404 && grpcCode === 5 && subject.verb === 'get' && subject.resource !== 'version') {
    return argoError(
      `the Argo Server has no ${describeSubject(subject).replace(/^get /, '')} (404 Not Found)`,
      'notFound',
      setting,
      status,
      attempts
    );
  }
  if (status === 404) {
    return argoError(
      `the Argo Server URL answered 404 Not Found for ${requestUrl(setting, path)}; check the URL and its sub-path (for example https://host/argo/ when Argo runs behind an ingress with --base-href)`,
      'wrongUrl',
      setting,
      status,
      attempts
    );
  }
  if (status === 400) {
    return argoError(
      `the Argo Server refused the request to ${action} (400 Bad Request)${detail}`,
      'badRequest',
      setting,
      status,
      attempts
    );
  }
  if (status === 429) {
    return argoError(
      `the Argo Server is rate limiting requests (429 Too Many Requests) and still refused to ${action}; Grafana's users share one source IP and its --api-rate-limit${detail}`,
      'rateLimited',
      setting,
      status,
      attempts
    );
  }
  if (status >= 300 && status < 400) {
    return argoError(
      `the Argo Server URL answered with a redirect (status ${status}) for ${requestUrl(setting, path)}; it probably points at a login proxy, or http:// where https:// is needed: check the URL`,
      'wrongUrl',
      setting,
      status,
      attempts
    );
  }
  if (status >= 500) {
    return argoError(
      `the Argo Server failed with status ${status} when asked to ${action}${detail}`,
      'serverError',
      setting,
      status,
      attempts
    );
  }
  return argoError(
    `the Argo Server answered status ${status} when asked to ${action}${detail}`,
    'badRequest',
    setting,
    status,
    attempts
  );
}

/** A Retry-After that lies beyond the call's deadline. */
export function retryAfterTooLate(
  status: number,
  waitMs: number,
  subject: RequestSubject,
  setting: ErrorSetting,
  attempts: number
): ArgoRequestError {
  const seconds = Math.ceil(waitMs / 1000);
  return argoError(
    `the Argo Server answered ${status} and asked to retry after ${seconds} s, which is past this query's deadline; could not ${describeSubject(subject)}`,
    status === 429 ? 'rateLimited' : 'serverError',
    setting,
    status,
    attempts
  );
}

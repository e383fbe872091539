import type { IncomingHttpHeaders } from 'node:http';

import { ApiError, GRPC } from './apiErrors';

/**
 * Authentication and RBAC as the Argo Server applies them. `server` mode: no credentials needed.
 * `client` mode: the caller's bearer token acts as a Kubernetes identity; the gatekeeper only checks the
 * form ("Bearer …"), and Kubernetes rejects an unknown token on the first API call, so /api/v1/version
 * answers any bearer token. `hybrid`: client mode, and server mode when no token is sent.
 */
export interface TokenGrant {
  /** Shown in recorded requests instead of the token. */
  name: string;
  /** Namespaces it may get/list workflows and cron workflows in; '*' = cluster-wide. */
  namespaces: string[] | '*';
}

export type ArgoAuth = { mode: 'server' } | { mode: 'client' | 'hybrid'; tokens: Record<string, TokenGrant> };

/** Who the request runs as: the server's own account, a known token, or an unknown token. */
export type Identity = { kind: 'server' } | { kind: 'token'; grant: TokenGrant } | { kind: 'unknownToken' };

const SERVER_GRANT: TokenGrant = { name: 'argo-server', namespaces: '*' };

function authorizationOf(headers: IncomingHttpHeaders): string[] {
  const values: string[] = [];
  if (headers.authorization) {
    values.push(headers.authorization);
  }
  for (const cookie of (headers.cookie ?? '').split(';')) {
    const [key, ...rest] = cookie.trim().split('=');
    if (key === 'authorization') {
      values.push(decodeURIComponent(rest.join('=')));
    }
  }
  return values;
}

/** The gatekeeper: 401 "token not valid" when no mode accepts the request. */
export function authenticate(headers: IncomingHttpHeaders, auth: ArgoAuth): Identity {
  if (auth.mode === 'server') {
    return { kind: 'server' };
  }
  const value = authorizationOf(headers).find((v) => /^(Bearer|Basic) /.test(v));
  if (!value) {
    if (auth.mode === 'hybrid') {
      return { kind: 'server' };
    }
    throw new ApiError(
      GRPC.unauthenticated,
      'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/'
    );
  }
  const grant = auth.tokens[value.replace(/^Bearer /, '')];
  return grant ? { kind: 'token', grant } : { kind: 'unknownToken' };
}

/** What Kubernetes says to a token it does not know, on the first API call. */
export function requireKnown(identity: Identity): TokenGrant {
  if (identity.kind === 'unknownToken') {
    throw new ApiError(GRPC.unauthenticated, 'Unauthorized');
  }
  return identity.kind === 'server' ? SERVER_GRANT : identity.grant;
}

/** Kubernetes RBAC: may this identity get/list in the namespace ('' = cluster-wide)? */
export function can(identity: Identity, namespace: string): boolean {
  const grant = requireKnown(identity);
  return grant.namespaces === '*' || (namespace !== '' && grant.namespaces.includes(namespace));
}

/** The 403 Kubernetes itself writes (≤ v3.5.6 live list, cron endpoints, GET). */
export function kubeForbidden(
  identity: Identity,
  verb: 'get' | 'list',
  resource: string,
  namespace: string,
  name = ''
): ApiError {
  const user = `system:serviceaccount:argo:${requireKnown(identity).name}`;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const what = name ? `${resource}.argoproj.io "${name}"` : `${resource}.argoproj.io`;
  return new ApiError(
    GRPC.permissionDenied,
    `${what} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "argoproj.io" ${scope}`
  );
}

/** The 403 the Argo Server writes after its own SelfSubjectAccessReview on a list (v3.5.7+, archive). */
export function argoListForbidden(namespace: string): ApiError {
  return new ApiError(
    GRPC.permissionDenied,
    `Permission denied, you are not allowed to list workflows in namespace "${namespace}". Maybe you want to specify a namespace with query parameter \`.namespace=${namespace}\`?`
  );
}

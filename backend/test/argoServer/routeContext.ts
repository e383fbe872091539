import type { Workflow } from '../../argo/client/argoTypes';
import type { ArgoStore } from './argoStore';
import type { Identity } from './auth';
import type { ArgoQuirks } from './versionQuirks';

/** One API request as the route handlers see it. */
export interface RouteContext {
  /** Path below the base path, e.g. /api/v1/workflows/argo. */
  path: string;
  query: URLSearchParams;
  identity: Identity;
  quirks: ArgoQuirks;
  store: ArgoStore;
}

export interface RouteAnswer {
  status: number;
  body: unknown;
}

/** The list resourceVersion the server reports (the reflector's last sync). */
export const LIST_RESOURCE_VERSION = 250_000;

/** List items carry no apiVersion/kind (Kubernetes and archive rows both leave them out). */
export function withoutTypeMeta<T extends Pick<Workflow, 'metadata'>>(
  object: T & { apiVersion?: string; kind?: string }
): T {
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
  return rest as T;
}

/** items, or null for an empty list when the quirk says so (Go's nil slice). */
export function listItems<T>(items: T[], quirks: ArgoQuirks): T[] | null {
  return items.length === 0 && quirks.itemsNullWhenEmpty ? null : items;
}

import type { ListMeta, Workflow } from '../../argo/client/argoTypes';
import { ApiError, GRPC } from './apiErrors';
import type { ListFilter } from './listFilter';
import { timeMs } from './timeFormat';

/**
 * Paging as the two kinds of list do it. Kubernetes: objects in key order (namespace/name), an opaque
 * base64 continue token naming the next key. Argo (v3.5.7+ live list, archive): decimal offsets.
 */
interface KubeToken {
  v: string;
  rv: number;
  start: string;
}

const objectKey = (o: { metadata: Workflow['metadata'] }) => `${o.metadata.namespace}/${o.metadata.name}`;

function decodeToken(token: string): KubeToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as KubeToken;
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.start !== 'string') {
      throw new Error('wrong version');
    }
    return parsed;
  } catch {
    throw new ApiError(
      GRPC.invalidArgument,
      `continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)`
    );
  }
}

/** One chunk of a Kubernetes list. */
export function kubePage<T extends { metadata: Workflow['metadata'] }>(
  objects: T[],
  filter: ListFilter,
  resourceVersion: number
): { items: T[]; metadata: ListMeta } {
  const sorted = [...objects].sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1));
  const start = filter.continueToken ? decodeToken(filter.continueToken).start : '';
  const after = sorted.filter((o) => objectKey(o) >= start);
  if (!filter.limit || after.length <= filter.limit) {
    return { items: after, metadata: { resourceVersion: String(resourceVersion) } };
  }
  const items = after.slice(0, filter.limit);
  const next: KubeToken = {
    v: 'meta.k8s.io/v1',
    rv: resourceVersion,
    start: `${objectKey(after[filter.limit - 1])}\u0000`,
  };
  return {
    items,
    metadata: {
      resourceVersion: String(resourceVersion),
      continue: Buffer.from(JSON.stringify(next)).toString('base64'),
      // Kubernetes counts what is left only for lists without selectors.
      ...(filter.hasSelectors ? {} : { remainingItemCount: after.length - filter.limit }),
    },
  };
}

const ms = (value: string | null | undefined) => (value ? timeMs(value) : 0);

/** Newest startedAt first, as the SQLite cache and the archive table order rows. */
export function byStartedAtDesc(a: Workflow, b: Workflow): number {
  return ms(b.status?.startedAt) - ms(a.status?.startedAt);
}

/** Workflows.Less: unfinished first (newest created first), then finished by finishedAt, newest first. */
export function byArgoPageOrder(a: Workflow, b: Workflow): number {
  const aDone = ms(a.status?.finishedAt);
  const bDone = ms(b.status?.finishedAt);
  if (!aDone && !bDone) {
    return ms(b.metadata.creationTimestamp) - ms(a.metadata.creationTimestamp);
  }
  if (!aDone || !bDone) {
    return aDone ? 1 : -1;
  }
  return bDone - aDone;
}

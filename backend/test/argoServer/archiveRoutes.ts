import type { ListMeta } from '../../argo/client/argoTypes';
import { ApiError, GRPC } from './apiErrors';
import { archiveListItem } from './argoStore';
import { argoListForbidden, can } from './auth';
import { argoListFilter } from './listFilter';
import { byArgoPageOrder } from './listPages';
import { listItems, withoutTypeMeta, type RouteAnswer, type RouteContext } from './routeContext';

/** GET /api/v1/archived-workflows: offset paging in every version, slim rows, no `fields`. */
export function listArchivedWorkflows(ctx: RouteContext): RouteAnswer {
  const { quirks, store } = ctx;
  // Before v3.4.5 the request has no namespace field: grpc-gateway drops the parameter.
  const namespace = quirks.archiveNamespaceParam ? (ctx.query.get('namespace') ?? '') : '';
  const filter = argoListFilter(ctx.query, namespace, false);
  if (!can(ctx.identity, filter.namespace)) {
    throw argoListForbidden(filter.namespace);
  }
  const rows = store.archiveMatching(filter);
  const offset = Number(filter.continueToken || '0');
  // The server reads limit+1 rows to learn whether there is more.
  const read = filter.limit ? rows.slice(offset, offset + filter.limit + 1) : rows.slice(offset);
  const metadata: ListMeta = {};
  if (filter.showRemainingItemCount && filter.limit) {
    metadata.remainingItemCount = Math.max(rows.length - offset - Math.min(read.length, filter.limit), 0);
  }
  const items = filter.limit ? read.slice(0, filter.limit) : read;
  if (filter.limit && read.length > filter.limit && !quirks.omitContinue) {
    metadata.continue =
      quirks.repeatContinue && filter.continueToken ? filter.continueToken : String(offset + filter.limit);
  }
  const served = items.sort(byArgoPageOrder).map((w) => withoutTypeMeta(archiveListItem(w, quirks.archiveItems)));
  return { status: 200, body: { metadata, items: listItems(served, quirks) } };
}

/** GET /api/v1/archived-workflows/{uid}: the full stored object, nodes included. */
export function getArchivedWorkflow(ctx: RouteContext, uid: string): RouteAnswer {
  const workflow = ctx.store.archivedWorkflow(
    uid,
    ctx.query.get('namespace') ?? undefined,
    ctx.query.get('name') ?? undefined
  );
  if (!workflow) {
    throw new ApiError(GRPC.notFound, 'not found');
  }
  if (!can(ctx.identity, workflow.metadata.namespace ?? '')) {
    throw new ApiError(GRPC.permissionDenied, 'permission denied');
  }
  return { status: 200, body: ctx.store.archivedJson(workflow) };
}

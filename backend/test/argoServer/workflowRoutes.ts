import { LABELS, type ListMeta, type Workflow } from '../../argo/client/argoTypes';
import { ApiError, GRPC } from './apiErrors';
import { archiveListItem } from './argoStore';
import { argoListForbidden, can, kubeForbidden, requireKnown } from './auth';
import { FieldsCleaner } from './fieldsCleaner';
import { argoListFilter, kubeListFilter, matchesFilter, type ListFilter } from './listFilter';
import { byArgoPageOrder, byStartedAtDesc, kubePage } from './listPages';
import { LIST_RESOURCE_VERSION, listItems, withoutTypeMeta, type RouteAnswer, type RouteContext } from './routeContext';

/** GET /api/v1/workflows/{namespace}: the live list, merged with the archive from v3.5. */
export function listWorkflows(ctx: RouteContext, namespace: string): RouteAnswer {
  const { quirks, store } = ctx;
  const cleaner = new FieldsCleaner(ctx.query.get('fields'));
  const fillOffloaded = quirks.offloadListFills && !cleaner.willExclude('items.status.nodes');
  const page = quirks.liveListTokens === 'k8s' ? kubeListPage(ctx, namespace) : offsetListPage(ctx, namespace);
  const items = page.items.map((w) =>
    withoutTypeMeta(
      store.isArchiveRow(w) ? archiveListItem(w, quirks.archiveItems) : store.stored(w, quirks, fillOffloaded)
    )
  );
  return { status: 200, body: cleaner.clean({ metadata: page.metadata, items: listItems(items, quirks) }) };
}

function kubeListPage(ctx: RouteContext, namespace: string): { items: Workflow[]; metadata: ListMeta } {
  requireKnown(ctx.identity);
  const filter = kubeListFilter(ctx.query, namespace);
  if (!can(ctx.identity, filter.namespace)) {
    throw kubeForbidden(ctx.identity, 'list', 'workflows', filter.namespace);
  }
  const page = kubePage(
    ctx.store.live.filter((w) => matchesFilter(w, filter)),
    filter,
    LIST_RESOURCE_VERSION
  );
  page.items.sort(byArgoPageOrder);
  if (ctx.quirks.omitContinue) {
    delete page.metadata.continue;
  }
  return page;
}

function offsetListPage(ctx: RouteContext, namespace: string): { items: Workflow[]; metadata: ListMeta } {
  const { quirks, store } = ctx;
  const filter = argoListFilter(ctx.query, namespace, quirks.createdAfterFilter);
  if (!can(ctx.identity, filter.namespace)) {
    throw argoListForbidden(filter.namespace);
  }
  // Live workflows already archived are left out of the cache; their row comes from the archive.
  const live = store.live
    .filter((w) => w.metadata.labels?.[LABELS.archivingStatus] !== 'Archived' && matchesFilter(w, filter))
    .sort(byStartedAtDesc);
  const archived = quirks.mergeArchive ? store.archiveMatching(filter) : [];
  const all = [...live, ...archived];
  const offset = Number(filter.continueToken || '0');
  const items = filter.limit ? all.slice(offset, offset + filter.limit) : all.slice(offset);
  const metadata: ListMeta = { resourceVersion: String(LIST_RESOURCE_VERSION) };
  const remaining = Math.max(all.length - offset - items.length, 0);
  if (filter.showRemainingItemCount) {
    metadata.remainingItemCount = remaining;
  }
  if (hasMore(filter, quirks.continueBug, remaining, archived.length, offset)) {
    metadata.continue =
      quirks.repeatContinue && filter.continueToken ? filter.continueToken : String(offset + items.length);
  }
  if (quirks.omitContinue) {
    delete metadata.continue;
  }
  return { items: items.sort(byArgoPageOrder), metadata };
}

/** v4.0–v4.1 decide "more" by probing the archive alone (HasMoreWorkflows) unless the count is asked for. */
function hasMore(
  filter: ListFilter,
  continueBug: boolean,
  remaining: number,
  archivedCount: number,
  offset: number
): boolean {
  if (!filter.limit) {
    return false;
  }
  if (continueBug && !filter.showRemainingItemCount) {
    return archivedCount > offset + filter.limit;
  }
  return remaining > 0;
}

/** GET /api/v1/workflows/{namespace}/{name}: the live object, else (v3.5+) the archived one; nodes hydrated. */
export function getWorkflow(ctx: RouteContext, namespace: string, name: string): RouteAnswer {
  const { quirks, store } = ctx;
  requireKnown(ctx.identity);
  const uid = ctx.query.get('uid') ?? '';
  let workflow = store.liveWorkflow(namespace, name);
  if (workflow && !can(ctx.identity, namespace)) {
    throw kubeForbidden(ctx.identity, 'get', 'workflows', namespace, name);
  }
  if ((!workflow || (uid && workflow.metadata.uid !== uid)) && quirks.getFallsBackToArchive) {
    if (!can(ctx.identity, namespace)) {
      throw new ApiError(GRPC.permissionDenied, 'permission denied');
    }
    workflow = store.archivedWorkflow(uid, namespace, name);
  }
  if (!workflow) {
    throw new ApiError(GRPC.notFound, `workflows.argoproj.io "${name}" not found`);
  }
  const cleaner = new FieldsCleaner(ctx.query.get('fields'));
  // GET hydrates compressed and offloaded nodes unless the projection drops status.nodes.
  const served = cleaner.willExclude('status.nodes') ? store.stored(workflow, quirks, false) : workflow;
  return { status: 200, body: cleaner.clean(served) };
}

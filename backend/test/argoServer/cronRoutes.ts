import type { CronWorkflow } from '../../argo/client/argoTypes';
import { ApiError, GRPC } from './apiErrors';
import { can, kubeForbidden, requireKnown } from './auth';
import { kubeListFilter, matchesFilter } from './listFilter';
import { kubePage } from './listPages';
import { LIST_RESOURCE_VERSION, listItems, withoutTypeMeta, type RouteAnswer, type RouteContext } from './routeContext';
import type { ArgoQuirks } from './versionQuirks';

/** The spec as the server version stores it: `schedule` (≤ v3.5) or `schedules`. */
function shaped(cron: CronWorkflow, quirks: ArgoQuirks): CronWorkflow {
  const { schedule, schedules, ...spec } = cron.spec;
  const list = schedules ?? (schedule ? [schedule] : []);
  return {
    ...cron,
    spec: quirks.cronSchedules === 'schedule' ? { ...spec, schedule: list.join(',') } : { ...spec, schedules: list },
  };
}

/** GET /api/v1/cron-workflows/{namespace}: a Kubernetes pass-through (opaque continue tokens). */
export function listCronWorkflows(ctx: RouteContext, namespace: string): RouteAnswer {
  requireKnown(ctx.identity);
  const filter = kubeListFilter(ctx.query, namespace);
  if (!can(ctx.identity, filter.namespace)) {
    throw kubeForbidden(ctx.identity, 'list', 'cronworkflows', filter.namespace);
  }
  const page = kubePage(
    ctx.store.cronWorkflows.filter((c) => matchesFilter({ metadata: c.metadata }, filter)),
    filter,
    LIST_RESOURCE_VERSION
  );
  if (ctx.quirks.omitContinue) {
    delete page.metadata.continue;
  }
  const items = page.items.map((c) => withoutTypeMeta(shaped(c, ctx.quirks)));
  return { status: 200, body: { metadata: page.metadata, items: listItems(items, ctx.quirks) } };
}

/** GET /api/v1/cron-workflows/{namespace}/{name}. */
export function getCronWorkflow(ctx: RouteContext, namespace: string, name: string): RouteAnswer {
  requireKnown(ctx.identity);
  if (!can(ctx.identity, namespace)) {
    throw kubeForbidden(ctx.identity, 'get', 'cronworkflows', namespace, name);
  }
  const cron = ctx.store.cronWorkflows.find((c) => c.metadata.namespace === namespace && c.metadata.name === name);
  if (!cron) {
    throw new ApiError(GRPC.notFound, `cronworkflows.argoproj.io "${name}" not found`);
  }
  return { status: 200, body: shaped(cron, ctx.quirks) };
}

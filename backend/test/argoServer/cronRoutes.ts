import type { CronWorkflow } from '../../argo/client/argoTypes';
import { ApiError, GRPC } from './apiErrors';
import { can, kubeForbidden, requireKnown } from './auth';
import { kubeListFilter, matchesFilter } from './listFilter';
import { kubePage } from './listPages';
import { LIST_RESOURCE_VERSION, listItems, withoutTypeMeta, type RouteAnswer, type RouteContext } from './routeContext';
import type { ArgoQuirks } from './versionQuirks';

/**
 * A CronWorkflow as the server of this version answers it: decoded into its Go type and encoded again, so the
 * fields the type lacks are gone, and `schedule` (no omitempty before v3.6) and `schedules` (none in v4.0+)
 * are always there.
 */
export function served(cron: CronWorkflow, quirks: ArgoQuirks): CronWorkflow {
  const { schedule, schedules, when, stopStrategy, ...spec } = cron.spec;
  if (quirks.cronFields === 'schedules') {
    return { ...cron, spec: { ...spec, schedules: schedules ?? null, ...set({ when, stopStrategy }) } };
  }
  if (quirks.cronFields === 'both') {
    return { ...cron, spec: { ...spec, ...set({ schedule, schedules, when, stopStrategy }) } };
  }
  const status =
    cron.status &&
    Object.fromEntries(Object.entries(cron.status).filter(([key]) => !['phase', 'succeeded', 'failed'].includes(key)));
  return { ...cron, spec: { ...spec, schedule: schedule ?? '' }, ...(status ? { status } : {}) };
}

/** The entries whose value is set (Go's omitempty). */
function set(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));
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
  const items = page.items.map((c) => withoutTypeMeta(served(c, ctx.quirks)));
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
  return { status: 200, body: served(cron, ctx.quirks) };
}

import { z } from 'zod';

import { argoOnlySource, commonFields, FILTER_KINDS, filtersFor, type FilterKind } from './queryFields';

/**
 * live: the workflows running now, read from the Argo Server. Table: one row per running workflow with
 * elapsed time, Argo's estimated duration and progress, and how far it overruns Argo's estimate and its
 * own workflow's p95 of recent runs. Overrun: the same ratio as one number per running workflow
 * (numeric-multi), so "running much longer than usual" is one alert rule.
 * "Now" is the wall clock: the dashboard's time range is not used. The p95 is over the finished runs of
 * the same namespace + workflow template that started in the last `baselineDays` days, and needs at
 * least 5 of them. `level` is ignored: live lists whole workflows.
 */
export const LIVE_VIEWS = ['table', 'overrun'] as const;
export type LiveView = (typeof LIVE_VIEWS)[number];

/** What the overrun view compares the elapsed time with. */
export const OVERRUN_AGAINST = ['estimate', 'p95'] as const;
export type OverrunAgainst = (typeof OVERRUN_AGAINST)[number];

/** Live lists whole workflows: every filter but steps. */
export const LIVE_FILTERS: readonly FilterKind[] = FILTER_KINDS.filter((kind) => kind !== 'tasks');

export const liveQuerySchema = z
  .object({
    ...commonFields,
    filters: filtersFor(LIVE_FILTERS, () => 'live lists whole workflows, not their steps; remove the Steps filter'),
    source: argoOnlySource('live reads running workflows from the Argo Server; set source to argo'),
    queryType: z.literal('live'),
    view: z.enum(LIVE_VIEWS).default('table'),
    against: z.enum(OVERRUN_AGAINST).default('estimate'),
    /** Days of finished runs whose p95 duration each running workflow is compared with. */
    baselineDays: z.number().int('must be a whole number').min(1).max(90).default(7),
    /** Most running workflows answered, longest-running first; the rest are counted in a notice. */
    limit: z.number().int('must be a whole number').min(1).max(1000).default(200),
  });
export type LiveQuery = z.infer<typeof liveQuerySchema>;

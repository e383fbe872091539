import { z } from 'zod';

import { heatmapQuerySchema, type HeatmapQuery } from './heatmapQuery';
import { outcomesQuerySchema, type OutcomesQuery } from './outcomesQuery';
import { runsQuerySchema, type RunsQuery } from './runsQuery';
import { baselineQuerySchema, type BaselineQuery } from './baselineQuery';
import { resourcesQuerySchema, type ResourcesQuery } from './resourcesQuery';
import { metricsQuerySchema, type MetricsQuery } from './metricsQuery';
import { LIVE_FILTERS, liveQuerySchema, type LiveQuery } from './liveQuery';
import { CRON_DRIFT_FILTERS, cronDriftQuerySchema, type CronDriftQuery } from './cronDriftQuery';
import { checkGroupBy, commonFields, FILTER_KINDS, groupBySchema, limitSchema, type FilterKind } from './queryFields';
import { PROGRESS_FILTERS, progressQuerySchema, type ProgressQuery } from './progressQuery';
import { FRESHNESS_FILTERS, freshnessQuerySchema, type FreshnessQuery } from './freshnessQuery';
import { TIMELINE_FILTERS, timelineQuerySchema, type TimelineQuery } from './timelineQuery';
import { DEFAULT_STATS, statProblem, type Stat } from './stats';

/** The query model: one JSON object per panel target, shared by the query editor and the backend. */
export {
  QUERY_SCHEMA_VERSION,
  SOURCES,
  LEVELS,
  filtersSchema,
  FILTER_KINDS,
  type FilterKind,
  type Source,
  type Level,
  type Filters,
} from './queryFields';

export const QUERY_TYPES = [
  'durations',
  'heatmap',
  'runs',
  'outcomes',
  'resources',
  'cronDrift',
  'baseline',
  'live',
  'metrics',
  'progress',
  'freshness',
  'timeline',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

/** Query types this build answers; the rest are named in the design and arrive with later work. */
export const AVAILABLE_QUERY_TYPES: readonly QueryType[] = ['durations', 'heatmap', 'outcomes', 'runs', 'resources', 'metrics', 'baseline', 'live', 'cronDrift', 'progress', 'freshness', 'timeline'];

const statSchema = z.string().superRefine((value, ctx) => {
  const problem = statProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
}) as unknown as z.ZodType<Stat>;

export const durationsQuerySchema = z
  .object({
    ...commonFields,
    queryType: z.literal('durations'),
    groupBy: groupBySchema,
    stats: z.array(statSchema).min(1, 'choose at least one statistic').max(8, 'at most 8 statistics').default(DEFAULT_STATS),
    limit: limitSchema,
  })
  .superRefine(checkGroupBy);
export type DurationsQuery = z.infer<typeof durationsQuerySchema>;

/** Every query the backend can answer, keyed by queryType. */
export const querySchemas = {
  durations: durationsQuerySchema,
  heatmap: heatmapQuerySchema,
  outcomes: outcomesQuerySchema,
  runs: runsQuerySchema,
  resources: resourcesQuerySchema,
  metrics: metricsQuerySchema,
  baseline: baselineQuerySchema,
  live: liveQuerySchema,
  cronDrift: cronDriftQuerySchema,
  progress: progressQuerySchema,
  freshness: freshnessQuerySchema,
  timeline: timelineQuerySchema,
} as const;
/**
 * The filter lists each query type reads, as its schema accepts them (a list outside these is refused by
 * parseQuery, naming the filter); the query editor shows exactly these.
 */
export const QUERY_FILTERS: Record<keyof typeof querySchemas, readonly FilterKind[]> = {
  durations: FILTER_KINDS,
  heatmap: FILTER_KINDS,
  outcomes: FILTER_KINDS,
  runs: FILTER_KINDS,
  resources: FILTER_KINDS,
  metrics: FILTER_KINDS,
  baseline: FILTER_KINDS,
  live: LIVE_FILTERS,
  cronDrift: CRON_DRIFT_FILTERS,
  progress: PROGRESS_FILTERS,
  freshness: FRESHNESS_FILTERS,
  timeline: TIMELINE_FILTERS,
};

export type ArgoPerfQuery =
  | DurationsQuery
  | HeatmapQuery
  | OutcomesQuery
  | RunsQuery
  | ResourcesQuery
  | MetricsQuery
  | BaselineQuery
  | LiveQuery
  | CronDriftQuery
  | ProgressQuery
  | FreshnessQuery
  | TimelineQuery;
export type { LiveQuery, CronDriftQuery, ProgressQuery, FreshnessQuery, TimelineQuery };
export type { HeatmapQuery, OutcomesQuery, RunsQuery };
export type { ResourcesQuery, MetricsQuery };
export type { BaselineQuery };
export type QueryOf<T extends keyof typeof querySchemas> = z.infer<(typeof querySchemas)[T]>;

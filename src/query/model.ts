import { z } from 'zod';

import { groupKeyProblem, type GroupKey } from './groupBy';
import { DEFAULT_STATS, statProblem, type Stat } from './stats';

/**
 * The query model: one JSON object per panel target, shared by the query editor and the backend.
 * Bump QUERY_SCHEMA_VERSION when a stored query needs rewriting, and teach migrateQuery the step.
 */
export const QUERY_SCHEMA_VERSION = 1;

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
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

/** Query types this build answers; the rest are named in the design and arrive with later work. */
export const AVAILABLE_QUERY_TYPES: readonly QueryType[] = ['durations'];

export const SOURCES = ['elasticsearch', 'argo'] as const;
export type Source = (typeof SOURCES)[number];

/** Workflow runs (one document per run) or node executions (one per step, task or pod). */
export const LEVELS = ['workflow', 'node'] as const;
export type Level = (typeof LEVELS)[number];

const stringList = z.array(z.string().min(1, 'must not be empty'));

export const filtersSchema = z
  .object({
    namespaces: stringList.optional(),
    workflows: stringList.optional(),
    templates: stringList.optional(),
    tasks: stringList.optional(),
    crons: stringList.optional(),
    phases: stringList.optional(),
  })
  .strict();
export type Filters = z.infer<typeof filtersSchema>;

const statSchema = z.string().superRefine((value, ctx) => {
  const problem = statProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
}) as unknown as z.ZodType<Stat>;

const groupKeySchema = z.string().superRefine((value, ctx) => {
  const problem = groupKeyProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
}) as unknown as z.ZodType<GroupKey>;

const NODE_ONLY_GROUPS: readonly string[] = ['task', 'node'];

const commonFields = {
  refId: z.string().default('A'),
  schemaVersion: z.literal(QUERY_SCHEMA_VERSION).default(QUERY_SCHEMA_VERSION),
  source: z.enum(SOURCES).default('elasticsearch'),
  filters: filtersSchema.default({}),
};

export const durationsQuerySchema = z
  .object({
    ...commonFields,
    queryType: z.literal('durations'),
    level: z.enum(LEVELS).default('workflow'),
    groupBy: z.array(groupKeySchema).max(4, 'group by at most 4 keys').default(['workflow']),
    stats: z.array(statSchema).min(1, 'choose at least one statistic').max(8, 'at most 8 statistics').default(DEFAULT_STATS),
    /** Most groups returned; the rest are cut, with a notice on the frame. */
    limit: z.number().int('must be a whole number').min(1).max(500).default(20),
  })
  .superRefine((query, ctx) => {
    query.groupBy.forEach((key, index) => {
      if (query.level === 'workflow' && NODE_ONLY_GROUPS.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groupBy', index],
          message: `"${key}" needs level "node": workflow runs have no ${key}; set level to node`,
        });
      }
    });
    if (new Set(query.groupBy).size !== query.groupBy.length) {
      ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'lists the same key twice' });
    }
  });
export type DurationsQuery = z.infer<typeof durationsQuerySchema>;

/** Every query the backend can answer, keyed by queryType. */
export const querySchemas = {
  durations: durationsQuerySchema,
} as const;
export type ArgoPerfQuery = DurationsQuery;
export type QueryOf<T extends keyof typeof querySchemas> = z.infer<(typeof querySchemas)[T]>;

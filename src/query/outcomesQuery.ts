import { z } from 'zod';

import { checkGroupBy, commonFields, groupBySchema, limitSchema } from './queryFields';

/**
 * outcomes: how runs end. Over time: succeeded/failed/error counts and the failure rate per group and
 * time bucket. Reasons: a table of the most frequent failure messages per group.
 */
export const OUTCOME_MEASURES = ['succeeded', 'failed', 'error', 'failure_rate'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

export const OUTCOME_VIEWS = ['overTime', 'reasons'] as const;
export type OutcomeView = (typeof OUTCOME_VIEWS)[number];

/** The Argo phase each counted outcome stands for. */
export const OUTCOME_PHASES = { succeeded: 'Succeeded', failed: 'Failed', error: 'Error' } as const;

export const outcomesQuerySchema = z
  .object({
    ...commonFields,
    queryType: z.literal('outcomes'),
    view: z.enum(OUTCOME_VIEWS).default('overTime'),
    groupBy: groupBySchema,
    measures: z
      .array(z.enum(OUTCOME_MEASURES))
      .min(1, 'choose at least one measure')
      .default([...OUTCOME_MEASURES]),
    limit: limitSchema,
  })
  .superRefine((query, ctx) => {
    checkGroupBy(query, ctx);
    if (new Set(query.measures).size !== query.measures.length) {
      ctx.addIssue({ code: 'custom', path: ['measures'], message: 'lists the same measure twice' });
    }
  });
export type OutcomesQuery = z.infer<typeof outcomesQuerySchema>;

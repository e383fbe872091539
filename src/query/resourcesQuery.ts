import { z } from 'zod';

import { checkGroupBy, commonFields, groupBySchema, limitSchema } from './queryFields';

/**
 * resources: what runs or steps cost, from Argo's resourcesDuration, per group and time bucket.
 * Totals are resource-seconds summed per bucket; averages are resource-seconds ÷ duration seconds
 * (sums over the runs in the bucket that have both), i.e. cores and MiB held on average.
 */
export const RESOURCE_MEASURES = ['cpu', 'memory', 'gpu', 'avg_cores', 'avg_memory'] as const;
export type ResourceMeasure = (typeof RESOURCE_MEASURES)[number];

export const resourcesQuerySchema = z
  .object({
    ...commonFields,
    queryType: z.literal('resources'),
    groupBy: groupBySchema,
    resources: z
      .array(z.enum(RESOURCE_MEASURES))
      .min(1, 'choose at least one resource')
      .default([...RESOURCE_MEASURES]),
    limit: limitSchema,
  })
  .superRefine((query, ctx) => {
    checkGroupBy(query, ctx);
    if (new Set(query.resources).size !== query.resources.length) {
      ctx.addIssue({ code: 'custom', path: ['resources'], message: 'lists the same resource twice' });
    }
  });
export type ResourcesQuery = z.infer<typeof resourcesQuerySchema>;

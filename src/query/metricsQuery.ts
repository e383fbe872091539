import { z } from 'zod';

import { LIMITS, textSchema } from './inputLimits';
import { checkGroupBy, commonFields, groupBySchema, limitSchema } from './queryFields';

/**
 * metrics: a number a workflow reports about its own work (`metrics.<name>` in its documents, e.g.
 * images_processed), aggregated per group and time bucket.
 */
export const METRIC_AGGREGATIONS = ['avg', 'sum', 'min', 'max'] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATIONS)[number];

/** A field name under metrics.: letters, digits, `_` and `-`, dots between parts; no wildcards. */
const METRIC_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export const metricsQuerySchema = z
  .object({
    ...commonFields,
    queryType: z.literal('metrics'),
    metric: textSchema(LIMITS.metric, 'name the metric, for example images_processed')
      .min(1, 'name the metric, for example images_processed')
      .regex(METRIC_NAME, 'is not a metric field name; use letters, digits, _ and - with dots between parts (images_processed, eval.accuracy)'),
    aggregation: z.enum(METRIC_AGGREGATIONS).default('avg'),
    groupBy: groupBySchema,
    limit: limitSchema,
  })
  .superRefine(checkGroupBy);
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

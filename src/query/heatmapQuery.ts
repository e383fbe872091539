import { z } from 'zod';

import { commonFields } from './queryFields';

/**
 * heatmap: how durations are distributed over time. Cells are time buckets × duration buckets whose
 * edges grow 1-2-5 per decade (a log scale computed here, so Elasticsearch needs no scripts).
 */
export const heatmapQuerySchema = z.object({
  ...commonFields,
  queryType: z.literal('heatmap'),
});
export type HeatmapQuery = z.infer<typeof heatmapQuerySchema>;

/** Duration bucket edges in seconds: 0.1 s … 10^7 s (about 116 days), 1-2-5 per decade. */
export const DURATION_EDGES_SECONDS: readonly number[] = Array.from({ length: 8 }, (_, decade) =>
  [1, 2, 5].map((step) => Number((step * 10 ** (decade - 1)).toPrecision(1)))
)
  .flat()
  .concat([1e7]);

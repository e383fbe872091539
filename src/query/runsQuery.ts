import { z } from 'zod';

import { commonFields } from './queryFields';

/**
 * runs: a table of recent executions (workflow runs or steps), newest first, each with its duration
 * compared to the median duration of its workflow (or workflow step) over a trailing baseline window.
 */
export const RUNS_DEFAULT_LIMIT = 100;
export const RUNS_MAX_LIMIT = 1000;
export const BASELINE_DEFAULT_DAYS = 14;
export const BASELINE_MAX_DAYS = 365;

export const runsQuerySchema = z.object({
  ...commonFields,
  queryType: z.literal('runs'),
  /** Most rows returned, newest first. */
  limit: z.number().int('must be a whole number').min(1).max(RUNS_MAX_LIMIT).default(RUNS_DEFAULT_LIMIT),
  /** Days of history, ending at the end of the time range, whose median duration is the baseline. */
  baselineDays: z.number().int('must be a whole number').min(1).max(BASELINE_MAX_DAYS).default(BASELINE_DEFAULT_DAYS),
});
export type RunsQuery = z.infer<typeof runsQuerySchema>;

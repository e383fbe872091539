import { z } from 'zod';

import { BASELINE_DEFAULT_DAYS, BASELINE_MAX_DAYS } from './runsQuery';
import { checkGroupBy, commonFields, groupBySchema, limitSchema } from './queryFields';
import { LIMITS, textProblem } from './inputLimits';
import { percentileOf } from './stats';
import { quoteValue } from './validationMessage';

/**
 * baseline: per group, a stat over the current window (the last `currentMinutes` before the range
 * end) ÷ the same stat over the `baselineDays` before the current window. One number per group, so
 * "slower / failing more / costlier than usual" is one alert rule.
 */
export const BASELINE_PLAIN_STATS = ['avg', 'max', 'failure_rate', 'cpu_core_seconds', 'memory_mib_seconds'] as const;
export type BaselinePlainStat = (typeof BASELINE_PLAIN_STATS)[number];
export type BaselineStat = BaselinePlainStat | `p${number}`;

/**
 * What each group's number is: the ratio (current ÷ baseline, the default), or one window's stat by
 * itself, so that one alert rule can require both "above its baseline" and "above a fixed line"
 * (two queries with the same labels, joined by a math expression).
 */
export const BASELINE_VALUES = ['ratio', 'current', 'baseline'] as const;
export type BaselineValue = (typeof BASELINE_VALUES)[number];

export const CURRENT_DEFAULT_MINUTES = 60;
/** The current window is at most a week: longer ones are trends, better served by durations. */
export const CURRENT_MAX_MINUTES = 7 * 24 * 60;

/** Why a baseline stat string is unusable, or undefined when it is fine. */
export function baselineStatProblem(stat: string): string | undefined {
  const textIssue = textProblem(stat, LIMITS.stat);
  if (textIssue) {
    return textIssue;
  }
  if ((BASELINE_PLAIN_STATS as readonly string[]).includes(stat)) {
    return undefined;
  }
  const p = percentileOf(stat);
  if (p === undefined) {
    return `${quoteValue(stat)} cannot be compared with its baseline; use one of ${BASELINE_PLAIN_STATS.join(', ')} or a percentile such as p95`;
  }
  if (p < 0 || p > 100) {
    return `percentile ${p} is outside 0–100; use a value such as p95 or p99`;
  }
  return undefined;
}

const baselineStatSchema = z.string().superRefine((value, ctx) => {
  const problem = baselineStatProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
}) as unknown as z.ZodType<BaselineStat>;

export const baselineQuerySchema = z
  .object({
    ...commonFields,
    queryType: z.literal('baseline'),
    groupBy: groupBySchema,
    stat: baselineStatSchema.default('p95'),
    value: z.enum(BASELINE_VALUES).default('ratio'),
    /** Minutes before the range end that make the current window. */
    currentMinutes: z.number().int('must be a whole number').min(1).max(CURRENT_MAX_MINUTES).default(CURRENT_DEFAULT_MINUTES),
    /** Days before the current window that make the baseline. */
    baselineDays: z.number().int('must be a whole number').min(1).max(BASELINE_MAX_DAYS).default(BASELINE_DEFAULT_DAYS),
    limit: limitSchema,
  })
  .superRefine(checkGroupBy);
export type BaselineQuery = z.infer<typeof baselineQuerySchema>;

import { LIMITS, textProblem } from './inputLimits';
import { quoteValue } from './validationMessage';

/**
 * Duration statistics a query can ask for. Percentiles are written pNN (p50, p95, p99.9) so one list of
 * strings can hold them beside avg/min/max/count.
 */
export const PLAIN_STATS = ['avg', 'min', 'max', 'count'] as const;
export type PlainStat = (typeof PLAIN_STATS)[number];
export type Stat = PlainStat | `p${number}`;

const PERCENTILE = /^p(\d+(?:\.\d+)?)$/;

/** The percentile of a pNN stat, or undefined for plain stats and malformed strings. */
export function percentileOf(stat: string): number | undefined {
  const match = PERCENTILE.exec(stat);
  return match ? Number(match[1]) : undefined;
}

/** Why a stat string is unusable, or undefined when it is fine. */
export function statProblem(stat: string): string | undefined {
  const textIssue = textProblem(stat, LIMITS.stat);
  if (textIssue) {
    return textIssue;
  }
  if ((PLAIN_STATS as readonly string[]).includes(stat)) {
    return undefined;
  }
  const p = percentileOf(stat);
  if (p === undefined) {
    return `${quoteValue(stat)} is not a statistic; use one of ${PLAIN_STATS.join(', ')} or a percentile such as p95`;
  }
  if (p < 0 || p > 100) {
    return `percentile ${p} is outside 0–100; use a value such as p95 or p99`;
  }
  return undefined;
}

export const DEFAULT_STATS: Stat[] = ['p50', 'p95'];

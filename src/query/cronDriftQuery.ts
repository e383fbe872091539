import { z } from 'zod';

import { argoOnlySource, commonFields, filtersFor, type FilterKind } from './queryFields';

/**
 * cronDrift: whether CronWorkflows start on time, read from the Argo Server. Views:
 * - delay: start delay (actual start − scheduled tick) over time, one series per cron;
 * - runs: a table of scheduled ticks in the range: each run (scheduled, started, delay, pending, duration,
 *   phase) and each missed tick;
 * - missed: missed ticks in the range, one number per cron (numeric-multi, for alert rules); null where a
 *   count would mislead (ticks capped, the cron rejected by Argo, no fixed ticks, spec.when), which an alert
 *   rule evaluates as No Data;
 * - sinceSuccess: seconds since each cron's last successful run (numeric-multi, for alert rules);
 * - sinceSuccessPeriods: the same in periods of the cron (the gap between its two latest ticks in the range),
 *   so one threshold fits hourly and weekly crons; null when the range holds fewer than two ticks.
 * Filters: namespaces and crons pick the CronWorkflows; the other filters do not apply.
 */
export const CRON_DRIFT_VIEWS = ['delay', 'runs', 'missed', 'sinceSuccess', 'sinceSuccessPeriods'] as const;
export type CronDriftView = (typeof CRON_DRIFT_VIEWS)[number];

/** CronWorkflows are picked by namespace and name; workflow, template, step and phase filters have no meaning here. */
export const CRON_DRIFT_FILTERS: readonly FilterKind[] = ['namespaces', 'crons'];

export const cronDriftQuerySchema = z.object({
  ...commonFields,
  filters: filtersFor(CRON_DRIFT_FILTERS, (kind) => `cronDrift picks CronWorkflows by namespace and cron name only; remove the ${kind} filter`),
  source: argoOnlySource('cronDrift reads CronWorkflows from the Argo Server; set source to argo'),
  queryType: z.literal('cronDrift'),
  view: z.enum(CRON_DRIFT_VIEWS).default('delay'),
  /**
   * Seconds after its tick within which a run is on time, and before which a tick without a run is not yet
   * missed (nor before the cron's startingDeadlineSeconds, when that is longer).
   */
  graceSeconds: z.number().int('must be a whole number of seconds').min(0).max(86_400).default(60),
  /** Rows of the runs view, newest first. */
  limit: z.number().int('must be a whole number').min(1).max(500).default(100),
  /**
   * sinceSuccess, sinceSuccessPeriods: days before the time range in which to look for each cron's last successful run (the
   * other views read one day before the range, for runs still active when it starts).
   */
  lookbackDays: z.number().int('must be a whole number of days').min(1).max(90).default(7),
});
export type CronDriftQuery = z.infer<typeof cronDriftQuerySchema>;

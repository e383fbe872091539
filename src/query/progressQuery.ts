import { z } from 'zod';

import { LIMITS, textSchema } from './inputLimits';
import { commonFields, filtersFor, limitSchema, type FilterKind } from './queryFields';

/**
 * progress: how far one run has got, for runs that fan out to thousands of steps. Views:
 * - overTime: steps finished per time bucket (by their end) and phase; cumulative by default, counting
 *   from the run's first step, so a line per phase climbs to the run's total;
 * - summary: one row of numbers now (numeric-wide): steps known, finished per phase, running, pending,
 *   retries, the share done, throughput over the last `rateMinutes` and the time left at that pace;
 * - failures: a table of the failure messages of the run's steps, most frequent first.
 * The run is named by `run` (its name, as in the runs table) within `filters.namespaces`; the other
 * filters do not apply (the run is followed whole). Source elasticsearch reads the collected history,
 * source argo the run's node status on the Argo Server (fresher, the same answers).
 */
export const PROGRESS_VIEWS = ['overTime', 'summary', 'failures'] as const;
export type ProgressView = (typeof PROGRESS_VIEWS)[number];

const RUN_MISSING = 'name the run, for example large-benchmark-x7k2p (the runs table and the runs variable list them)';

/** One run is followed whole: only its namespace picks it (with `run`). */
export const PROGRESS_FILTERS: readonly FilterKind[] = ['namespaces'];

export const progressQuerySchema = z.object({
  ...commonFields,
  filters: filtersFor(PROGRESS_FILTERS, (kind) => `progress follows one run whole, named by run and namespace; remove the ${kind} filter`),
  queryType: z.literal('progress'),
  view: z.enum(PROGRESS_VIEWS).default('summary'),
  /** The run's name (Argo's metadata.name; workflow.name in the documents). */
  run: textSchema(LIMITS.name, RUN_MISSING).min(1, RUN_MISSING),
  /** overTime: running totals from the run's first step (true) or steps finished in each bucket (false). */
  cumulative: z.boolean({ message: 'must be true or false' }).default(true),
  /** summary: the throughput is the steps finished in this many minutes before now, per minute. */
  rateMinutes: z.number().int('must be a whole number of minutes').min(1).max(1440).default(15),
  /** failures: most messages listed. */
  limit: limitSchema,
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/**
 * The display names (displayNameFromDS) of the summary view's numbers, keyed by field name: panels that
 * pick one number match these (Grafana matches a field by its display name), and the backend writes them.
 */
export const PROGRESS_FIGURE_NAMES = {
  total: 'steps',
  finished: 'finished',
  succeeded: 'succeeded',
  failed: 'failed',
  error: 'error',
  running: 'running now',
  pending: 'pending',
  retries: 'retries',
  done: 'done',
  rate: 'throughput',
  remaining: 'remaining',
  eta: 'time left',
} as const;
export type ProgressFigure = keyof typeof PROGRESS_FIGURE_NAMES;

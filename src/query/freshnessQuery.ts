import { z } from 'zod';

import { checkGroupBy, commonFields, FILTER_KINDS, filtersFor, groupBySchema, type FilterKind } from './queryFields';

/**
 * freshness: how fresh the collected history is. Per group (default: per namespace), the newest
 * `collected_at` of the run documents and its age in seconds at the end of the time range (the range's
 * start is not used). `collected_at` is when the collector last wrote a document; `@timestamp` is when a
 * run started, which says nothing about the collector: a long run is rewritten while it runs with an old
 * start, and a run that started an hour ago may have been written a minute ago. So a collector that has
 * stopped shows as an age that keeps growing in each namespace it collects.
 * Basis `history` (default): the newer of that and the collector's last sync round vouching for the group
 * (its sync checkpoint in the state index: it looked and found nothing new), so a quiet namespace whose
 * collector runs stays fresh; `documents`: the documents alone (workflows that write their own).
 * Views: `age` (numeric-multi, one number per group, for alert rules) and `table` (group, newest
 * collected_at, age). A group without any document in the `lookbackDays` before the range end has no
 * row at all (nothing to measure an age from).
 */
export const FRESHNESS_VIEWS = ['age', 'table'] as const;
export type FreshnessView = (typeof FRESHNESS_VIEWS)[number];

export const FRESHNESS_BASES = ['history', 'documents'] as const;
export type FreshnessBasis = (typeof FRESHNESS_BASES)[number];

export const FRESHNESS_DEFAULT_LOOKBACK_DAYS = 7;
export const FRESHNESS_MAX_LOOKBACK_DAYS = 90;

/** Run documents carry no step names: every filter but steps. */
export const FRESHNESS_FILTERS: readonly FilterKind[] = FILTER_KINDS.filter((kind) => kind !== 'tasks');

export const freshnessQuerySchema = z
  .object({
    ...commonFields,
    filters: filtersFor(FRESHNESS_FILTERS, () => 'freshness reads the run documents, which have no steps; remove the Steps filter'),
    source: z
      .literal('elasticsearch', { message: 'freshness measures the history collected in Elasticsearch; set source to elasticsearch' })
      .default('elasticsearch'),
    // Every collection writes the run's document, so the run documents alone tell when it last wrote.
    level: z.literal('workflow', { message: 'freshness reads the run documents; set level to workflow' }).default('workflow'),
    queryType: z.literal('freshness'),
    view: z.enum(FRESHNESS_VIEWS).default('age'),
    basis: z.enum(FRESHNESS_BASES).default('history'),
    groupBy: groupBySchema.default(['namespace']),
    /** Days before the range end searched for each group's newest document. */
    lookbackDays: z
      .number()
      .int('must be a whole number of days')
      .min(1)
      .max(FRESHNESS_MAX_LOOKBACK_DAYS)
      .default(FRESHNESS_DEFAULT_LOOKBACK_DAYS),
    /** Most groups answered: the stalest are kept, the freshest left out with a notice. */
    limit: z.number().int('must be a whole number').min(1).max(500).default(100),
  })
  .superRefine(checkGroupBy);
export type FreshnessQuery = z.infer<typeof freshnessQuerySchema>;

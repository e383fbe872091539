import { labelNameOf } from '../../src/query/groupBy';
import { OUTCOME_PHASES, type OutcomesQuery } from '../../src/query/outcomesQuery';
import type { DocumentFields } from './documentFields';
import { groupedAggs } from './groupBuckets';
import { searchFilters, type TimeWindow } from './searchFilters';
import { timeHistogram } from './timeHistogram';

/**
 * The Elasticsearch request for an outcomes query. Over time: groups × terms on the phase ×
 * date_histogram, counting each finished phase (the failure rate is computed from the counts afterwards;
 * bucket_script needs a module our target nodes may lack). Reasons: groups × terms on the failure message.
 */
export interface OutcomesSearch {
  body: Record<string, unknown>;
  /** Label name per group key, in groupBy order. */
  labelNames: string[];
}

/** Shown as the reason of failed runs that carry no message. */
export const NO_MESSAGE = '(no message)';

const FAILED_PHASES = [OUTCOME_PHASES.failed, OUTCOME_PHASES.error];

function overTimeAggs(phase: string, fields: DocumentFields, intervalMs: number): Record<string, unknown> {
  // Terms on the phase above the date_histogram: measured faster in Elasticsearch than a filter per
  // phase or a terms in every time bucket, and its answer is less than half the size.
  return {
    phases: {
      terms: { field: phase, size: Object.keys(OUTCOME_PHASES).length },
      aggs: { over_time: timeHistogram(fields.start, intervalMs) },
    },
  };
}

function reasonAggs(fields: DocumentFields, limit: number): Record<string, unknown> {
  return {
    reasons: {
      terms: {
        field: fields.name('message', 'top failure reasons'),
        size: limit,
        missing: NO_MESSAGE,
        order: { _count: 'desc' },
      },
    },
  };
}

export function outcomesSearch(
  fields: DocumentFields,
  query: OutcomesQuery,
  window: TimeWindow,
  intervalMs: number
): OutcomesSearch {
  const reasons = query.view === 'reasons';
  // Only finished runs count: running and pending ones have no outcome yet.
  const phases = reasons ? FAILED_PHASES : Object.values(OUTCOME_PHASES);
  const phase = fields.name('phase', 'an outcomes query');
  const groupFields = fields.groupTerms(query.groupBy, query.level);
  const inner = reasons ? reasonAggs(fields, query.limit) : overTimeAggs(phase, fields, intervalMs);
  return {
    body: {
      size: 0,
      track_total_hits: false,
      query: {
        bool: {
          filter: [...searchFilters(fields, query.level, window, query.filters), { terms: { [phase]: phases } }],
        },
      },
      aggs: groupedAggs(groupFields, query.limit, inner),
    },
    labelNames: query.groupBy.map(labelNameOf),
  };
}

import type { OutcomeMeasure, OutcomesQuery } from '../../src/query/outcomesQuery';
import type { Frame } from '../frames/frame';
import type { GroupLevel } from './groupBuckets';
import type { OutcomesSearch } from './outcomesSearch';
import { groupSeriesFrames } from './groupSeriesFrames';

/**
 * Turns the outcomes aggregation answer into dataplane timeseries-multi frames: one per (group,
 * measure), labelled with the group keys and `outcome`. Counts are runs; failure_rate is
 * (failed + error) ÷ (succeeded + failed + error) in the bucket, 0–1.
 */
interface Count {
  doc_count: number;
}
interface TimeBucket {
  key: number;
  outcomes: { buckets: { succeeded: Count; failed: Count; error: Count } };
}
interface TimeBuckets {
  over_time?: { buckets: TimeBucket[] };
}
export type OutcomesAggregations = TimeBuckets & { groups?: GroupLevel<TimeBuckets> };

function measureValue(measure: OutcomeMeasure, bucket: TimeBucket): number {
  const { succeeded, failed, error } = bucket.outcomes.buckets;
  if (measure !== 'failure_rate') {
    return bucket.outcomes.buckets[measure].doc_count;
  }
  const finished = succeeded.doc_count + failed.doc_count + error.doc_count;
  return finished === 0 ? 0 : (failed.doc_count + error.doc_count) / finished;
}

export function outcomesFrames(
  query: OutcomesQuery,
  search: OutcomesSearch,
  aggregations: OutcomesAggregations,
  executedQueryString: string
): Frame[] {
  const request = { ...query, labelNames: search.labelNames, measures: query.measures, executedQueryString };
  return groupSeriesFrames(request, aggregations, (outcome, buckets, group) => {
    const rate = outcome === 'failure_rate';
    return {
      name: rate ? 'failure_rate' : 'runs',
      nullable: false,
      labels: { ...group.labels, outcome },
      config: rate
        ? { unit: 'percentunit', min: 0, max: 1, displayNameFromDS: [...group.keys, 'failure rate'].join(' ') }
        : { unit: 'none', displayNameFromDS: [...group.keys, outcome].join(' ') },
      values: buckets.map((b) => measureValue(outcome, b)),
    };
  });
}

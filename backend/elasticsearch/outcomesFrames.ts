import type { OutcomeMeasure, OutcomesQuery } from '../../src/query/outcomesQuery';
import type { Frame } from '../frames/frame';
import { finishSeriesFrames, seriesFrame } from '../frames/timeSeriesFrames';
import { largestGroups, type GroupLevel } from './groupBuckets';
import type { OutcomesSearch } from './outcomesSearch';

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
  const { groups, notices } = largestGroups(aggregations, query.limit);
  const frames: Frame[] = [];
  for (const group of groups) {
    const buckets = group.bucket.over_time?.buckets ?? [];
    if (buckets.length === 0) {
      continue;
    }
    // One times array per group: its frames share the encoded time column.
    const times = buckets.map((b) => b.key);
    const groupLabels = Object.fromEntries(search.labelNames.map((name, i) => [name, group.keys[i]]));
    for (const outcome of query.measures) {
      const rate = outcome === 'failure_rate';
      frames.push(
        seriesFrame(
          query.refId,
          times,
          {
            name: rate ? 'failure_rate' : 'runs',
            nullable: false,
            labels: { ...groupLabels, outcome },
            config: rate
              ? { unit: 'percentunit', min: 0, max: 1, displayNameFromDS: [...group.keys, 'failure rate'].join(' ') }
              : { unit: 'none', displayNameFromDS: [...group.keys, outcome].join(' ') },
            values: buckets.map((b) => measureValue(outcome, b)),
          }
        )
      );
    }
  }
  return finishSeriesFrames(query.refId, frames, executedQueryString, notices);
}

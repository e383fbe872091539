import type { Frame, NumberField } from '../frames/frame';
import { finishSeriesFrames, seriesFrame } from '../frames/timeSeriesFrames';
import { largestGroups, type GroupLevel } from './groupBuckets';

/**
 * The time-series answer shared by durations, outcomes, resources and metrics: the `limit` largest
 * groups, and per group with time buckets one series frame per measure (a stat, an outcome, a
 * resource), labelled with the group's keys. The frames of a group share one times array, so the
 * encoder writes its time column once.
 */
export interface SeriesGroup {
  keys: string[];
  labels: Record<string, string>;
  /** Position among the answered groups, largest first. */
  index: number;
}

type TimeBuckets<B> = { over_time?: { buckets: B[] } };

export function groupSeriesFrames<B extends { key: number }, M>(
  request: { refId: string; limit: number; labelNames: string[]; measures: readonly M[]; executedQueryString: string },
  aggregations: TimeBuckets<B> & { groups?: GroupLevel<TimeBuckets<B>> },
  // undefined: no series for this measure in this group.
  field: (measure: M, buckets: B[], group: SeriesGroup) => Omit<NumberField, 'type'> | undefined
): Frame[] {
  const { groups, notices } = largestGroups(aggregations, request.limit);
  const frames: Frame[] = [];
  for (const [index, group] of groups.entries()) {
    const buckets = group.bucket.over_time?.buckets ?? [];
    if (buckets.length === 0) {
      continue;
    }
    const times = buckets.map((b) => b.key);
    const labels = Object.fromEntries(request.labelNames.map((name, i) => [name, group.keys[i]]));
    for (const measure of request.measures) {
      const value = field(measure, buckets, { keys: group.keys, labels, index });
      if (value) {
        frames.push(seriesFrame(request.refId, times, value));
      }
    }
  }
  return finishSeriesFrames(request.refId, frames, request.executedQueryString, notices);
}

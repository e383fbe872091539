import { OUTCOME_PHASES, type OutcomesQuery } from '../../src/query/outcomesQuery';
import type { Frame } from '../frames/frame';
import { largestGroups, type GroupLevel } from './groupBuckets';
import type { OutcomesSearch } from './outcomesSearch';
import { groupSeriesFrames } from './groupSeriesFrames';

/**
 * Turns the outcomes aggregation answer into dataplane timeseries-multi frames: one per (group,
 * measure), labelled with the group keys and `outcome`. Counts are runs; failure_rate is
 * (failed + error) ÷ (succeeded + failed + error) in the bucket, 0–1. A phase with no run in a group's
 * range gets no series there, except that an asked phase no group has keeps one zero series (in the
 * largest group) so tables built on the answer (runs per workflow) still get its column.
 */
type Outcome = keyof typeof OUTCOME_PHASES;
type TimeBucket = { key: number } & Record<Outcome, number>;
interface PhaseBuckets {
  phases?: { buckets: Array<{ key: string; over_time: { buckets: Array<{ key: number; doc_count: number }> } }> };
}
/** The answer: per group, one date_histogram per phase present. */
export type OutcomesAggregations = PhaseBuckets & { groups?: GroupLevel<PhaseBuckets> };
type TimeBuckets = { over_time?: { buckets: TimeBucket[] } };
type MergedAggregations = TimeBuckets & { groups?: GroupLevel<TimeBuckets> };

const OUTCOMES = Object.keys(OUTCOME_PHASES) as Outcome[];
const OUTCOME_OF: Record<string, Outcome> = Object.fromEntries(
  Object.entries(OUTCOME_PHASES).map(([outcome, phase]) => [phase, outcome as Outcome])
);

/**
 * The phase histograms of one group as one series of time buckets holding every phase's count: a merge
 * of the phases' histograms, each already in time order (a date_histogram's buckets are in key order).
 */
function timeBuckets(phases: PhaseBuckets['phases']): TimeBucket[] {
  const lists = (phases?.buckets ?? []).map((phase) => ({ outcome: OUTCOME_OF[phase.key], buckets: phase.over_time.buckets, next: 0 }));
  const merged: TimeBucket[] = [];
  for (;;) {
    let key = Infinity;
    for (const list of lists) {
      if (list.next < list.buckets.length && list.buckets[list.next].key < key) {
        key = list.buckets[list.next].key;
      }
    }
    if (key === Infinity) {
      return merged;
    }
    const bucket: TimeBucket = { key, succeeded: 0, failed: 0, error: 0 };
    for (const list of lists) {
      if (list.next < list.buckets.length && list.buckets[list.next].key === key) {
        bucket[list.outcome] = list.buckets[list.next++].doc_count;
      }
    }
    merged.push(bucket);
  }
}

function merged(level: OutcomesAggregations): MergedAggregations {
  if (!level.groups) {
    return { over_time: { buckets: timeBuckets(level.phases) } };
  }
  const buckets = level.groups.buckets.map(({ phases, groups, ...bucket }) => ({
    ...bucket,
    ...merged({ phases, groups } as OutcomesAggregations),
  }));
  return { groups: { ...level.groups, buckets } };
}

function failureRate(bucket: TimeBucket): number {
  const finished = bucket.succeeded + bucket.failed + bucket.error;
  return finished === 0 ? 0 : (bucket.failed + bucket.error) / finished;
}

/** The outcomes with at least one run in the groups the answer shows. */
function outcomesWithRuns(aggregations: MergedAggregations, limit: number): Set<Outcome> {
  const found = new Set<Outcome>();
  for (const group of largestGroups(aggregations, limit).groups) {
    for (const bucket of group.bucket.over_time?.buckets ?? []) {
      for (const outcome of OUTCOMES) {
        if (bucket[outcome] > 0) {
          found.add(outcome);
        }
      }
    }
    if (found.size === OUTCOMES.length) {
      break;
    }
  }
  return found;
}

export function outcomesFrames(
  query: OutcomesQuery,
  search: OutcomesSearch,
  aggregations: OutcomesAggregations,
  executedQueryString: string
): Frame[] {
  const request = { ...query, labelNames: search.labelNames, measures: query.measures, executedQueryString };
  const series = merged(aggregations);
  const present = outcomesWithRuns(series, query.limit);
  return groupSeriesFrames(request, series, (outcome, buckets, group) => {
    if (outcome === 'failure_rate') {
      return {
        name: 'failure_rate',
        nullable: false,
        labels: { ...group.labels, outcome },
        config: { unit: 'percentunit', min: 0, max: 1, displayNameFromDS: [...group.keys, 'failure rate'].join(' ') },
        values: buckets.map(failureRate),
      };
    }
    const values = buckets.map((b) => b[outcome]);
    if ((present.has(outcome) || group.index > 0) && values.every((v) => v === 0)) {
      return undefined;
    }
    return {
      name: 'runs',
      nullable: false,
      labels: { ...group.labels, outcome },
      config: { unit: 'none', displayNameFromDS: [...group.keys, outcome].join(' ') },
      values,
    };
  });
}

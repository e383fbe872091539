import type { BaselineQuery } from '../../src/query/baselineQuery';
import type { Frame, Notice } from '../frames/frame';
import { finishNumericFrames, numberFrame } from '../frames/numericFrames';
import { namedRows } from '../frames/rowLimits';
import type { BaselineSearch } from './baselineSearch';
import { largestGroups, type GroupLevel } from './groupBuckets';

/**
 * Turns the baseline aggregation answer into dataplane numeric-multi frames: one per group, one number
 * (current ÷ baseline) labelled with the group keys and `stat`; meta.custom carries both stat values
 * and the document counts of both windows. Groups without a current value, or whose baseline is
 * missing or zero, have no ratio: they are left out, with an info notice naming them.
 */
interface WindowBucket {
  doc_count: number;
  value?: { value?: number | null; values?: Array<{ key: number; value: number | null }> };
  failed?: { doc_count: number };
}
interface Windows {
  current?: WindowBucket;
  baseline?: WindowBucket;
}
export type BaselineAggregations = Windows & { groups?: GroupLevel<Windows> };

/** The stat of one window: the percentile or metric value, or failed ÷ finished; null without documents. */
function windowValue(bucket: WindowBucket | undefined): number | null {
  if (!bucket || bucket.doc_count === 0) {
    return null;
  }
  if (bucket.failed) {
    return bucket.failed.doc_count / bucket.doc_count;
  }
  const value = bucket.value?.values ? bucket.value.values[0]?.value : bucket.value?.value;
  return typeof value === 'number' ? value : null;
}

function leftOutNotice(names: string[]): Notice[] {
  if (names.length === 0) {
    return [];
  }
  return [
    {
      severity: 'info',
      text: `${names.length === 1 ? '1 group has' : `${names.length} groups have`} no runs in the current window or no (or a zero) baseline, so no ratio: ${namedRows(names)}.`,
    },
  ];
}

export function baselineFrames(
  query: BaselineQuery,
  search: BaselineSearch,
  aggregations: BaselineAggregations,
  executedQueryString: string
): Frame[] {
  const { groups, notices } = largestGroups(aggregations, query.limit);
  const frames: Frame[] = [];
  const leftOut: string[] = [];
  for (const group of groups) {
    const current = windowValue(group.bucket.current);
    const baseline = windowValue(group.bucket.baseline);
    const name = group.keys.length > 0 ? group.keys.join(' ') : 'all';
    if (current === null || baseline === null || baseline === 0) {
      leftOut.push(name);
      continue;
    }
    const labels = {
      ...Object.fromEntries(search.labelNames.map((label, i) => [label, group.keys[i]])),
      stat: query.stat,
    };
    const custom = {
      current: current * search.valueScale,
      baseline: baseline * search.valueScale,
      currentCount: group.bucket.current?.doc_count ?? 0,
      baselineCount: group.bucket.baseline?.doc_count ?? 0,
    };
    frames.push(
      numberFrame(
        query.refId,
        {
          name: 'vs_baseline',
          nullable: false,
          labels,
          config: { unit: 'none', displayNameFromDS: `${name} ${query.stat} vs baseline` },
          value: current / baseline,
        },
        custom
      )
    );
  }
  return finishNumericFrames(query.refId, frames, executedQueryString, [...notices, ...leftOutNotice(leftOut)]);
}

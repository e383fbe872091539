import type { BaselineQuery, BaselineStat, BaselineValue } from '../../src/query/baselineQuery';
import type { Frame, Notice } from '../frames/frame';
import { finishNumericFrames, numberFrame } from '../frames/numericFrames';
import { namedRows } from '../frames/rowLimits';
import type { BaselineSearch } from './baselineSearch';
import { largestGroups, type GroupLevel } from './groupBuckets';

/**
 * Turns the baseline aggregation answer into dataplane numeric-multi frames: one per group, one number
 * (current ÷ baseline, or with `value` one window's stat in its unit) labelled with the group keys and
 * `stat`; meta.custom carries both stat values and the document counts of both windows. Groups without
 * that number (no current value; for the ratio also a missing or zero baseline) are left out, with an
 * info notice naming them.
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

const LEFT_OUT_WHY: Record<BaselineValue, string> = {
  ratio: 'no runs in the current window or no (or a zero) baseline, so no ratio',
  current: 'no runs in the current window',
  baseline: 'no runs in the baseline window',
};

function leftOutNotice(names: string[], value: BaselineValue): Notice[] {
  if (names.length === 0) {
    return [];
  }
  const groups = names.length === 1 ? '1 group has' : `${names.length} groups have`;
  return [{ severity: 'info', text: `${groups} ${LEFT_OUT_WHY[value]}: ${namedRows(names)}.` }];
}

/** The number a group answers for the query's `value`, or null when it has none. */
function groupNumber(value: BaselineValue, current: number | null, baseline: number | null): number | null {
  switch (value) {
    case 'current':
      return current;
    case 'baseline':
      return baseline;
    default:
      return current === null || baseline === null || baseline === 0 ? null : current / baseline;
  }
}

/** Field name, unit and scale of a window's stat by itself: durations in seconds, the failure rate 0–1. */
function windowField(stat: BaselineStat, value: 'current' | 'baseline', valueScale: number) {
  if (stat === 'failure_rate') {
    return { name: value, unit: 'percentunit', scale: 1 };
  }
  if (stat === 'cpu_core_seconds' || stat === 'memory_mib_seconds') {
    return { name: value, unit: 'none', scale: 1 };
  }
  return { name: value, unit: 's', scale: valueScale / 1000 };
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
  const field =
    query.value === 'ratio'
      ? { name: 'vs_baseline', unit: 'none', scale: 1 }
      : windowField(query.stat, query.value, search.valueScale);
  const shownAs = query.value === 'ratio' ? 'vs baseline' : query.value;
  for (const group of groups) {
    const current = windowValue(group.bucket.current);
    const baseline = windowValue(group.bucket.baseline);
    const name = group.keys.length > 0 ? group.keys.join(' ') : 'all';
    const number = groupNumber(query.value, current, baseline);
    if (number === null) {
      leftOut.push(name);
      continue;
    }
    const labels = {
      ...Object.fromEntries(search.labelNames.map((label, i) => [label, group.keys[i]])),
      stat: query.stat,
    };
    const custom = {
      current: current === null ? null : current * search.valueScale,
      baseline: baseline === null ? null : baseline * search.valueScale,
      currentCount: group.bucket.current?.doc_count ?? 0,
      baselineCount: group.bucket.baseline?.doc_count ?? 0,
    };
    frames.push(
      numberFrame(
        query.refId,
        {
          name: field.name,
          nullable: false,
          labels,
          config: { unit: field.unit, displayNameFromDS: `${name} ${query.stat} ${shownAs}` },
          value: number * field.scale,
        },
        custom
      )
    );
  }
  return finishNumericFrames(query.refId, frames, executedQueryString, [...notices, ...leftOutNotice(leftOut, query.value)]);
}

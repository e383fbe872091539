import { startMs, type RunDocument } from './documentKeys';

/** The p-th percentile with linear interpolation between closest ranks (sorted input). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) {
    return null;
  }
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface GroupPercentile {
  /** The p-th percentile of the group's durations, in ms. */
  ms: number;
  /** Documents with a duration in the window. */
  runs: number;
}

/**
 * The p-th percentile duration of each group over a window: documents that started in [fromMs, toMs)
 * and have a duration, grouped by `keyOf` (undefined leaves a document out). Groups without such a
 * document are absent.
 */
export function durationPercentileByGroup<D extends RunDocument>(
  docs: readonly D[],
  keyOf: (doc: D) => string | undefined,
  window: { fromMs: number; toMs: number },
  p: number
): Map<string, GroupPercentile> {
  const durations = new Map<string, number[]>();
  for (const doc of docs) {
    const started = startMs(doc);
    if (doc.duration_ms === undefined || started < window.fromMs || started >= window.toMs) {
      continue;
    }
    const key = keyOf(doc);
    if (key === undefined) {
      continue;
    }
    let values = durations.get(key);
    if (!values) {
      values = [];
      durations.set(key, values);
    }
    values.push(doc.duration_ms);
  }
  return new Map(
    [...durations].map(([key, values]) => {
      // Every group holds at least one duration, so its percentile is a number.
      values.sort((a, b) => a - b);
      const ms = percentile(values, p)!;
      return [key, { ms, runs: values.length }];
    })
  );
}

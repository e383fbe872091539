import type { GroupKey } from '../../../src/query/groupBy';
import type { Level } from '../../../src/query/model';
import type { DurationsAggregations } from '../../elasticsearch/durationsFrames';
import type { GroupLevel } from '../../elasticsearch/groupBuckets';
import { keyValue, startMs, type RunDocument } from './documentKeys';
import { percentile } from './percentiles';

/**
 * The durations aggregation of Elasticsearch, computed in memory over documents from the Argo Server, in
 * the very shape Elasticsearch answers (nested group levels × fixed-interval time buckets × stats and
 * percentiles), so durationsFrames turns both into the same frames. Time buckets start at multiples of
 * the interval since the epoch, as a fixed_interval date_histogram's do.
 */
interface TimeBucket {
  key: number;
  doc_count: number;
  duration: { count: number; min: number | null; max: number | null; avg: number | null; sum: number };
  percentiles?: { values: Array<{ key: number; value: number | null }> };
}

function timeBuckets(docs: RunDocument[], intervalMs: number, percents: number[]): { over_time: { buckets: TimeBucket[] } } {
  const byBucket = new Map<number, RunDocument[]>();
  for (const doc of docs) {
    const key = Math.floor(startMs(doc) / intervalMs) * intervalMs;
    const inBucket = byBucket.get(key);
    if (inBucket) {
      inBucket.push(doc);
    } else {
      byBucket.set(key, [doc]);
    }
  }
  const buckets = [...byBucket.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, inBucket]): TimeBucket => {
      const values = inBucket.map((d) => d.duration_ms).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
      const sum = values.reduce((a, b) => a + b, 0);
      return {
        key,
        doc_count: inBucket.length,
        duration: { count: values.length, min: values[0] ?? null, max: values.at(-1) ?? null, avg: values.length ? sum / values.length : null, sum },
        ...(percents.length ? { percentiles: { values: percents.map((p) => ({ key: p, value: percentile(values, p) })) } } : {}),
      };
    });
  return { over_time: { buckets } };
}

function groupLevel(docs: RunDocument[], keys: GroupKey[], level: Level, inner: (docs: RunDocument[]) => object): GroupLevel<object> {
  const [key, ...rest] = keys;
  const byValue = new Map<string, RunDocument[]>();
  for (const doc of docs) {
    const value = keyValue(doc, key, level);
    if (value !== undefined) {
      const inGroup = byValue.get(value);
      if (inGroup) {
        inGroup.push(doc);
      } else {
        byValue.set(value, [doc]);
      }
    }
  }
  return {
    buckets: [...byValue.entries()].map(([value, inGroup]) => ({
      key: value,
      doc_count: inGroup.length,
      ...(rest.length ? { groups: groupLevel(inGroup, rest, level, inner) } : inner(inGroup)),
    })),
  };
}

export function durationsAggregations(docs: RunDocument[], groupBy: GroupKey[], level: Level, intervalMs: number, percents: number[]): DurationsAggregations {
  const inner = (inGroup: RunDocument[]) => timeBuckets(inGroup, intervalMs, percents);
  return (groupBy.length === 0 ? inner(docs) : { groups: groupLevel(docs, groupBy, level, inner) }) as DurationsAggregations;
}

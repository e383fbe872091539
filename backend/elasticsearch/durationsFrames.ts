import type { DurationsQuery } from '../../src/query/model';
import { percentileOf, type Stat } from '../../src/query/stats';
import { DATAPLANE_VERSION, type Frame, type Notice } from '../frames/frame';
import type { DurationsSearch } from './durationsSearch';

/** Turns the aggregation answer into dataplane timeseries-multi frames: one per (group, stat). */
interface StatsAgg {
  count: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}
interface TimeBucket {
  key: number;
  duration: StatsAgg;
  percentiles?: { values: Array<{ key: number; value: number | null }> };
}
interface GroupBucket {
  key: string | number | Array<string | number>;
  key_as_string?: string;
  over_time: { buckets: TimeBucket[] };
}
export interface DurationsAggregations {
  groups?: { buckets: GroupBucket[]; sum_other_doc_count?: number };
  over_time?: { buckets: TimeBucket[] };
}

function statValue(stat: Stat, bucket: TimeBucket): number | null {
  const p = percentileOf(stat);
  if (p !== undefined) {
    const found = bucket.percentiles?.values.find((entry) => entry.key === p);
    return found?.value == null ? null : found.value / 1000;
  }
  switch (stat) {
    case 'count':
      return bucket.duration.count;
    case 'avg':
    case 'min':
    case 'max': {
      const ms = bucket.duration[stat];
      return ms == null ? null : ms / 1000;
    }
  }
  return null;
}

function groupLabels(bucket: GroupBucket, labelNames: string[]): Record<string, string> {
  const keys = Array.isArray(bucket.key) ? bucket.key : [bucket.key];
  return Object.fromEntries(labelNames.map((name, i) => [name, String(keys[i])]));
}

export function durationsFrames(
  query: DurationsQuery,
  search: DurationsSearch,
  aggregations: DurationsAggregations,
  executedQueryString: string
): Frame[] {
  const groups: Array<{ labels: Record<string, string>; buckets: TimeBucket[] }> = aggregations.groups
    ? aggregations.groups.buckets.map((bucket) => ({ labels: groupLabels(bucket, search.labelNames), buckets: bucket.over_time.buckets }))
    : [{ labels: {}, buckets: aggregations.over_time?.buckets ?? [] }];
  const notices: Notice[] = [];
  const otherDocs = aggregations.groups?.sum_other_doc_count ?? 0;
  if (otherDocs > 0) {
    notices.push({
      severity: 'warning',
      text: `Only the ${query.limit} groups with the most runs are shown; ${otherDocs} runs in other groups were left out. Raise Limit in the query to see more.`,
    });
  }
  const frames: Frame[] = [];
  for (const group of groups) {
    if (group.buckets.length === 0) {
      continue;
    }
    for (const stat of query.stats) {
      const labels = { ...group.labels, stat };
      const legend = [...Object.values(group.labels), stat].join(' ');
      frames.push({
        refId: query.refId,
        fields: [
          { name: 'time', type: 'time', nullable: false, values: group.buckets.map((b) => b.key) },
          {
            name: 'duration',
            type: 'number',
            nullable: true,
            labels,
            config: { unit: stat === 'count' ? 'none' : 's', displayNameFromDS: legend },
            values: group.buckets.map((b) => statValue(stat, b)),
          },
        ],
        meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION },
      });
    }
  }
  if (frames.length === 0) {
    // The dataplane's "no data": one typed frame without fields.
    frames.push({ refId: query.refId, fields: [], meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION } });
  }
  frames[0].meta = { ...frames[0].meta, executedQueryString, ...(notices.length ? { notices } : {}) };
  return frames;
}

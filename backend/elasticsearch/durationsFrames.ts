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
interface GroupLevel {
  buckets: GroupBucket[];
  sum_other_doc_count?: number;
}
interface GroupBucket {
  key: string | number;
  doc_count: number;
  groups?: GroupLevel;
  over_time?: { buckets: TimeBucket[] };
}
export interface DurationsAggregations {
  groups?: GroupLevel;
  over_time?: { buckets: TimeBucket[] };
}

interface Group {
  keys: string[];
  docCount: number;
  buckets: TimeBucket[];
}

/** Flattens nested terms levels into groups; counts documents each level left out. */
function flattenGroups(level: GroupLevel, keys: string[], groups: Group[]): number {
  let leftOut = level.sum_other_doc_count ?? 0;
  for (const bucket of level.buckets) {
    const path = [...keys, String(bucket.key)];
    if (bucket.groups) {
      leftOut += flattenGroups(bucket.groups, path, groups);
    } else {
      groups.push({ keys: path, docCount: bucket.doc_count, buckets: bucket.over_time?.buckets ?? [] });
    }
  }
  return leftOut;
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


export function durationsFrames(
  query: DurationsQuery,
  search: DurationsSearch,
  aggregations: DurationsAggregations,
  executedQueryString: string
): Frame[] {
  let groups: Group[] = [{ keys: [], docCount: 0, buckets: aggregations.over_time?.buckets ?? [] }];
  let otherDocs = 0;
  if (aggregations.groups) {
    groups = [];
    otherDocs = flattenGroups(aggregations.groups, [], groups);
    groups.sort((a, b) => b.docCount - a.docCount);
    otherDocs += groups.slice(query.limit).reduce((sum, group) => sum + group.docCount, 0);
    groups = groups.slice(0, query.limit);
  }
  const notices: Notice[] = [];
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
    const groupLabels = Object.fromEntries(search.labelNames.map((name, i) => [name, group.keys[i]]));
    for (const stat of query.stats) {
      const labels = { ...groupLabels, stat };
      const legend = [...group.keys, stat].join(' ');
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

import { DURATION_EDGES_SECONDS, type HeatmapQuery } from '../../src/query/heatmapQuery';
import type { DocumentFields } from './documentFields';
import { searchFilters, type TimeWindow } from './searchFilters';
import { timeHistogram } from './timeHistogram';

/**
 * The Elasticsearch request for a heatmap: date_histogram × a range aggregation on duration_ms whose
 * edges are the log-spaced DURATION_EDGES_SECONDS. Plain range buckets need no scripting, so this runs
 * on nodes without painless or x-pack.
 */
export interface DurationBand {
  fromMs?: number;
  toMs?: number;
}

/** [0, first edge), [edge, next edge) …, [last edge, ∞). */
export const DURATION_BANDS: DurationBand[] = [
  { toMs: DURATION_EDGES_SECONDS[0] * 1000 },
  ...DURATION_EDGES_SECONDS.map((edge, i) => ({
    fromMs: edge * 1000,
    toMs: i + 1 < DURATION_EDGES_SECONDS.length ? DURATION_EDGES_SECONDS[i + 1] * 1000 : undefined,
  })),
];

export function heatmapSearch(
  fields: DocumentFields,
  query: HeatmapQuery,
  window: TimeWindow,
  intervalMs: number
): Record<string, unknown> {
  // Band edges are in ms; a duration field in seconds gets them in seconds.
  const perUnit = fields.msPerDurationUnit;
  return {
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [...searchFilters(fields, query.level, window, query.filters), { exists: { field: fields.duration } }],
      },
    },
    aggs: {
      over_time: {
        ...timeHistogram(fields.start, intervalMs),
        aggs: {
          durations: {
            range: {
              field: fields.duration,
              keyed: false,
              ranges: DURATION_BANDS.map(({ fromMs, toMs }) => ({
                ...(fromMs === undefined ? {} : { from: fromMs / perUnit }),
                ...(toMs === undefined ? {} : { to: toMs / perUnit }),
              })),
            },
          },
        },
      },
    },
  };
}

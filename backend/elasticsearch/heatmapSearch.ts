import { DURATION_EDGES_SECONDS, type HeatmapQuery } from '../../src/query/heatmapQuery';
import { FIELDS } from './fieldNames';
import { searchFilters, type TimeWindow } from './searchFilters';

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

export function heatmapSearch(query: HeatmapQuery, window: TimeWindow, intervalMs: number): Record<string, unknown> {
  return {
    size: 0,
    track_total_hits: false,
    query: {
      bool: { filter: [...searchFilters(query.level, window, query.filters), { exists: { field: FIELDS.durationMs } }] },
    },
    aggs: {
      over_time: {
        date_histogram: { field: FIELDS.start, fixed_interval: `${intervalMs}ms`, min_doc_count: 1 },
        aggs: {
          durations: {
            range: {
              field: FIELDS.durationMs,
              keyed: false,
              ranges: DURATION_BANDS.map(({ fromMs, toMs }) => ({
                ...(fromMs === undefined ? {} : { from: fromMs }),
                ...(toMs === undefined ? {} : { to: toMs }),
              })),
            },
          },
        },
      },
    },
  };
}

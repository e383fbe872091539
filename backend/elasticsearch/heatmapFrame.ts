import { DURATION_EDGES_SECONDS, type HeatmapQuery } from '../../src/query/heatmapQuery';
import type { Frame } from '../frames/frame';

/**
 * Turns the heatmap aggregation answer into one Grafana heatmap-cells frame: a row per non-empty cell
 * with xMin (bucket start), yMin and yMax (duration band, seconds) and count (runs in the cell).
 * The open top band [10^7 s, ∞) is drawn up to twice its lower edge.
 */
interface RangeBucket {
  from?: number;
  to?: number;
  doc_count: number;
}
export interface HeatmapAggregations {
  over_time?: { buckets: Array<{ key: number; durations: { buckets: RangeBucket[] } }> };
}

const TOP_EDGE_SECONDS = DURATION_EDGES_SECONDS[DURATION_EDGES_SECONDS.length - 1];

/** `msPerUnit`: milliseconds per unit of the duration field, in which the band edges come back. */
export function heatmapFrame(
  query: HeatmapQuery,
  aggregations: HeatmapAggregations,
  executedQueryString: string,
  msPerUnit = 1
): Frame {
  const xMin: number[] = [];
  const yMin: number[] = [];
  const yMax: number[] = [];
  const count: number[] = [];
  for (const time of aggregations.over_time?.buckets ?? []) {
    for (const band of time.durations.buckets) {
      if (band.doc_count === 0) {
        continue;
      }
      xMin.push(time.key);
      yMin.push(band.from == null ? 0 : (band.from * msPerUnit) / 1000);
      yMax.push(band.to == null ? 2 * TOP_EDGE_SECONDS : (band.to * msPerUnit) / 1000);
      count.push(band.doc_count);
    }
  }
  return {
    refId: query.refId,
    fields: [
      { name: 'xMin', type: 'time', nullable: false, values: xMin },
      { name: 'yMin', type: 'number', nullable: false, config: { unit: 's' }, values: yMin },
      { name: 'yMax', type: 'number', nullable: false, config: { unit: 's' }, values: yMax },
      { name: 'count', type: 'number', nullable: false, config: { unit: 'none' }, values: count },
    ],
    meta: { type: 'heatmap-cells', executedQueryString },
  };
}

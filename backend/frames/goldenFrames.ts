import { DATAPLANE_VERSION, type Frame } from './frame';

/**
 * Frames whose Arrow bytes are kept as golden files in testdata/. The Go host check decodes the same
 * files with Grafana's SDK, so a change in the bytes is caught on both sides.
 */
export const GOLDEN_FRAMES: Record<string, Frame> = {
  timeseries: {
    refId: 'A',
    fields: [
      { name: 'time', type: 'time', nullable: false, values: [1_700_000_000_000, 1_700_003_600_000, 1_700_007_200_000] },
      {
        name: 'duration',
        type: 'number',
        nullable: true,
        labels: { workflow: 'nightly-train', stat: 'p95' },
        config: { unit: 's', displayNameFromDS: 'nightly-train p95' },
        values: [12.5, null, 99.25],
      },
    ],
    meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION, executedQueryString: '{"size":0}' },
  },
  table: {
    name: 'runs',
    refId: 'B',
    fields: [
      { name: 'started', type: 'time', nullable: true, values: [1_700_000_000_123.456, null] },
      { name: 'workflow', type: 'string', values: ['ingest-hourly', 'träning-ü'] },
      { name: 'message', type: 'string', nullable: true, values: [null, 'OOMKilled'] },
      { name: 'retried', type: 'boolean', values: [true, false] },
      { name: 'duration', type: 'number', values: [61, 3600.5] },
    ],
    meta: {
      type: 'table',
      notices: [{ severity: 'warning', text: 'Only the 20 largest groups are shown', inspect: 1 }],
    },
  },
  empty: {
    refId: 'C',
    fields: [],
    meta: { type: 'timeseries-multi', typeVersion: DATAPLANE_VERSION },
  },
};

import { makeData, RecordBatch, Struct, Table, tableFromIPC, tableToIPC, type Schema } from 'apache-arrow';

import { encodeFrame } from './arrowEncoder';
import type { Frame } from './frame';
import { seededRandom } from '../test/history';

/**
 * arrowFile writes what apache-arrow's own file writer (tableToIPC) writes, byte for byte: the library is
 * the oracle. Frames of every field type, with and without nulls, labels, metadata and rows.
 */
function viaLibrary(bytes: Uint8Array): Uint8Array {
  // Read our file back with apache-arrow and write it again with its own writer.
  const table = tableFromIPC(bytes);
  const schema: Schema = table.schema;
  // A reader gives a file without record batches one empty batch; the writer was given none.
  const batches = schema.fields.length
    ? [new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: table.numRows, nullCount: 0, children: table.batches[0].data.children }))]
    : [];
  return tableToIPC(new Table(schema, batches), 'file');
}

function frameOf(rows: number, seed: number, withNulls: boolean): Frame {
  const random = seededRandom(seed);
  const maybeNull = <T>(value: T) => (withNulls && random() < 0.2 ? null : value);
  return {
    name: `frame-${seed}`,
    refId: 'Q',
    fields: [
      { name: 'time', type: 'time', nullable: withNulls, values: Array.from({ length: rows }, (_, i) => maybeNull(1_700_000_000_000 + i * 1000)) },
      { name: 'value', type: 'number', nullable: withNulls, labels: { workflow: `w-${seed}`, stat: 'p95' }, config: { unit: 's' }, values: Array.from({ length: rows }, () => maybeNull(random() * 1e6)) },
      { name: 'text', type: 'string', nullable: withNulls, values: Array.from({ length: rows }, (_, i) => maybeNull(`träning-${i}-${'x'.repeat(i % 13)}`)) },
      { name: 'flag', type: 'boolean', nullable: withNulls, values: Array.from({ length: rows }, () => maybeNull(random() < 0.5)) },
    ],
    meta: { type: 'table', notices: [{ severity: 'info', text: 'ü' }] },
  };
}

describe('arrowFile', () => {
  it.each([
    [0, 1, false],
    [1, 2, false],
    [7, 3, true],
    [8, 4, true],
    [9, 5, false],
    [720, 6, true],
    [10_000, 7, true],
  ])('writes the bytes apache-arrow writes: %i rows (seed %i, nulls %s)', (rows, seed, withNulls) => {
    const bytes = encodeFrame(frameOf(rows, seed, withNulls));
    expect(Buffer.from(bytes).equals(Buffer.from(viaLibrary(bytes)))).toBe(true);
  });

  it('writes the bytes apache-arrow writes for frames that share a layout but not their null counts', () => {
    // Record batch messages are reused per column layout; a layout differing only in null counts must not reuse one.
    for (const nulls of [1, 2, 3, 1]) {
      const bytes = encodeFrame({
        refId: 'Q',
        fields: [
          { name: 'time', type: 'time', nullable: false, values: Array.from({ length: 64 }, (_, i) => 1_700_000_000_000 + i * 1000) },
          { name: 'value', type: 'number', nullable: true, values: Array.from({ length: 64 }, (_, i) => (i < nulls ? null : i)) },
        ],
      });
      expect(Buffer.from(bytes).equals(Buffer.from(viaLibrary(bytes)))).toBe(true);
      // The reader takes null counts from the message, so the oracle above cannot see a wrong one.
      expect(tableFromIPC(bytes).getChildAt(1)!.nullCount).toBe(nulls);
    }
  });

  it('writes the bytes apache-arrow writes after a footer larger than its builder, and small ones after it', () => {
    // The footer's flatbuffer builder is reused: it grows for a long executed query, then serves small frames.
    const long = { ...frameOf(3, 8, true), meta: { type: 'table' as const, executedQueryString: 'q'.repeat(40_000) } };
    for (const frame of [frameOf(2, 9, false), long, frameOf(2, 9, false), frameOf(5, 10, true)]) {
      const bytes = encodeFrame(frame);
      expect(Buffer.from(bytes).equals(Buffer.from(viaLibrary(bytes)))).toBe(true);
    }
  });

  it('writes a frame without fields as apache-arrow writes an empty table', () => {
    const bytes = encodeFrame({ refId: 'E', fields: [], meta: { type: 'timeseries-multi', typeVersion: [0, 1] } });
    expect(Buffer.from(bytes).equals(Buffer.from(viaLibrary(bytes)))).toBe(true);
  });

});

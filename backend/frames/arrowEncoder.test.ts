import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { tableFromIPC, Type } from 'apache-arrow';

import { encodeFrame } from './arrowEncoder';
import { GOLDEN_FRAMES } from './goldenFrames';

const TESTDATA = join(__dirname, 'testdata');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('Arrow frame encoder', () => {
  it.each(Object.keys(GOLDEN_FRAMES))('encodes the %s frame to the golden bytes', (name) => {
    const bytes = Buffer.from(encodeFrame(GOLDEN_FRAMES[name]));
    const file = join(TESTDATA, `${name}.arrow`);
    if (UPDATE) {
      writeFileSync(file, bytes);
    }
    expect(bytes.equals(readFileSync(file))).toBe(true);
  });

  it('writes the IPC file format, not the stream format', () => {
    const bytes = Buffer.from(encodeFrame(GOLDEN_FRAMES.timeseries));
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('ARROW1');
    expect(bytes.subarray(bytes.length - 6).toString('latin1')).toBe('ARROW1');
  });

  it('uses nanosecond timestamps, plain Utf8 strings and the requested nullability', () => {
    const table = tableFromIPC(encodeFrame(GOLDEN_FRAMES.table));
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, [f.type.typeId, f.nullable]]));
    expect(types).toEqual({
      started: [Type.Timestamp, true],
      workflow: [Type.Utf8, false],
      message: [Type.Utf8, true],
      retried: [Type.Bool, false],
      duration: [Type.Float, false],
    });
    expect((table.schema.fields[0].type as { unit: number }).unit).toBe(3); // TimeUnit.NANOSECOND
    expect((table.schema.fields[4].type as { precision: number }).precision).toBe(2); // Precision.DOUBLE
    // 1_700_000_000_123.456 ms keeps its microseconds as nanoseconds.
    const nanos = table.getChild('started')!.data[0].values as BigInt64Array;
    expect(nanos[0]).toBe(1_700_000_000_123_456_000n);
    expect(table.getChild('started')!.get(1)).toBeNull();
    expect(table.getChild('workflow')!.toArray()).toEqual(['ingest-hourly', 'träning-ü']);
    expect(table.getChild('message')!.get(0)).toBeNull();
    expect(table.getChild('retried')!.toArray()).toEqual([true, false]);
  });

  it('reads back every string of an ASCII column, of a mixed one and nulls as empty slots', () => {
    const ascii = ['shard(0:part-0)', '', 'x', null, 'publish'];
    // Non-ASCII of 2, 3 and 4 bytes, and a lone surrogate (written as U+FFFD, as TextEncoder does).
    const mixed = ['a', 'träning', '日本', null, '🚀x', '\ud800', 'z'];
    for (const values of [ascii, mixed]) {
      const table = tableFromIPC(encodeFrame({ fields: [{ name: 's', type: 'string', nullable: true, values }] }));
      expect(table.getChild('s')!.toArray()).toEqual(values.map((v) => (v === '\ud800' ? '\ufffd' : v)));
    }
  });

  it('writes exact nanoseconds before 1970, at the epoch and up to 2200', () => {
    const times = [-86_400_000.5, 0, 1, 1_700_000_000_000.001, 4_102_444_800_000, 7_258_118_400_000.25]; // up to 2200: int64 ns ends in 2262
    const table = tableFromIPC(encodeFrame({ fields: [{ name: 'time', type: 'time', nullable: false, values: times }] }));
    const nanos = Array.from(table.getChild('time')!.data[0].values as BigInt64Array);
    // Independent reference: decimal strings of the microsecond values, times 1000.
    expect(nanos).toEqual(times.map((ms) => BigInt(Math.round(ms * 1000)) * 1000n));
  });

  it('puts name, refId and meta on the schema and labels/config on fields, as JSON', () => {
    const table = tableFromIPC(encodeFrame(GOLDEN_FRAMES.timeseries));
    expect(table.schema.metadata.get('refId')).toBe('A');
    expect(table.schema.metadata.get('name')).toBe('');
    expect(JSON.parse(table.schema.metadata.get('meta')!)).toEqual({
      type: 'timeseries-multi',
      typeVersion: [0, 1],
      executedQueryString: '{"size":0}',
    });
    const value = table.schema.fields[1];
    expect(JSON.parse(value.metadata.get('labels')!)).toEqual({ workflow: 'nightly-train', stat: 'p95' });
    expect(JSON.parse(value.metadata.get('config')!)).toEqual({ unit: 's', displayNameFromDS: 'nightly-train p95' });
    expect(table.getChild('duration')!.get(1)).toBeNull();
    expect(table.schema.fields[0].nullable).toBe(false);
  });

  it('encodes a frame without fields as a schema-only file', () => {
    const table = tableFromIPC(encodeFrame(GOLDEN_FRAMES.empty));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields).toHaveLength(0);
    expect(JSON.parse(table.schema.metadata.get('meta')!).type).toBe('timeseries-multi');
  });

  it('refuses fields of different lengths', () => {
    expect(() =>
      encodeFrame({
        fields: [
          { name: 'a', type: 'number', values: [1, 2] },
          { name: 'b', type: 'number', values: [1] },
        ],
      })
    ).toThrow('frame field b has 1 values, expected 2');
  });
});

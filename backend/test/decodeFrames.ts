import { tableFromIPC } from 'apache-arrow';

/** A decoded frame, read back with apache-arrow's own reader (not our encoder). */
export interface DecodedSeries {
  labels: Record<string, string>;
  times: number[];
  values: Array<number | null>;
  meta: Record<string, unknown> | undefined;
  fieldCount: number;
}

export function decodeSeries(bytes: Uint8Array): DecodedSeries {
  const table = tableFromIPC(bytes);
  const metaText = table.schema.metadata.get('meta');
  const meta = metaText ? (JSON.parse(metaText) as Record<string, unknown>) : undefined;
  if (table.schema.fields.length === 0) {
    return { labels: {}, times: [], values: [], meta, fieldCount: 0 };
  }
  const valueField = table.schema.fields[1];
  const nanos = table.getChildAt(0)!.data.flatMap((data) => Array.from(data.values as BigInt64Array));
  return {
    labels: JSON.parse(valueField.metadata.get('labels') ?? '{}'),
    times: nanos.map((ns) => Number(ns / 1_000_000n)),
    values: Array.from({ length: table.numRows }, (_, i) => table.getChildAt(1)!.get(i) as number | null),
    meta,
    fieldCount: table.schema.fields.length,
  };
}

/** Any decoded frame as named columns (times as epoch milliseconds), with field labels and config. */
export interface DecodedTable {
  columns: Record<string, Array<string | number | null>>;
  fields: Array<{ name: string; labels: Record<string, string>; config: Record<string, unknown> }>;
  meta: Record<string, unknown> | undefined;
  rows: number;
}

export function decodeTable(bytes: Uint8Array): DecodedTable {
  const table = tableFromIPC(bytes);
  const metaText = table.schema.metadata.get('meta');
  const columns: DecodedTable['columns'] = {};
  table.schema.fields.forEach((field, i) => {
    const vector = table.getChildAt(i)!;
    columns[field.name] = Array.from({ length: table.numRows }, (_, row) => {
      const value = vector.get(row) as unknown;
      return typeof value === 'bigint' ? Number(value / 1_000_000n) : (value as string | number | null);
    });
  });
  return {
    columns,
    fields: table.schema.fields.map((field) => ({
      name: field.name,
      labels: JSON.parse(field.metadata.get('labels') ?? '{}'),
      config: JSON.parse(field.metadata.get('config') ?? '{}'),
    })),
    meta: metaText ? (JSON.parse(metaText) as Record<string, unknown>) : undefined,
    rows: table.numRows,
  };
}

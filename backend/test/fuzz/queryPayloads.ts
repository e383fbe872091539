import fc from 'fast-check';

/**
 * How a query's JSON reaches the backend: as JSON text, or as bytes that are not quite JSON
 * (cut short, a number JSON cannot hold, invalid UTF-8, a byte-order mark, very deep nesting, duplicate
 * keys, trailing text, other JSON values, random bytes).
 */
export type PayloadEncoding =
  | { kind: 'json' }
  | { kind: 'number'; token: string }
  | { kind: 'truncated'; at: number }
  | { kind: 'invalidUtf8'; at: number }
  | { kind: 'bom' }
  | { kind: 'deep'; depth: number }
  | { kind: 'duplicateKey'; queryType: string }
  | { kind: 'trailing'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'random'; bytes: number[] };

/** The bytes of a query: UTF-8 text, or other bytes given base64-encoded. */
export type QueryPayload = { text: string } | { base64: string };

export const queryPayload: fc.Arbitrary<PayloadEncoding> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'json' as const }), weight: 30 },
  {
    arbitrary: fc.record({
      kind: fc.constant('number' as const),
      token: fc.constantFrom(
        '1e999',
        '-1e999',
        '1e-999',
        '-0',
        '0.5',
        '9007199254740993',
        '123456789012345678901234567890'
      ),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('invalidUtf8' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'bom' as const }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.constantFrom(100, 10_000, 200_000) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('duplicateKey' as const),
      queryType: fc.constantFrom('live', 'durations', 'nope'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('trailing' as const), text: fc.constantFrom(' x', '}', ',', '\u0000') }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('literal' as const),
      text: fc.constantFrom('', '   ', 'null', '[]', '"durations"', '42', 'true', '{}', '{"queryType":null}'),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 48 }),
    }),
    weight: 1,
  }
);

export function queryBytes(encoding: PayloadEncoding, value: unknown): QueryPayload {
  const json = JSON.stringify(value) ?? 'null';
  switch (encoding.kind) {
    case 'json':
      return { text: json };
    case 'number': {
      const replaced = json.replace(/(?<=[:[,])-?\d+(\.\d+)?([eE][+-]?\d+)?(?=[,}\]])/, encoding.token);
      return { text: replaced === json ? `{"limit":${encoding.token},${json.slice(1)}` : replaced };
    }
    case 'truncated':
      return { text: json.slice(0, encoding.at % Math.max(1, json.length)) };
    case 'invalidUtf8': {
      const bytes = Buffer.from(json, 'utf8');
      const at = encoding.at % Math.max(1, bytes.length);
      return {
        base64: Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xc3]), bytes.subarray(at)]).toString(
          'base64'
        ),
      };
    }
    case 'bom':
      return { text: `\uFEFF${json}` };
    case 'deep':
      return { text: `${'['.repeat(encoding.depth)}${']'.repeat(encoding.depth)}` };
    case 'duplicateKey':
      // The key given again at the end: JSON.parse keeps the last one.
      return {
        text:
          json.startsWith('{') && json !== '{}' ? `${json.slice(0, -1)},"queryType":"${encoding.queryType}"}` : json,
      };
    case 'trailing':
      return { text: json + encoding.text };
    case 'literal':
      return { text: encoding.text };
    case 'random':
      return { base64: Buffer.from(encoding.bytes).toString('base64') };
  }
}

export function payloadBuffer(payload: QueryPayload): Buffer {
  return 'text' in payload ? Buffer.from(payload.text, 'utf8') : Buffer.from(payload.base64, 'base64');
}

import fc from 'fast-check';

/**
 * Values a query, a setting or a parameter should never hold: wrong types, boundary and fractional
 * numbers, lone surrogates and control characters, injection-looking text, and huge strings and lists.
 */
export const HUGE_STRING_LENGTH = 1 << 20;
/** 1 MiB of a name's own characters: it passes every character check, only a length bound stops it. */
export const HUGE_NAME = 'm'.repeat(HUGE_STRING_LENGTH);
export const HUGE_LIST_LENGTH = 20_000;
export const HUGE_LIST: readonly string[] = Array.from({ length: HUGE_LIST_LENGTH }, (_, i) => (i % 2 ? 'ml' : 'data'));

/** At or above these sizes a value is "huge": no bound a real query needs comes near. */
export const HUGE_STRING_AT = 64 * 1024;
export const HUGE_LIST_AT = 10_000;

export function isHuge(value: unknown): boolean {
  return (
    (typeof value === 'string' && value.length >= HUGE_STRING_AT) ||
    (Array.isArray(value) && value.length >= HUGE_LIST_AT)
  );
}

export const ODD_NUMBERS = [
  0,
  -1,
  0.5,
  -0.5,
  1.5,
  -0,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  5e-324,
  1e21,
];

export const ODD_STRINGS = [
  '',
  ' ',
  '0',
  'true',
  'null',
  'NaN',
  'Infinity',
  '-1',
  '1e999',
  '\uD800',
  'a\uDC00b',
  '\uDFFF\uD800',
  '\u0000',
  'x\u0000y',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n',
  '\u202Eevil',
  '\uFEFF',
  '😀',
  'e\u0301',
  '<script>alert(1)</script>',
  '"quote',
  '\\',
  '%',
  '%E0%A4%A',
  '${__interval}',
  "' OR 1=1 --",
  '*',
  '__proto__',
  'constructor',
  'a'.repeat(300),
];

/** Any odd value, huge ones rarely. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      [],
      {},
      [null],
      [''],
      { '': '' },
      JSON.parse('{"__proto__":{"polluted":true}}')
    ),
    weight: 3,
  },
  { arbitrary: fc.constantFrom(...ODD_NUMBERS), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD_STRINGS), weight: 5 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  {
    arbitrary: fc.constantFrom<unknown>(
      HUGE_NAME,
      'x'.repeat(HUGE_STRING_AT),
      `${'\uD800'.repeat(HUGE_STRING_AT)}`,
      HUGE_LIST
    ),
    weight: 1,
  }
);

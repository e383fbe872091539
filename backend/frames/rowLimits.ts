import type { Notice, NumberField } from './frame';

/** "a, b, c, d, e, and 3 more": the first few names, and how many more. */
export function namedRows(names: string[], most = 5): string {
  return names.slice(0, most).join(', ') + (names.length > most ? `, and ${names.length - most} more` : '');
}

/**
 * The first `limit` rows, and an info notice when rows were cut; `wording` says what was shown
 * (from the limit and the number of rows before the cut) and how to see the rest.
 */
export function limitRows<T>(
  all: readonly T[],
  limit: number,
  wording: (limit: number, total: number) => string
): { rows: T[]; notices: Notice[] } {
  return {
    rows: all.slice(0, limit),
    notices: all.length > limit ? [{ severity: 'info', text: wording(limit, all.length) }] : [],
  };
}

/** A nullable number column in seconds: one value per row. */
export function secondsField<R>(name: string, rows: readonly R[], seconds: (row: R) => number | null): NumberField {
  return { name, type: 'number', nullable: true, config: { unit: 's' }, values: rows.map(seconds) };
}

import { quoteValue } from './validationMessage';

/** What the query model and the resource calls say about input they cannot use (tests import these). */
export const inputMessages = {
  tooLong: (value: string, max: number) => `${quoteValue(value)} is too long: at most ${max} characters`,
  notUnicode: (value: string, index: number) =>
    `${quoteValue(value)} is not valid Unicode (a lone surrogate at character ${index + 1}); type the value again`,
  tooManyValues: (max: number) => `lists too many values: at most ${max}`,
  empty: 'must not be empty',
  notWholeMs: (value: string) => `${quoteValue(value)} is not a whole number of epoch milliseconds`,
  outsideTimes: (value: number) =>
    `${quoteValue(value)} is outside the times this datasource reads (epoch milliseconds from 0, 1970-01-01, to 253402300799999, the end of 9999)`,
  notBeforeTo: (from: number, to: number) => `must be before to (from ${from}, to ${to})`,
  unknownWord: (value: string, words: readonly string[]) => `${quoteValue(value)} is unknown; use ${words.join(' or ')}`,
  notUrl: (value: string) => `${quoteValue(value)} cannot be read as a resource path with parameters; call it as <list>?<name>=<value>&…`,
  notCronName: (value: string) =>
    `${quoteValue(value)} is not a cron workflow name (its runs are found by label, so use letters, digits, -, _ and . only)`,
};

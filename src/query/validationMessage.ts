import type { z } from 'zod';

/** Characters of a value a message quotes; longer values are cut there and their length is given. */
export const QUOTED_CHARACTERS = 60;
/** Problems one message lists; the rest are counted. */
export const LISTED_PROBLEMS = 5;

/**
 * A value as a message quotes it: strings in JSON quotes (so control characters and broken Unicode show
 * as escapes), anything else as JSON; beyond 60 characters, the start, "…" and the full length.
 */
export function quoteValue(value: unknown): string {
  const isString = typeof value === 'string';
  let text: string;
  try {
    text = isString ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  if (text.length <= QUOTED_CHARACTERS) {
    return isString ? JSON.stringify(text) : text;
  }
  // Never cut a surrogate pair in two: the quote would end in broken Unicode.
  const code = text.charCodeAt(QUOTED_CHARACTERS - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? QUOTED_CHARACTERS - 1 : QUOTED_CHARACTERS;
  const head = `${text.slice(0, end)}…`;
  return `${isString ? JSON.stringify(head) : head} (${text.length} characters)`;
}

/** The first items of a list, then how many more there are. */
export function listSome(items: readonly string[], limit = LISTED_PROBLEMS, separator = ', '): string {
  const shown = items.slice(0, limit).join(separator);
  return items.length > limit ? `${shown}${separator}and ${items.length - limit} more` : shown;
}

/** Formats one schema issue as "<field path>: <what is wrong>", the form every user-facing error takes. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') {
      return `${acc}[${part}]`;
    }
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    // zod's own message lists every key in full; a key can be a megabyte long.
    return `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${listSome(issue.keys.map(quoteValue))}`;
  }
  return issue.message;
}

export function describeIssues(error: z.ZodError, prefix = ''): string {
  const problems = error.issues.map((issue) => {
    const path = fieldPath([...(prefix ? [prefix] : []), ...issue.path]);
    const message = issueMessage(issue);
    return path ? `${path}: ${message}` : message;
  });
  return listSome(problems, LISTED_PROBLEMS, '; ');
}

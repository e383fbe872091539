import type { z } from 'zod';

/** Formats one schema issue as "<field path>: <what is wrong>", the form every user-facing error takes. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') {
      return `${acc}[${part}]`;
    }
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const path = fieldPath([...(prefix ? [prefix] : []), ...issue.path]);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

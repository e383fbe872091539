import { z } from 'zod';

import { inputMessages } from './inputMessages';

/**
 * The longest strings and lists the query model and the resource calls accept, so that no value can
 * make a search, a URL or an error message of unbounded size (docs/contracts.md, "Input limits").
 */
export const LIMITS = {
  /** Kubernetes namespaces are DNS labels: at most 63 characters. */
  namespace: 63,
  /** Kubernetes object names (workflows, workflow templates) are DNS subdomains: at most 253. */
  name: 253,
  /** Label values (cron workflow names are matched by label, phases are single words): at most 63. */
  labelValue: 63,
  /** label:<key>, where a label key is a 253-character prefix, "/" and a 63-character name. */
  groupKey: 'label:'.length + 253 + 1 + 63,
  /** Free text: step names (loop items included), ad hoc filter values and regular expressions. */
  text: 1000,
  /** A statistic such as p99.999. */
  stat: 32,
  /** A metric's field path under metrics. (eval.accuracy). */
  metric: 255,
  /** Grafana's query names (A, B, or a name the user gives). */
  refId: 256,
  /** Values in one list: a multi-value variable's "All" sends what a resource list offered (at most 1,000). */
  listValues: 1000,
} as const;

/** Matches a UTF-16 surrogate that is not half of a pair: `u` mode reads pairs as one code point. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why a string cannot be used (too long, or not valid Unicode), or undefined. */
export function textProblem(value: string, max: number): string | undefined {
  if (value.length > max) {
    return inputMessages.tooLong(value, max);
  }
  const lone = LONE_SURROGATE.exec(value);
  return lone ? inputMessages.notUnicode(value, lone.index) : undefined;
}

/** A string of at most `max` characters of valid Unicode; `typeMessage` when it is missing or not a string. */
export function textSchema(max: number, typeMessage?: string) {
  return z.string(typeMessage ? { message: typeMessage } : undefined).superRefine((value, ctx) => {
    const problem = textProblem(value, max);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
}

/** A list of non-empty strings of at most `max` characters, at most LIMITS.listValues of them. */
export function textListSchema(max: number, item = textSchema(max)) {
  return z.array(item.min(1, inputMessages.empty)).max(LIMITS.listValues, inputMessages.tooManyValues(LIMITS.listValues));
}

/**
 * The first string (value or key) in a JSON value that is not valid Unicode, with its field path; for
 * documents checked as a whole (datasource settings). Iterative, so deep nesting cannot overflow the stack.
 */
export function brokenUnicode(value: unknown): { path: Array<string | number>; problem: string } | undefined {
  const pending: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item.value === 'string') {
      const lone = LONE_SURROGATE.exec(item.value);
      if (lone) {
        return { path: item.path, problem: inputMessages.notUnicode(item.value, lone.index) };
      }
    } else if (Array.isArray(item.value)) {
      item.value.forEach((inner, index) => pending.push({ value: inner, path: [...item.path, index] }));
    } else if (item.value && typeof item.value === 'object') {
      for (const [key, inner] of Object.entries(item.value)) {
        const lone = LONE_SURROGATE.exec(key);
        if (lone) {
          return { path: item.path, problem: `key ${inputMessages.notUnicode(key, lone.index)}` };
        }
        pending.push({ value: inner, path: [...item.path, key] });
      }
    }
  }
  return undefined;
}

import { inputMessages } from './inputMessages';
import { LIMITS, textProblem } from './inputLimits';
import { LEVELS, SOURCES, type Level, type Source } from './queryFields';
import { epochMsProblem } from './timeBounds';

/**
 * The parameters of the backend's resource calls (docs/contracts.md, "Resource calls"), read and checked
 * in one place: every problem names its parameter. `key` is checked by the lists that take it.
 */
export interface ResourceParams {
  namespaces: string[];
  /** `workflow=` (repeatable): workflows as people name them (the runs list). */
  workflows: string[];
  fromMs?: number;
  toMs?: number;
  level?: Level;
  source?: Source;
  key?: string;
}

export type ReadParams = { params: ResourceParams } | { error: string };

function epochMs(name: 'from' | 'to', value: string | null): number | { error: string } | undefined {
  if (value === null || value === '') {
    return undefined;
  }
  if (!/^-?\d{1,20}$/.test(value)) {
    return { error: `${name}: ${inputMessages.notWholeMs(value)}` };
  }
  const ms = Number(value);
  const problem = epochMsProblem(ms);
  return problem ? { error: `${name}: ${problem}` } : ms;
}

function word<T extends string>(name: string, value: string | null, words: readonly T[]): T | { error: string } | undefined {
  if (value === null || value === '') {
    return undefined;
  }
  return (words as readonly string[]).includes(value) ? (value as T) : { error: `${name}: ${inputMessages.unknownWord(value, words)}` };
}

const isError = (value: unknown): value is { error: string } => typeof value === 'object' && value !== null;

export function readResourceParams(search: URLSearchParams): ReadParams {
  const namespaces = search.getAll('namespace').filter(Boolean);
  if (namespaces.length > LIMITS.listValues) {
    return { error: `namespace: ${inputMessages.tooManyValues(LIMITS.listValues)}` };
  }
  for (const namespace of namespaces) {
    const problem = textProblem(namespace, LIMITS.namespace);
    if (problem) {
      return { error: `namespace: ${problem}` };
    }
  }
  const workflows = search.getAll('workflow').filter(Boolean);
  if (workflows.length > LIMITS.listValues) {
    return { error: `workflow: ${inputMessages.tooManyValues(LIMITS.listValues)}` };
  }
  for (const workflow of workflows) {
    const problem = textProblem(workflow, LIMITS.name);
    if (problem) {
      return { error: `workflow: ${problem}` };
    }
  }
  const fromMs = epochMs('from', search.get('from'));
  const toMs = epochMs('to', search.get('to'));
  const level = word('level', search.get('level'), LEVELS);
  const source = word('source', search.get('source'), SOURCES);
  for (const value of [fromMs, toMs, level, source]) {
    if (isError(value)) {
      return value;
    }
  }
  const from = fromMs as number | undefined;
  const to = toMs as number | undefined;
  if (from !== undefined && to !== undefined && from >= to) {
    return { error: `from: ${inputMessages.notBeforeTo(from, to)}` };
  }
  const key = search.get('key');
  return {
    params: {
      namespaces,
      workflows,
      fromMs: from,
      toMs: to,
      level: level as Level | undefined,
      source: source as Source | undefined,
      ...(key === null ? {} : { key }),
    },
  };
}

import fc from 'fast-check';

import { isHuge, oddValue } from './oddValues';

/**
 * Mutations of a valid query: a field set to an odd value, a field removed, an unknown field added,
 * the whole query replaced. Each is a plain description applied to a copy, so fast-check can shrink
 * both the query and the list of mutations.
 */
export type Mutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'extra'; at: number; name: string; value: unknown }
  | { op: 'replace'; value: unknown };

type Path = Array<string | number>;

const EXTRA_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'datasource',
  'hide',
  'key',
  'intervalMs',
  'maxDataPoints',
  'refId',
  'x',
  '',
  '\uD800',
  'a.b',
  '$ref',
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: oddValue }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('extra' as const),
      at: fc.nat(),
      name: fc.oneof(fc.constantFrom(...EXTRA_NAMES), fc.string({ maxLength: 8 })),
      value: oddValue,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('replace' as const), value: oddValue }), weight: 1 }
);

/** Every path in a JSON value (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [
    [...prefix, key],
    ...pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
  ]);
}

function objectPaths(value: unknown): Path[] {
  const all: Path[] = [[], ...pathsOf(value)];
  return all.filter((path) => {
    const target = valueAt(value, path);
    return target !== null && typeof target === 'object' && !Array.isArray(target);
  });
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | undefined)?.[key],
    value
  );
}

/** Sets an own property, `__proto__` included (plain assignment would set the prototype instead). */
function defineOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface MutatedQuery {
  value: unknown;
  /** Paths of the valid query that now hold a huge value: the query must be refused. */
  hugeAtKnownField: string[];
}

export function applyMutations(base: Record<string, unknown>, mutations: readonly Mutation[]): MutatedQuery {
  let value: unknown = structuredClone(base);
  for (const m of mutations) {
    // Odd values are shared constants (the huge ones): copies, so that a later mutation never changes them.
    if (m.op === 'replace') {
      value = structuredClone(m.value);
      continue;
    }
    if (m.op === 'extra') {
      const targets = objectPaths(value);
      if (targets.length) {
        defineOwn(
          valueAt(value, targets[m.at % targets.length]) as Record<string, unknown>,
          m.name,
          structuredClone(m.value)
        );
      }
      continue;
    }
    const paths = pathsOf(value);
    if (!paths.length) {
      continue;
    }
    const path = paths[m.at % paths.length];
    const parent = valueAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1];
    if (m.op === 'set') {
      defineOwn(parent, key, structuredClone(m.value));
    } else if (Array.isArray(parent)) {
      parent.splice(key as number, 1);
    } else {
      delete parent[key];
    }
  }
  return { value, hugeAtKnownField: hugeKnownFields(base, value) };
}

/** Paths (of the valid query's own fields, refId aside) whose value is now huge. */
export function hugeKnownFields(base: Record<string, unknown>, value: unknown): string[] {
  const known = new Set(pathsOf(base).map((path) => path.filter((p) => typeof p === 'string').join('.')));
  known.delete('refId');
  const type = value && typeof value === 'object' ? (value as Record<string, unknown>).queryType : undefined;
  if (typeof type === 'string' && type !== base.queryType) {
    // A mutation turned the query into another type: the base's fields may be unknown keys of that type,
    // which the model ignores (Grafana's targets carry keys of their own), so only queryType stays known.
    return isHuge(type) ? ['queryType'] : [];
  }
  return pathsOf(value)
    .filter((path) => isHuge(valueAt(value, path)))
    .map((path) => path.filter((p) => typeof p === 'string').join('.'))
    .filter((path) => known.has(path));
}

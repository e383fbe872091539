import type { RegexpNode } from '../../../src/query/luceneRegexp';

/**
 * Whole-value matching of a parsed Lucene regular expression (src/query/luceneRegexp.ts), for answers
 * built in memory from the Argo Server's lists: the same strings match as in Elasticsearch.
 *
 * Not a JavaScript RegExp: complement and intersection have no exact JavaScript form, and backtracking
 * could take exponential time on a user's pattern. Instead each node yields the set of positions where
 * a match starting at a position can end (memoised), which is exact for every operator and polynomial.
 */
type Ends = number[];

/** Ascending positions present in either list. */
function merge(a: Ends, b: Ends): Ends {
  if (a.length === 0) {
    return b;
  }
  if (b.length === 0) {
    return a;
  }
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function range(from: number, to: number): Ends {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const same = (a: Ends, b: Ends) => a.length === b.length && a.every((x, i) => x === b[i]);

const inRanges = (code: number, ranges: Array<[number, number]>) =>
  ranges.some(([from, to]) => code >= from && code <= to);

function intervalEnds(node: Extract<RegexpNode, { kind: 'interval' }>, codes: number[], start: number): Ends {
  const ends: Ends = [];
  let digits = '';
  for (let at = start; at < codes.length && codes[at] >= 0x30 && codes[at] <= 0x39; at++) {
    digits += String.fromCharCode(codes[at]);
    const significant = digits.replace(/^0+(?=.)/, '');
    const value = significant.length > 10 ? Infinity : Number(significant);
    const length = node.digits > 0 ? digits.length === node.digits : true;
    if (length && value >= node.min && value <= node.max) {
      ends.push(at + 1);
    }
  }
  return ends;
}

/** The ends function over one value's code points. */
function matcherFor(codes: number[]): (node: RegexpNode, start: number) => Ends {
  const n = codes.length;
  const memo = new Map<RegexpNode, Array<Ends | undefined>>();
  const after = (node: RegexpNode, starts: Ends): Ends =>
    starts.reduce<Ends>((all, p) => merge(all, ends(node, p)), []);

  function compute(node: RegexpNode, start: number): Ends {
    switch (node.kind) {
      case 'chars':
        return start < n && inRanges(codes[start], node.ranges) !== node.negated ? [start + 1] : [];
      case 'string':
        return node.codePoints.every((code, i) => codes[start + i] === code) ? [start + node.codePoints.length] : [];
      case 'nothing':
        return [];
      case 'anyString':
        return range(start, n);
      case 'interval':
        return intervalEnds(node, codes, start);
      case 'concat':
        return node.parts.reduce<Ends>((starts, part) => after(part, starts), [start]);
      case 'union':
        return node.parts.reduce<Ends>((all, part) => merge(all, ends(part, start)), []);
      case 'intersection':
        return node.parts.slice(1).reduce(
          (kept, part) => {
            const other = new Set(ends(part, start));
            return kept.filter((p) => other.has(p));
          },
          ends(node.parts[0], start)
        );
      case 'complement': {
        const matched = new Set(ends(node.inner, start));
        return range(start, n).filter((p) => !matched.has(p));
      }
      case 'optional':
        return merge([start], ends(node.inner, start));
      case 'repeat':
        return repeatEnds(node, start);
    }
  }

  /**
   * Ends after k = min..max repetitions. Positions never move back, so the sets after k and k + 1
   * repetitions are equal from k = n + 1 on (or empty sooner): the loop stops there, whatever max is.
   */
  function repeatEnds(node: Extract<RegexpNode, { kind: 'repeat' }>, start: number): Ends {
    let current: Ends = [start];
    let found: Ends = node.min === 0 ? [start] : [];
    for (let k = 1; node.max === undefined || k <= node.max; k++) {
      const next = after(node.inner, current);
      if (k >= node.min || same(next, current)) {
        found = merge(found, next);
      }
      if (next.length === 0 || same(next, current)) {
        break;
      }
      current = next;
    }
    return found;
  }

  function ends(node: RegexpNode, start: number): Ends {
    let byStart = memo.get(node);
    if (!byStart) {
      byStart = new Array<Ends | undefined>(n + 1);
      memo.set(node, byStart);
    }
    return (byStart[start] ??= compute(node, start));
  }
  return ends;
}

/** A test for whole values; results are kept per value, since documents repeat the same few values. */
export function luceneMatcher(root: RegexpNode): (value: string) => boolean {
  const known = new Map<string, boolean>();
  return (value) => {
    let result = known.get(value);
    if (result === undefined) {
      const codes = Array.from(value, (c) => c.codePointAt(0)!);
      result = matcherFor(codes)(root, 0).includes(codes.length);
      if (known.size < 10_000) {
        known.set(value, result);
      }
    }
    return result;
  };
}

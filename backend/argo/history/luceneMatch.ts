import type { RegexpNode } from '../../../src/query/luceneRegexp';

/**
 * Whole-value matching of a parsed Lucene regular expression (src/query/luceneRegexp.ts), for answers
 * built in memory from the Argo Server's lists: the same strings match as in Elasticsearch.
 *
 * Not a JavaScript RegExp: complement and intersection have no exact JavaScript form, and backtracking
 * could take exponential time on a user's pattern. Instead each node yields the set of positions where
 * a match starting at a position can end (memoised), which is exact for every operator and polynomial.
 * Like Lucene's own limit on automata, a pattern that would cost too much work on a value is refused.
 */
type Ends = number[];

/** Set operations on positions 0..n; a mark per position keeps them linear. */
export const MAX_MATCH_WORK = 20_000_000;

export class MatchTooCostly extends Error {}

const inRanges = (code: number, ranges: Array<[number, number]>) =>
  ranges.some(([from, to]) => code >= from && code <= to);

const same = (a: Ends, b: Ends) => a.length === b.length && a.every((x, i) => x === b[i]);

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
  let work = 0;
  const spend = (amount: number) => {
    work += amount;
    if (work > MAX_MATCH_WORK) {
      throw new MatchTooCostly();
    }
  };

  /** The marked positions from `from` on, ascending. */
  function listed(marks: Uint8Array, from: number): Ends {
    spend(n + 1 - from);
    const list: Ends = [];
    for (let p = from; p <= n; p++) {
      if (marks[p]) {
        list.push(p);
      }
    }
    return list;
  }

  function mark(marks: Uint8Array, positions: Ends): void {
    spend(positions.length);
    positions.forEach((p) => (marks[p] = 1));
  }

  /** Where `node` ends when started at any of `starts` (ascending). */
  function after(node: RegexpNode, starts: Ends): Ends {
    if (starts.length <= 1) {
      return starts.length === 0 ? [] : ends(node, starts[0]);
    }
    const marks = new Uint8Array(n + 1);
    starts.forEach((p) => mark(marks, ends(node, p)));
    return listed(marks, starts[0]);
  }

  function compute(node: RegexpNode, start: number): Ends {
    switch (node.kind) {
      case 'chars':
        return start < n && inRanges(codes[start], node.ranges) !== node.negated ? [start + 1] : [];
      case 'string':
        return node.codePoints.every((code, i) => codes[start + i] === code) ? [start + node.codePoints.length] : [];
      case 'nothing':
        return [];
      case 'anyString':
        spend(n + 1 - start);
        return Array.from({ length: n + 1 - start }, (_, i) => start + i);
      case 'interval':
        return intervalEnds(node, codes, start);
      case 'concat':
        return node.parts.reduce<Ends>((starts, part) => after(part, starts), [start]);
      case 'union': {
        const marks = new Uint8Array(n + 1);
        node.parts.forEach((part) => mark(marks, ends(part, start)));
        return listed(marks, start);
      }
      case 'intersection':
        return node.parts.slice(1).reduce(
          (kept, part) => {
            const other = new Set(ends(part, start));
            spend(kept.length + other.size);
            return kept.filter((p) => other.has(p));
          },
          ends(node.parts[0], start)
        );
      case 'complement': {
        const matched = new Uint8Array(n + 1);
        mark(matched, ends(node.inner, start));
        return listed(
          matched.map((m) => 1 - m),
          start
        );
      }
      case 'optional': {
        const inner = ends(node.inner, start);
        return inner[0] === start ? inner : [start, ...inner];
      }
      case 'repeat':
        return node.max === undefined ? openRepeat(node, start) : boundedRepeat(node, node.max, start);
    }
  }

  /**
   * The ends after exactly k repetitions, for k = 1, 2, ...: positions never move back, so from
   * k = n + 1 on (or sooner) one more repetition changes nothing, or nothing is left.
   */
  function* repetitions(inner: RegexpNode, start: number): Generator<Ends> {
    let current: Ends = [start];
    for (;;) {
      const next = after(inner, current);
      yield next;
      if (next.length === 0 || same(next, current)) {
        return;
      }
      current = next;
    }
  }

  /** {min,}: the ends after min repetitions, then every end one more repetition reaches (breadth first). */
  function openRepeat(node: Extract<RegexpNode, { kind: 'repeat' }>, start: number): Ends {
    let reached: Ends = [start];
    let k = 0;
    for (const set of node.min === 0 ? [] : repetitions(node.inner, start)) {
      reached = set;
      if (++k === node.min) {
        break;
      }
    }
    const marks = new Uint8Array(n + 1);
    mark(marks, reached);
    const queue = [...reached];
    for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
      for (const end of ends(node.inner, p)) {
        spend(1);
        if (!marks[end]) {
          marks[end] = 1;
          queue.push(end);
        }
      }
    }
    return reached.length === 0 ? [] : listed(marks, start);
  }

  /** {min,max}: the union of the ends after min..max repetitions. */
  function boundedRepeat(node: Extract<RegexpNode, { kind: 'repeat' }>, max: number, start: number): Ends {
    const marks = new Uint8Array(n + 1);
    if (node.min === 0) {
      marks[start] = 1;
    }
    let k = 0;
    let last: Ends = [start];
    for (const set of max === 0 ? [] : repetitions(node.inner, start)) {
      k++;
      last = set;
      if (k >= node.min) {
        mark(marks, set);
      }
      if (k === max) {
        break;
      }
    }
    // Stopped before min: the sets stay as they are from here on, so min repetitions end where the last did.
    if (k < node.min) {
      mark(marks, last);
    }
    return listed(marks, start);
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

/**
 * A test for whole values; results are kept per value, since documents repeat the same few values.
 * Throws MatchTooCostly for a value on which the pattern would cost more than MAX_MATCH_WORK.
 */
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

/**
 * Regular expressions as Elasticsearch 8 reads them in a `regexp` query and a terms aggregation's
 * `include`: Lucene 9's RegExp syntax with every optional operator on (`&` intersection, `~` complement,
 * `#` nothing, `@` any string, `<n-m>` numbers) and no named automata. A pattern always matches the whole
 * value. This parser follows Lucene's grammar step for step, so it accepts and refuses the same patterns
 * and words its refusals (and positions, in UTF-16 units) as Elasticsearch does.
 */
export type RegexpNode =
  | { kind: 'union' | 'intersection' | 'concat'; parts: RegexpNode[] }
  | { kind: 'optional' | 'complement'; inner: RegexpNode }
  /** max undefined: no upper bound. */
  | { kind: 'repeat'; inner: RegexpNode; min: number; max?: number }
  /** One code point that is (or with negated, is not) in one of the ranges. */
  | { kind: 'chars'; ranges: Array<[number, number]>; negated: boolean }
  | { kind: 'string'; codePoints: number[] }
  /** `#`: no string at all. */
  | { kind: 'nothing' }
  /** `@`: any string. */
  | { kind: 'anyString' }
  /** `<n-m>`: decimal numbers n..m; with digits > 0 exactly that many digits, else any leading zeros. */
  | { kind: 'interval'; min: number; max: number; digits: number };

/** Why Lucene refuses a pattern: its own words (as Elasticsearch repeats them) and what kind of mistake it is. */
export interface RegexpProblem {
  reason: string;
  kind: RegexpMistake;
}
export type RegexpMistake =
  'unclosed' | 'unexpectedEnd' | 'strayClose' | 'repetition' | 'escape' | 'range' | 'interval' | 'namedAutomaton';

class Refused extends Error {
  constructor(
    readonly reason: string,
    readonly kind: RegexpMistake
  ) {
    super(reason);
  }
}

const ANY_CODE_POINT: Array<[number, number]> = [[0, 0x10ffff]];
const DIGIT: Array<[number, number]> = [[0x30, 0x39]];
const SPACE: Array<[number, number]> = [
  [0x20, 0x20],
  [0x09, 0x0a],
  [0x0d, 0x0d],
];
const WORD: Array<[number, number]> = [
  [0x61, 0x7a],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x30, 0x39],
];
const PREDEFINED: Record<string, { ranges: Array<[number, number]>; negated: boolean }> = {
  d: { ranges: DIGIT, negated: false },
  D: { ranges: DIGIT, negated: true },
  s: { ranges: SPACE, negated: false },
  S: { ranges: SPACE, negated: true },
  w: { ranges: WORD, negated: false },
  W: { ranges: WORD, negated: true },
};
/** Letters that are an error after a backslash (every letter but d, s and w, either case). */
const NOT_A_CLASS = 'abcefghijklmnopqrtuvxyzABCEFGHIJKLMNOPQRTUVXYZ';
const INT_MAX = 2_147_483_647;

/** Java's Integer.parseInt on what Lucene reads: a sign, then digits of any script (one UTF-16 unit each). */
function javaInt(text: string): number | undefined {
  const body = text.startsWith('+') || text.startsWith('-') ? text.slice(1) : text;
  if (body === '' || [...body].some((unit) => unit.length !== 1 || !/\p{Nd}/u.test(unit))) {
    return undefined;
  }
  let value = 0;
  for (const unit of body) {
    value = value * 10 + digitValue(unit.charCodeAt(0));
    if (value > INT_MAX + 1) {
      return undefined;
    }
  }
  const signed = text.startsWith('-') ? -value : value;
  return signed > INT_MAX || signed < -INT_MAX - 1 ? undefined : signed;
}

/** Unicode encodes every script's decimal digits as runs of ten, zero first. */
function digitValue(code: number): number {
  let zero = code;
  while (zero > 0 && /\p{Nd}/u.test(String.fromCharCode(zero - 1))) {
    zero--;
  }
  return (code - zero) % 10;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): RegexpNode {
    if (this.text === '') {
      return { kind: 'string', codePoints: [] };
    }
    const node = this.union();
    if (this.more()) {
      throw new Refused(`end-of-string expected at position ${this.pos}`, 'strayClose');
    }
    return node;
  }

  private more = () => this.pos < this.text.length;
  private peek = (chars: string) =>
    this.more() && chars.includes(String.fromCodePoint(this.text.codePointAt(this.pos)!));

  private match(char: string): boolean {
    if (this.more() && this.text.codePointAt(this.pos) === char.codePointAt(0)) {
      this.pos += char.length;
      return true;
    }
    return false;
  }

  private next(): number {
    if (!this.more()) {
      throw new Refused('unexpected end-of-string', 'unexpectedEnd');
    }
    const code = this.text.codePointAt(this.pos)!;
    this.pos += code > 0xffff ? 2 : 1;
    return code;
  }

  // Lucene's grammar is right-recursive; loops build the same trees without deep recursion.
  private union(): RegexpNode {
    const parts = [this.intersection()];
    while (this.match('|')) {
      parts.push(this.intersection());
    }
    return parts.length === 1 ? parts[0] : { kind: 'union', parts };
  }

  private intersection(): RegexpNode {
    const parts = [this.concat()];
    while (this.match('&')) {
      parts.push(this.concat());
    }
    return parts.length === 1 ? parts[0] : { kind: 'intersection', parts };
  }

  private concat(): RegexpNode {
    const parts = [this.repeat()];
    while (this.more() && !this.peek(')|&')) {
      parts.push(this.repeat());
    }
    return parts.length === 1 ? parts[0] : { kind: 'concat', parts };
  }

  private repeat(): RegexpNode {
    let node = this.complement();
    while (this.peek('?*+{')) {
      if (this.match('?')) {
        node = { kind: 'optional', inner: node };
      } else if (this.match('*')) {
        node = { kind: 'repeat', inner: node, min: 0 };
      } else if (this.match('+')) {
        node = { kind: 'repeat', inner: node, min: 1 };
      } else if (this.match('{')) {
        const min = this.count(true)!;
        const max = this.match(',') ? this.count(false) : min;
        if (!this.match('}')) {
          throw new Refused(`expected '}' at position ${this.pos}`, 'repetition');
        }
        if (max !== undefined && min > max) {
          throw new Refused(`invalid repetition range(out of order): ${min}..${max}`, 'repetition');
        }
        node = { kind: 'repeat', inner: node, min, max };
      }
    }
    return node;
  }

  /** The ASCII digits of a repetition; required for the first number, optional after the comma. */
  private count(required: boolean): number | undefined {
    const start = this.pos;
    while (this.peek('0123456789')) {
      this.next();
    }
    if (start === this.pos) {
      if (required) {
        throw new Refused(`integer expected at position ${this.pos}`, 'repetition');
      }
      return undefined;
    }
    const digits = this.text.slice(start, this.pos);
    const value = javaInt(digits);
    if (value === undefined) {
      throw new Refused(`For input string: "${digits}"`, 'repetition');
    }
    return value;
  }

  private complement(): RegexpNode {
    return this.match('~') ? { kind: 'complement', inner: this.complement() } : this.charClass();
  }

  private charClass(): RegexpNode {
    if (!this.match('[')) {
      return this.simple();
    }
    const negated = this.match('^');
    const items = [this.classItem()];
    while (this.more() && !this.peek(']')) {
      items.push(this.classItem());
    }
    if (!this.match(']')) {
      throw new Refused(`expected ']' at position ${this.pos}`, 'unclosed');
    }
    const plain = items.every((item) => item.kind === 'chars' && !item.negated);
    if (plain) {
      return { kind: 'chars', ranges: items.flatMap((item) => (item.kind === 'chars' ? item.ranges : [])), negated };
    }
    // With \D, \S or \W among the items: Lucene's own construction, one code point outside their union.
    const union: RegexpNode = items.length === 1 ? items[0] : { kind: 'union', parts: items };
    if (!negated) {
      return union;
    }
    return {
      kind: 'intersection',
      parts: [
        { kind: 'chars', ranges: ANY_CODE_POINT, negated: false },
        { kind: 'complement', inner: union },
      ],
    };
  }

  private classItem(): RegexpNode {
    const predefined = this.predefined();
    if (predefined) {
      return predefined;
    }
    const from = this.charExp();
    if (!this.match('-')) {
      return { kind: 'chars', ranges: [[from, from]], negated: false };
    }
    const to = this.charExp();
    if (from > to) {
      throw new Refused(`invalid range: from (${from}) cannot be > to (${to})`, 'range');
    }
    return { kind: 'chars', ranges: [[from, to]], negated: false };
  }

  /** After a backslash: \d \D \s \S \w \W, or \\; other letters are errors. The backslash stays read. */
  private predefined(): RegexpNode | undefined {
    if (!this.match('\\')) {
      return undefined;
    }
    if (this.peek('dDsSwW')) {
      const { ranges, negated } = PREDEFINED[String.fromCodePoint(this.next())];
      return { kind: 'chars', ranges, negated };
    }
    if (this.peek('\\')) {
      const code = this.next();
      return { kind: 'chars', ranges: [[code, code]], negated: false };
    }
    if (this.peek(NOT_A_CLASS)) {
      throw new Refused(`invalid character class \\${this.next()}`, 'escape');
    }
    return undefined;
  }

  private charExp(): number {
    this.match('\\');
    return this.next();
  }

  private simple(): RegexpNode {
    if (this.match('.')) {
      return { kind: 'chars', ranges: ANY_CODE_POINT, negated: false };
    }
    if (this.match('#')) {
      return { kind: 'nothing' };
    }
    if (this.match('@')) {
      return { kind: 'anyString' };
    }
    if (this.match('"')) {
      const start = this.pos;
      while (this.more() && !this.peek('"')) {
        this.next();
      }
      if (!this.match('"')) {
        throw new Refused(`expected '"' at position ${this.pos}`, 'unclosed');
      }
      return { kind: 'string', codePoints: [...this.text.slice(start, this.pos - 1)].map((c) => c.codePointAt(0)!) };
    }
    if (this.match('(')) {
      if (this.match(')')) {
        return { kind: 'string', codePoints: [] };
      }
      const inner = this.union();
      if (!this.match(')')) {
        throw new Refused(`expected ')' at position ${this.pos}`, 'unclosed');
      }
      return inner;
    }
    if (this.match('<')) {
      return this.angle();
    }
    const predefined = this.predefined();
    if (predefined) {
      return predefined;
    }
    const code = this.charExp();
    return { kind: 'chars', ranges: [[code, code]], negated: false };
  }

  /** `<n-m>`, a numeric interval; `<name>` names an automaton, which Elasticsearch never has. */
  private angle(): RegexpNode {
    const start = this.pos;
    while (this.more() && !this.peek('>')) {
      this.next();
    }
    if (!this.match('>')) {
      throw new Refused(`expected '>' at position ${this.pos}`, 'unclosed');
    }
    const inside = this.text.slice(start, this.pos - 1);
    const dash = inside.indexOf('-');
    if (dash === -1) {
      throw new Refused(`'${inside}' not found`, 'namedAutomaton');
    }
    const low = inside.slice(0, dash);
    const high = inside.slice(dash + 1);
    const min = javaInt(low);
    const max = javaInt(high);
    if (
      dash === 0 ||
      dash === inside.length - 1 ||
      dash !== inside.lastIndexOf('-') ||
      min === undefined ||
      max === undefined
    ) {
      throw new Refused(`interval syntax error at position ${this.pos - 1}`, 'interval');
    }
    const digits = low.length === high.length ? low.length : 0;
    return { kind: 'interval', min: Math.min(min, max), max: Math.max(min, max), digits };
  }
}

/** The pattern's syntax tree, or why Elasticsearch would refuse it. */
export function parseLuceneRegexp(pattern: string): { node: RegexpNode } | { problem: RegexpProblem } {
  try {
    return { node: new Parser(pattern).parse() };
  } catch (error) {
    if (error instanceof Refused) {
      return { problem: { reason: error.reason, kind: error.kind } };
    }
    throw error;
  }
}

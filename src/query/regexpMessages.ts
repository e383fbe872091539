import type { RegexpMistake } from './luceneRegexp';
import { quoteValue } from './validationMessage';

/** What the datasource says about an ad hoc filter's regular expression (tests import these). */
export interface RegexpFilter {
  key: string;
  operator: string;
  value: string;
}

const RESERVED = '. ? + * | { } [ ] ( ) " \\ # @ & < > ~';

const FIXES: Record<RegexpMistake, string> = {
  unclosed: 'close every ( [ " and < it opens, or write \\( \\[ \\" \\< for the character itself',
  unexpectedEnd:
    'it ends too early (after |, & or \\, or inside a group): complete it, or write \\| \\& \\\\ for the character itself',
  strayClose: 'remove the ) that closes nothing, or write \\) for the character itself',
  repetition:
    'write repetitions as {n}, {n,} or {n,m} with n ≤ m (at most 2147483647), or \\{ for the character itself',
  escape: 'only \\d \\D \\s \\S \\w \\W are character classes; drop the backslash before a letter',
  range: 'write ranges low to high, as in [a-z], and \\- for a dash itself',
  interval: 'write a number range as <n-m> with whole numbers, as in <1-10>, or \\< for the character itself',
  namedAutomaton:
    'Elasticsearch has no named expressions: write <n-m> for a number range, or \\< for the character itself',
};

/** The key as written when short, else shortened like a quoted value (a key may be anything a dashboard sends). */
const keyOf = (key: string) => (quoteValue(key) === JSON.stringify(key) ? key : quoteValue(key));
const named = (filter: RegexpFilter) => `${keyOf(filter.key)} ${filter.operator} ${quoteValue(filter.value)}`;

export const regexpMessages = {
  /** The reserved characters and the whole-value rule, for the editor's help text too. */
  syntax: `regular expressions use Elasticsearch's Lucene syntax and match the whole value; ${RESERVED} are operators (write \\ before one to match it)`,
  invalid: (filter: RegexpFilter, reason: string, kind: RegexpMistake) =>
    `${named(filter)} is not a regular expression Elasticsearch accepts (${reason}); ${FIXES[kind]}`,
  /** Source argo matches in memory; like Lucene's automaton limit, a pattern too costly on a value is refused. */
  tooCostly: (filter: RegexpFilter, length: number) =>
    `${named(filter)} would take too long to match against a value of ${length} characters from the Argo Server; ` +
    'use fewer nested repetitions (* + {n,}) and @, or use source elasticsearch',
  /** How a refusal names what was refused: the filter, or the pattern alone where the filter is not known. */
  subject: (filter: RegexpFilter | string) =>
    typeof filter === 'string' ? `the regular expression ${quoteValue(filter)}` : named(filter),
  /** Elasticsearch refused a pattern that parses: too complex, or a rule this datasource does not know. */
  refused: (subject: string, reason: string, tooComplex: boolean) =>
    tooComplex
      ? `${subject} is too complex for Elasticsearch (${reason}); use smaller repetition counts ({n,m}) or split it into several filters`
      : `Elasticsearch refused ${subject} (${reason}); ${regexpMessages.syntax}`,
};

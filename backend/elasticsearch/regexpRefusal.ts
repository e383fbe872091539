import { parseLuceneRegexp } from '../../src/query/luceneRegexp';
import { regexpMessages } from '../../src/query/regexpMessages';
import { RegexpRefused } from '../errors/regexpRefused';
import { maskSecrets } from '../net/masker';
import { causes, type ElasticsearchErrorContext } from './elasticsearchErrors';

/**
 * Tells an Elasticsearch refusal of a search's regular expression from other failures. The query
 * model checks the syntax first (luceneRegexp.ts), so what arrives here is mostly a pattern too complex
 * for Lucene's automaton (400 from a regexp query, 500 from a terms include), or a cluster whose
 * regex rules differ (a lower index.max_regex_length, another Lucene version).
 */
const LUCENE_REFUSAL =
  /^(unexpected end-of-string|end-of-string expected at position|expected '.' at position|integer expected at position|invalid repetition range|invalid character class|invalid range: from|interval syntax error|illegal identifier at position|'.*' not found$|For input string: |Determinizing |The length of regex \[)/;
const TOO_COMPLEX = /^Determinizing (.*) would require more than \d+ effort\.?$/s;

/** The values of every regexp clause of a search body (ad hoc =~ and !~ filters). */
export function regexpPatterns(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((child) => regexpPatterns(child, found));
  } else if (node && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      if (key === 'regexp' && child && typeof child === 'object') {
        const spec = Object.values(child)[0] as { value?: unknown } | undefined;
        if (typeof spec?.value === 'string') {
          found.push(spec.value);
        }
      } else {
        regexpPatterns(child, found);
      }
    }
  }
  return found;
}

const withoutPrefix = (reason: string) => reason.replace(/^failed to create query: /, '');

/** A RegexpRefused for an error answer that refuses one of `patterns`, or undefined for any other failure. */
export function regexpRefusal(
  error: unknown,
  patterns: string[],
  ctx: ElasticsearchErrorContext
): RegexpRefused | undefined {
  const body =
    (error as { name?: unknown; body?: unknown })?.name === 'ResponseError'
      ? (error as { body: unknown }).body
      : undefined;
  if (patterns.length === 0 || body === undefined) {
    return undefined;
  }
  const said = causes(body)
    .map((cause) => (typeof cause.reason === 'string' ? withoutPrefix(cause.reason) : ''))
    .find((reason) => LUCENE_REFUSAL.test(reason));
  if (said === undefined) {
    return undefined;
  }
  const complex = TOO_COMPLEX.exec(said);
  const pattern =
    patterns.find((p) => p === complex?.[1]) ??
    patterns.find((p) => 'problem' in parseLuceneRegexp(p)) ??
    (patterns.length === 1 ? patterns[0] : undefined);
  // The message quotes the pattern (shortened) itself; the reason need not repeat it in full.
  const reason = maskSecrets(pattern ? said.split(pattern).join('it') : said, ctx.secrets).slice(0, 200);
  const subject = regexpMessages.subject(pattern ?? patterns.join(' | '));
  return new RegexpRefused(
    regexpMessages.refused(subject, reason, complex !== null),
    reason,
    complex !== null,
    pattern
  );
}

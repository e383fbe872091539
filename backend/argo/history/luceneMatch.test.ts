import { parseLuceneRegexp } from '../../../src/query/luceneRegexp';
import { QueryError } from '../../errors/queryError';
import { matchesFilters, type RunDocument } from './documentKeys';
import { luceneMatcher } from './luceneMatch';

/**
 * The in-memory matcher of the Argo path. Its agreement with Elasticsearch is proven against the real
 * node (queries/regexpEquivalence.integration.test.ts); here: user patterns cannot stall the backend.
 */
function matcher(pattern: string) {
  const parsed = parseLuceneRegexp(pattern);
  if ('problem' in parsed) {
    throw new Error(parsed.problem.reason);
  }
  return luceneMatcher(parsed.node);
}

describe('the Lucene matcher', () => {
  it('takes polynomial time on patterns that make a backtracking engine take exponential time', () => {
    // A backtracking RegExp tries 2^n ways to split the a's before failing; n = 30 takes seconds there.
    const value = `${'a'.repeat(1000)}!`;
    const started = performance.now();
    for (const pattern of ['(a*)*b', '(a|aa)+b', '(a+)+', '~((a*)*b)&(a|aa)+', '@a@a@a@b']) {
      expect(matcher(pattern)(value)).toBe(false);
    }
    expect(matcher('(a|aa)+!')(value)).toBe(true);
    // Generous for a loaded machine: each pattern takes milliseconds here.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops repeating once another repetition changes nothing, whatever the count asked', () => {
    expect(matcher('(a?){2147483647}')('aaa')).toBe(true);
    expect(matcher('a{1000000,}')('aaa')).toBe(false);
    expect(matcher('(a|()){3,5}')('a')).toBe(true);
  });
});

describe('a pattern too costly on a value', () => {
  it('is refused with a 400 that names the filter, in bounded time', () => {
    const doc = {
      doc_kind: 'workflow',
      '@timestamp': '2026-01-01T00:00:00Z',
      phase: 'Succeeded',
      namespace: 'argo',
      workflow: { name: 'w', uid: 'u' },
      labels: { blob: `${'a'.repeat(1500)}!` },
    };
    const filter = { key: 'label:blob', operator: '=~', value: '@(a*)*b' } as const;
    const started = performance.now();
    expect(() => matchesFilters(doc as unknown as RunDocument, { adhoc: [filter] }, 'workflow')).toThrow(QueryError);
    expect(() => matchesFilters(doc as unknown as RunDocument, { adhoc: [filter] }, 'workflow')).toThrow(
      'filters.adhoc: label:blob =~ "@(a*)*b" would take too long to match against a value of 1501 characters from the Argo Server'
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

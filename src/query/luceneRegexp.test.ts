import { parseQuery } from './parseQuery';

/**
 * The query model checks ad hoc regular expressions by Lucene's rules, so the editor and the backend
 * refuse the same patterns with the same words (the words are compared with the real node's in
 * backend/queries/regexpErrors.integration.test.ts).
 */
const withFilter = (filter: object) => parseQuery({ refId: 'A', queryType: 'durations', filters: { adhoc: [filter] } });

describe('regular expressions in ad hoc filters', () => {
  it('name the filter, Lucene’s reason and what to fix', () => {
    expect(withFilter({ key: 'label:team', operator: '=~', value: '(abc' })).toEqual({
      error:
        'filters.adhoc[0].value: label:team =~ "(abc" is not a regular expression Elasticsearch accepts (expected \')\' at position 4); ' +
        'close every ( [ " and < it opens, or write \\( \\[ \\" \\< for the character itself',
    });
  });

  it('quote a long pattern shortened, with its length', () => {
    const value = `${'x'.repeat(100)}[`;
    const parsed = withFilter({ key: 'workflow', operator: '!~', value });
    expect('error' in parsed && parsed.error).toContain(`workflow !~ "${'x'.repeat(60)}…" (101 characters) is not a regular expression`);
  });

  it('accept Lucene’s own operators, and leave other operators’ values alone', () => {
    for (const value of ['~a', 'a&b', '<1-3>', '@', '#', '"a|b"', '']) {
      expect(withFilter({ key: 'workflow', operator: '=~', value })).not.toHaveProperty('error');
    }
    expect(withFilter({ key: 'workflow', operator: '=', value: '(' })).not.toHaveProperty('error');
  });
});

describe('regexp messages about huge filters', () => {
  it('quote a megabyte key shortened', () => {
    const parsed = parseQuery({
      refId: 'A',
      queryType: 'durations',
      filters: { adhoc: [{ key: 'm'.repeat(1_048_576), operator: '=~', value: '[a-' }] },
    });
    expect('error' in parsed && parsed.error.length).toBeLessThan(2000);
  });
});

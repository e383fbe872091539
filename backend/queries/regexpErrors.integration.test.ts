import { Client, type errors } from '@elastic/elasticsearch';

import { parseLuceneRegexp } from '../../src/query/luceneRegexp';
import { queryData } from '../handlers/queryData';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * A regular expression Elasticsearch cannot use answers 400 naming the ad hoc filter (place, key,
 * operator, value) and what to fix, on keyword fields and labels alike. The syntax is checked up
 * front by the query model, by Lucene's rules: its refusals are compared with the real node's. What
 * only Elasticsearch can tell (a pattern too complex for its automaton) is reworded from its answer.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 6, 1);
const TO = FROM + 24 * HOUR;
const index = `argoperf-regexerr-${Date.now()}`;

withHistoryIndex(index, () => generateHistory(FROM, TO));

const INVALID = [
  '(',
  'a(',
  '(abc',
  'a)',
  'a|',
  'x&',
  '~',
  '\\',
  '\\q',
  '[]',
  '[a-]',
  '[^',
  '"abc',
  'a{',
  'a{2',
  'a{,3}',
  'a{3,1}',
  'a{99999999999}',
  '<1-3',
  '<foo>',
  '<-1-3>',
  '<1-2-3>',
  '<a-b>',
  '<1-99999999999>',
  '(a|)',
];

/** The node's own reason for refusing a pattern in a regexp query on a keyword field. */
async function nodeReason(client: Client, pattern: string): Promise<string> {
  try {
    await client.search({ index, size: 0, query: { regexp: { 'workflow.template': { value: pattern } } } });
  } catch (error) {
    const body = (error as errors.ResponseError).meta.body as { error: { root_cause: Array<{ reason: string }> } };
    return body.error.root_cause[0].reason.replace(/^failed to create query: /, '');
  }
  throw new Error(`the node accepted ${pattern}`);
}

async function answer(source: 'elasticsearch' | 'argo', adhoc: object[]) {
  const settings =
    source === 'argo' ? { argo: { url: 'http://127.0.0.1:9' } } : { elasticsearch: { url: elasticsearchUrl(), index } };
  const response = await queryData(
    {
      pluginContext: pluginContext(settings),
      headers: {},
      queries: [
        dataQuery(
          'A',
          { queryType: 'durations', source, stats: ['count'], filters: { adhoc } },
          { fromEpochMS: FROM, toEpochMS: TO }
        ),
      ],
    },
    new AbortController().signal
  );
  return response.responses.A;
}

describe('invalid regular expressions in ad hoc filters', () => {
  it('are refused up front by the same rules and with the same words as the real node', async () => {
    const client = new Client({ node: elasticsearchUrl() });
    try {
      for (const pattern of INVALID) {
        const parsed = parseLuceneRegexp(pattern);
        expect({ pattern, reason: 'problem' in parsed ? parsed.problem.reason : 'accepted' }).toEqual({
          pattern,
          reason: await nodeReason(client, pattern),
        });
      }
    } finally {
      await client.close();
    }
  });

  it.each([
    ['elasticsearch', 'label:team'],
    ['elasticsearch', 'workflow'],
    ['argo', 'label:team'],
  ] as const)('answer 400 naming the filter and what to fix (source %s, key %s)', async (source, key) => {
    const result = await answer(source, [
      { key: 'namespace', operator: '=', value: 'ml' },
      { key, operator: '!~', value: '(abc' },
    ]);
    expect(result.status).toBe(400);
    expect(result.error).toContain(`filters.adhoc[1].value: ${key} !~ "(abc"`);
    expect(result.error).toContain("expected ')' at position 4");
    expect(result.error).toContain('close every (');
  });
});

describe('a regular expression too complex for Elasticsearch', () => {
  it.each(['workflow', 'label:team'])('answers 400 naming the filter (key %s)', async (key) => {
    const result = await answer('elasticsearch', [{ key, operator: '=~', value: '.{10001}' }]);
    expect(result.status).toBe(400);
    expect(result.error).toContain(`filters.adhoc[0].value: ${key} =~ ".{10001}" is too complex for Elasticsearch`);
    expect(result.error).toContain('would require more than 10001 effort');
    expect(result.error).toContain('use smaller repetition counts');
  });
});

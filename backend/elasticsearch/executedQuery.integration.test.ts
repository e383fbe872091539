import { queryData } from '../handlers/queryData';
import { EXECUTED_LABELS } from '../queries/searchReport';
import { decodeSeries } from '../test/decodeFrames';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * The query inspector's text (executedQueryString) shows the searches as they were sent: a label
 * regular expression is answered by a listing search and a search with `terms` on the values found,
 * and both are shown, labelled, instead of the regexp clause Elasticsearch never received.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 5, 1);
const TO = FROM + 2 * 24 * HOUR;
const index = `argoperf-executed-${Date.now()}`;
let docs: HistoryDoc[];

withHistoryIndex(index, () => (docs = generateHistory(FROM, TO)));

async function executed(adhoc: object[]): Promise<string> {
  const response = await queryData(
    {
      pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index } }),
      headers: {},
      queries: [
        {
          ...dataQuery(
            'A',
            { queryType: 'durations', stats: ['count'], groupBy: [], filters: { adhoc } },
            { fromEpochMS: FROM, toEpochMS: TO }
          ),
          intervalMS: HOUR,
        },
      ],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  if (answer.error) {
    throw new Error(answer.error);
  }
  return decodeSeries(answer.frames![0]).meta!.executedQueryString as string;
}

const contains = (node: unknown, key: string): boolean =>
  !!node && typeof node === 'object' && Object.entries(node).some(([k, child]) => k === key || contains(child, key));

describe('the executed query text', () => {
  it('shows the listing search and the search as sent for a label regular expression', async () => {
    const teams = [
      ...new Set(docs.map((d) => d.labels.team).filter((team) => team !== undefined && /^vis.*$/.test(team))),
    ].sort();
    expect(teams.length).toBeGreaterThan(0);
    const lines = (await executed([{ key: 'label:team', operator: '=~', value: 'vis.*' }])).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(EXECUTED_LABELS.listing);
    expect(JSON.parse(lines[1]).aggs.p0.terms).toMatchObject({ field: 'labels.team', include: 'vis.*' });
    expect(lines[2]).toBe(EXECUTED_LABELS.search);
    const sent = JSON.parse(lines[3]);
    expect(contains(sent, 'regexp')).toBe(false);
    expect(JSON.stringify(sent)).toContain(JSON.stringify({ terms: { 'labels.team': teams } }));
  });

  it('is the search itself when nothing was rewritten (a regexp on a keyword field is sent as it is)', async () => {
    const text = await executed([{ key: 'workflow', operator: '=~', value: 'nightly-.*' }]);
    const sent = JSON.parse(text);
    expect(JSON.stringify(sent)).toContain(
      JSON.stringify({ regexp: { 'workflow.template': { value: 'nightly-.*' } } })
    );
  });
});

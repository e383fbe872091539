import type { Client } from '@elastic/elasticsearch';

import { queryData } from '../handlers/queryData';
import { decodeSeries, decodeTable } from '../test/decodeFrames';
import { createHistoryIndex, elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { MAX_PATTERN_VALUES } from './labelPatterns';

/**
 * `=~` and `!~` on labels (a `flattened` field, on which Elasticsearch refuses `regexp`) against the
 * real node. Expected counts come from the generated documents with JavaScript regular expressions
 * (for patterns that mean the same in both syntaxes), and, for Lucene-only syntax, from the same
 * pattern on a keyword field that holds the same values.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 2 * 24 * HOUR;
const index = `argoperf-labelregex-${Date.now()}`;

let docs: HistoryDoc[];

/** Every document gets its run uid as label `run`; all but namespace data's get `pipeline` = the workflow. */
function history(): HistoryDoc[] {
  return generateHistory(FROM, TO).map((doc) => ({
    ...doc,
    labels: { ...doc.labels, run: doc.workflow.uid, ...(doc.namespace === 'data' ? {} : { pipeline: doc.workflow.template! }) },
  }));
}

withHistoryIndex(index, () => (docs = history()));

async function answer(indexName: string, adhoc: object[], level: 'workflow' | 'node') {
  const response = await queryData(
    {
      pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index: indexName } }),
      headers: {},
      queries: [
        {
          ...dataQuery('A', { queryType: 'durations', level, stats: ['count'], groupBy: [], filters: { adhoc } }, { fromEpochMS: FROM, toEpochMS: TO }),
          intervalMS: 24 * HOUR,
        },
      ],
    },
    new AbortController().signal
  );
  return response.responses.A;
}

async function count(adhoc: object[], level: 'workflow' | 'node' = 'workflow') {
  const result = await answer(index, adhoc, level);
  if (result.error) {
    throw new Error(result.error);
  }
  const frames = (result.frames ?? []).map(decodeSeries);
  return frames.reduce((sum, frame) => sum + frame.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0);
}

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const runs = (keep: (doc: HistoryDoc) => boolean, kind: 'workflow' | 'node' = 'workflow') =>
  docs.filter((d) => d.doc_kind === kind && Date.parse(d['@timestamp']) >= FROM && Date.parse(d['@timestamp']) < TO && keep(d)).length;

describe('regular expressions on labels', () => {
  it('=~ matches the whole value of that label only', async () => {
    expect(await count([{ key: 'label:team', operator: '=~', value: 'vis.*' }])).toBe(runs((d) => whole('vis.*').test(d.labels.team)));
    // Anchored: a pattern matching only part of a value matches nothing.
    expect(await count([{ key: 'label:team', operator: '=~', value: 'isio' }])).toBe(0);
    const pattern = 'nightly-train-[0-9]-.*';
    const expected = runs((d) => whole(pattern).test(d.labels.run));
    expect(expected).toBeGreaterThan(0);
    expect(await count([{ key: 'label:run', operator: '=~', value: pattern }])).toBe(expected);
  });

  it('!~ keeps the documents whose label does not match, and those without the label', async () => {
    const expected = runs((d) => d.labels.pipeline === undefined || !whole('.*-train').test(d.labels.pipeline));
    expect(runs((d) => d.labels.pipeline === undefined)).toBeGreaterThan(0);
    expect(await count([{ key: 'label:pipeline', operator: '!~', value: '.*-train' }])).toBe(expected);
    expect(await count([{ key: 'label:pipeline', operator: '!~', value: 'no-such-.*' }])).toBe(runs(() => true));
    expect(await count([{ key: 'label:pipeline', operator: '=~', value: 'no-such-.*' }])).toBe(0);
  });

  it('reads Lucene syntax as the keyword fields do: intervals, complement, intersection', async () => {
    const interval = 'nightly-train-<1-3>-.*';
    expect(await count([{ key: 'label:run', operator: '=~', value: interval }])).toBe(runs((d) => /^nightly-train-[123]-.*$/.test(d.labels.run)));
    for (const pattern of ['~(nightly-train)', '.*train&nightly.*', 'adhoc-eval|hourly-@']) {
      const onKeyword = await count([
        { key: 'workflow', operator: '=~', value: pattern },
        { key: 'namespace', operator: '!=', value: 'data' },
      ]);
      expect(await count([{ key: 'label:pipeline', operator: '=~', value: pattern }])).toBe(onKeyword);
      expect(await count([{ key: 'label:pipeline', operator: '!~', value: pattern }])).toBe(runs(() => true) - onKeyword);
    }
    expect(await count([{ key: 'label:pipeline', operator: '=~', value: '~(nightly-train)' }])).toBe(
      runs((d) => d.labels.pipeline !== undefined && d.labels.pipeline !== 'nightly-train')
    );
  });

  it('works on steps and together with other filters', async () => {
    const adhoc = [
      { key: 'label:run', operator: '=~', value: '(nightly|adhoc)-.*' },
      { key: 'label:team', operator: '!~', value: 'plat.*' },
      { key: 'task', operator: '!=', value: 'fetch' },
    ];
    expect(await count(adhoc, 'node')).toBe(
      runs((d) => /^(nightly|adhoc)-.*$/.test(d.labels.run) && !/^plat.*$/.test(d.labels.team) && d.node!.display_name !== 'fetch', 'node')
    );
  });
});

describe('searches beyond the time range', () => {
  it('runs: the rows and their baselines (the days before the range end) as with the matching values listed', async () => {
    // Runs with an even number: some in the range, more in the baseline days.
    const pattern = '(nightly|hourly)-[a-z]+-[0-9]*[02468]-.*';
    const matching = [...new Set(docs.map((d) => d.labels.run).filter((run) => whole(pattern).test(run)))];
    const table = async (adhoc: object) => {
      const response = await queryData(
        {
          pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index } }),
          headers: {},
          // The last 12 hours, compared with a baseline over the two days.
          queries: [dataQuery('A', { queryType: 'runs', limit: 1000, baselineDays: 2, filters: { adhoc: [adhoc] } }, { fromEpochMS: TO - 12 * HOUR, toEpochMS: TO })],
        },
        new AbortController().signal
      );
      expect(response.responses.A.error).toBeFalsy();
      return decodeTable(response.responses.A.frames![0]).columns;
    };
    const byPattern = await table({ key: 'label:run', operator: '=~', value: pattern });
    const byValues = await table({ key: 'label:run', operator: '=|', value: '', values: matching });
    const expected = runs((d) => whole(pattern).test(d.labels.run) && Date.parse(d['@timestamp']) >= TO - 12 * HOUR);
    expect(expected).toBeGreaterThan(0);
    expect(byPattern.workflow.length).toBe(expected);
    expect(byPattern).toEqual(byValues);
    expect(byPattern.vs_baseline.some((v) => typeof v === 'number')).toBe(true);
  });
});

describe('a regular expression matching too many values', () => {
  const many = `argoperf-labelregex-many-${Date.now()}`;
  let client: Client | undefined;
  beforeAll(async () => {
    const base = generateHistory(FROM, TO).find((d) => d.doc_kind === 'workflow')!;
    const values = Array.from({ length: MAX_PATTERN_VALUES + 1 }, (_, i) => ({ ...base, labels: { ticket: `T-${i}` } }));
    client = await createHistoryIndex(many, values);
  }, 120_000);
  afterAll(async () => {
    await client?.indices.delete({ index: many });
    await client?.close();
  });

  it('is refused with a 400 that names the label and what to do', async () => {
    const result = await answer(many, [{ key: 'label:ticket', operator: '=~', value: 'T-.*' }], 'workflow');
    expect(result.status).toBe(400);
    expect(result.error).toBe(
      `filters.adhoc: the regular expression "T-.*" on label:ticket matches more than ${MAX_PATTERN_VALUES} different values; narrow the regular expression, or filter with = or =| on the values you mean`
    );
    // One value fewer is answered.
    const fewer = await answer(many, [{ key: 'label:ticket', operator: '!~', value: 'T-0' }], 'workflow');
    expect(fewer.error).toBeFalsy();
    const counted = (fewer.frames ?? []).map(decodeSeries).flatMap((frame) => frame.values as number[]);
    expect(counted.reduce((a, v) => a + v, 0)).toBe(MAX_PATTERN_VALUES);
  });
});

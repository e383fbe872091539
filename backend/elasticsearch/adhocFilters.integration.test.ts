import { callResource } from '../handlers/callResource';
import { answerFrames } from '../test/answerFrames';
import { decodeSeries } from '../test/decodeFrames';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';
import { pluginContext } from '../test/pluginContext';

/**
 * Ad hoc filters, label keys and label values against the real Elasticsearch node. Expected answers
 * are computed here from the generated documents.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 2 * 24 * HOUR;
const index = `argoperf-adhoc-${Date.now()}`;

let docs: HistoryDoc[];

/** The generated history, with a second label on the nightly runs. */
function history(): HistoryDoc[] {
  return generateHistory(FROM, TO).map((doc) =>
    doc.workflow.name === 'nightly-train' ? { ...doc, labels: { ...doc.labels, 'example.com/tier': 'gold' } } : doc
  );
}

withHistoryIndex(index, () => (docs = history()));

async function count(adhoc: object[], level: 'workflow' | 'node' = 'workflow') {
  const frames = (
    await answerFrames({
      index,
      query: { queryType: 'durations', level, stats: ['count'], groupBy: [], filters: { adhoc } },
      range: { fromEpochMS: FROM, toEpochMS: TO },
      intervalMS: 24 * HOUR,
    })
  ).map(decodeSeries);
  return frames.reduce((sum, frame) => sum + frame.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0);
}

const runs = (keep: (doc: HistoryDoc) => boolean, kind: 'workflow' | 'node' = 'workflow') =>
  docs.filter(
    (d) => d.doc_kind === kind && Date.parse(d['@timestamp']) >= FROM && Date.parse(d['@timestamp']) < TO && keep(d)
  ).length;

describe('ad hoc filters', () => {
  it('= and != on a group key', async () => {
    expect(await count([{ key: 'namespace', operator: '=', value: 'ml' }])).toBe(runs((d) => d.namespace === 'ml'));
    expect(await count([{ key: 'workflow', operator: '!=', value: 'hourly-ingest' }])).toBe(
      runs((d) => d.workflow.name !== 'hourly-ingest')
    );
  });

  it('=~ and !~ as whole-value regular expressions', async () => {
    expect(await count([{ key: 'workflow', operator: '=~', value: '.*-(train|eval)' }])).toBe(
      runs((d) => /^.*-(train|eval)$/.test(d.workflow.name))
    );
    expect(await count([{ key: 'task', operator: '!~', value: 'ev.*' }], 'node')).toBe(
      runs((d) => !/^ev.*$/.test(d.node!.display_name), 'node')
    );
  });

  it('=| and !=| with several values, and a label key', async () => {
    expect(await count([{ key: 'phase', operator: '=|', value: '', values: ['Failed', 'Error'] }])).toBe(
      runs((d) => ['Failed', 'Error'].includes(d.phase))
    );
    expect(await count([{ key: 'label:example.com/tier', operator: '!=|', value: '', values: ['gold'] }])).toBe(
      runs((d) => d.labels['example.com/tier'] !== 'gold')
    );
  });

  it('several filters together (AND)', async () => {
    const adhoc = [
      { key: 'label:team', operator: '=', value: 'vision' },
      { key: 'phase', operator: '!=', value: 'Failed' },
    ];
    expect(await count(adhoc)).toBe(runs((d) => d.labels.team === 'vision' && d.phase !== 'Failed'));
  });

  it('names a filter whose key cannot be grouped by', async () => {
    await expect(count([{ key: 'colour', operator: '=', value: 'red' }])).rejects.toThrow(
      /^filters\.adhoc\[0\]\.key: "colour" cannot be grouped by/
    );
  });
});

describe('label keys and values for variables and ad hoc filters', () => {
  async function resource(url: string, settings: object = {}) {
    const response = await callResource(
      {
        pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index }, ...settings }),
        path: url.split('?')[0],
        method: 'GET',
        url,
        headers: {},
        body: Buffer.alloc(0),
      },
      new AbortController().signal
    );
    return { code: response.code, body: JSON.parse(Buffer.from(response.body).toString()) };
  }

  it('lists the label keys the documents carry', async () => {
    expect(await resource('labels')).toEqual({ code: 200, body: { values: ['example.com/tier', 'team'] } });
  });

  it('lists the values of a label, and of a plain key', async () => {
    const teams = [...new Set(docs.map((d) => d.labels.team))].sort();
    expect(await resource('values?key=label:team')).toEqual({ code: 200, body: { values: teams } });
    const phases = [...new Set(docs.filter((d) => d.doc_kind === 'workflow').map((d) => d.phase))].sort();
    expect(await resource('values?key=phase')).toEqual({ code: 200, body: { values: phases } });
  });

  it('lists every ad hoc key: the group keys and one per label', async () => {
    const { body } = await resource('keys');
    expect(body.values).toEqual([
      'namespace',
      'workflow',
      'template',
      'cron',
      'phase',
      'label:example.com/tier',
      'label:team',
    ]);
    expect((await resource('keys?level=node')).body.values).toContain('task');
  });

  it('answers the allow-list for namespace values, and refuses a bad key', async () => {
    expect(await resource('values?key=namespace', { namespaces: ['ml'] })).toEqual({
      code: 200,
      body: { values: ['ml'] },
    });
    const bad = await resource('values?key=colour');
    expect(bad.code).toBe(400);
    expect(bad.body.error).toMatch(/^key: "colour" cannot be grouped by/);
  });
});

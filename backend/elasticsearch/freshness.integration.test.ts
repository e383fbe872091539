import { queryData } from '../handlers/queryData';
import { answerFrames } from '../test/answerFrames';
import { decodeTable, type DecodedTable } from '../test/decodeFrames';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * freshness against the real Elasticsearch node: per group, the age of the newest collected_at of the run
 * documents at the range end, compared with ages computed here from the documents. The history runs past
 * the range end (documents collected later must not count); namespace `data`'s collector "stops" 3 hours
 * before the end; namespace `argo` (copies of data's runs) was last collected 2 days before the end.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * DAY;
const STOPPED = TO - 3 * HOUR;
const index = `argoperf-freshness-${Date.now()}`;

type Doc = HistoryDoc & { collected_at: string };
let docs: Doc[];

/** When a collector running every 5 minutes last wrote the document: the first round after its end (or now, while running). */
function collectedAt(doc: HistoryDoc, collectorStops: number): number | undefined {
  const finished = doc.end ? Date.parse(doc.end) : Number.POSITIVE_INFINITY;
  const start = Date.parse(doc['@timestamp']);
  if (start > collectorStops) {
    return undefined; // never written
  }
  const lastRound = Math.floor(collectorStops / (5 * MINUTE)) * 5 * MINUTE;
  return Math.min(Math.ceil(finished / (5 * MINUTE)) * 5 * MINUTE, lastRound);
}

withHistoryIndex(index, () => {
  const history = generateHistory(FROM, TO + 2 * HOUR);
  const argo = history
    .filter((d) => d.namespace === 'data')
    .map((d) => ({ ...d, namespace: 'argo', workflow: { ...d.workflow, uid: `${d.workflow.uid}-argo` } }));
  const stops: Record<string, number> = { ml: TO + 2 * HOUR, data: STOPPED, argo: TO - 2 * DAY };
  docs = [...history, ...argo].flatMap((d) => {
    const at = collectedAt(d, stops[d.namespace]);
    return at === undefined ? [] : [{ ...d, collected_at: new Date(at).toISOString() }];
  });
  return docs;
});

/** The expected age in seconds per group key: the newest collected_at of run documents in [end − lookback, end]. */
function expectedAges(keyOf: (doc: Doc) => string | undefined, lookbackDays = 7, end = TO, keep: (doc: Doc) => boolean = () => true) {
  const newest = new Map<string, number>();
  for (const doc of docs.filter((d) => d.doc_kind === 'workflow' && keep(d))) {
    const key = keyOf(doc);
    const at = Date.parse(doc.collected_at);
    if (key === undefined || at < end - lookbackDays * DAY || at > end) {
      continue;
    }
    newest.set(key, Math.max(newest.get(key) ?? 0, at));
  }
  return new Map([...newest].map(([key, at]) => [key, { age: (end - at) / 1000, newest: at }]));
}

async function run(query: object, end = TO) {
  const frames = await answerFrames({ index, query: { queryType: 'freshness', ...query }, range: { fromEpochMS: end - HOUR, toEpochMS: end } });
  return frames.map(decodeTable);
}

function ages(frames: DecodedTable[], keyOf: (labels: Record<string, string>) => string) {
  return new Map(
    frames.filter((frame) => frame.rows > 0).map((frame) => {
      expect(frame.meta?.type).toBe('numeric-multi');
      expect(frame.meta?.typeVersion).toEqual([0, 1]);
      expect(frame.rows).toBe(1);
      expect(frame.fields).toHaveLength(1);
      expect(frame.fields[0]).toMatchObject({ name: 'age', config: { unit: 's' } });
      const custom = frame.meta?.custom as { newest: string };
      return [keyOf(frame.fields[0].labels), { age: frame.columns.age[0] as number, newest: Date.parse(custom.newest) }];
    })
  );
}

describe('freshness on Elasticsearch', () => {
  test('per namespace: the age of the newest collected document at the range end, stalest first; the stopped collectors show', async () => {
    const expected = expectedAges((d) => d.namespace);
    expect([...expected.keys()].sort()).toEqual(['argo', 'data', 'ml']);
    const frames = await run({});
    expect(ages(frames, (labels) => labels.namespace)).toEqual(expected);
    expect(frames.map((frame) => frame.fields[0].labels)).toEqual([{ namespace: 'argo' }, { namespace: 'data' }, { namespace: 'ml' }]);
    // Known independently of the documents: data's collector stopped 3 hours before the end, argo's 2 days.
    expect(expected.get('argo')!.age).toBeGreaterThanOrEqual(2 * 86_400);
    expect(expected.get('data')!.age).toBeGreaterThanOrEqual(3 * 3600);
  });

  test('a namespace without a document in the lookback has no number; none at all is the typed empty frame', async () => {
    const expected = expectedAges((d) => d.namespace, 1);
    expect([...expected.keys()].sort()).toEqual(['data', 'ml']);
    expect(ages(await run({ lookbackDays: 1 }), (labels) => labels.namespace)).toEqual(expected);
    const empty = await run({ lookbackDays: 1 }, FROM - 2 * DAY);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ rows: 0, fields: [], meta: expect.objectContaining({ type: 'numeric-multi', typeVersion: [0, 1] }) });
  });

  test('a range ending later ages every namespace by as much', async () => {
    const later = TO + 2 * HOUR;
    const expected = expectedAges((d) => d.namespace, 7, later);
    expect(ages(await run({}, later), (labels) => labels.namespace)).toEqual(expected);
    expect(expected.get('data')!.age).toBeGreaterThanOrEqual(5 * 3600);
  });

  test('groups by cron and label, with filters; no grouping is one number for the whole history', async () => {
    const byCron = expectedAges((d) => (d.workflow.cron ? `${d.namespace}/${d.workflow.cron}` : undefined));
    expect(ages(await run({ groupBy: ['namespace', 'cron'] }), (l) => `${l.namespace}/${l.cron}`)).toEqual(byCron);
    const team = expectedAges((d) => d.labels.team, 7, TO, (d) => d.workflow.template === 'adhoc-eval');
    expect(ages(await run({ groupBy: ['label:team'], filters: { workflows: ['adhoc-eval'] } }), (l) => l.team)).toEqual(team);
    const all = expectedAges(() => 'all');
    expect(ages(await run({ groupBy: [] }), (l) => (Object.keys(l).length === 0 ? 'all' : JSON.stringify(l)))).toEqual(all);
  });

  test('the limit keeps the stalest groups and says that fresher ones were left out', async () => {
    const frames = await run({ limit: 1 });
    expect(ages(frames, (l) => l.namespace)).toEqual(new Map([['argo', expectedAges((d) => d.namespace).get('argo')]]));
    expect(frames[0].meta?.notices).toEqual([expect.objectContaining({ severity: 'warning', text: expect.stringContaining('Only the 1 groups whose newest document is oldest') })]);
  });

  test('the table view: group columns, the newest collected time and the age, stalest first', async () => {
    const expected = expectedAges((d) => d.namespace);
    const [table] = await run({ view: 'table' });
    expect(table.meta?.type).toBe('table');
    const order = [...expected].sort((a, b) => a[1].newest - b[1].newest);
    expect(table.columns).toEqual({
      namespace: order.map(([key]) => key),
      newest: order.map(([, v]) => v.newest),
      // No collector wrote checkpoints here (the default state index does not exist on the test node).
      synced: order.map(() => null),
      age: order.map(([, v]) => v.age),
    });
  });

  test('source argo is refused with a 400 naming source; the flat field mapping names the collected time field', async () => {
    const ask = async (query: object, elasticsearch: object = {}) => {
      const response = await queryData(
        {
          pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index, ...elasticsearch } }),
          headers: {},
          queries: [dataQuery('A', { queryType: 'freshness', ...query }, { fromEpochMS: TO - HOUR, toEpochMS: TO })],
        },
        new AbortController().signal
      );
      return response.responses.A;
    };
    const argo = await ask({ source: 'argo' });
    expect(argo.status).toBe(400);
    expect(argo.error).toMatch(/^source: freshness measures the history collected in Elasticsearch; set source to elasticsearch/);
    const flat = await ask({}, { fieldMapping: { preset: 'flat' } });
    expect(flat.status).toBe(400);
    expect(flat.error).toMatch(/freshness needs the collected time \(when the collector wrote the document\) field/);
  });
});

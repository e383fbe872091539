import { Client } from '@elastic/elasticsearch';

import { queryData } from '../handlers/queryData';
import { answerFrames } from '../test/answerFrames';
import { decodeSeries, decodeTable } from '../test/decodeFrames';
import { elasticsearchUrl } from '../test/elasticsearch';
import { seededRandom } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * Field mapping against the real Elasticsearch node: a team's own flat documents, one per task,
 * `{workflow_name, task_name, start_time, end_time, duration_seconds, status, dataset_name}`, read with
 * the flat preset. Expected answers are computed here from the generated documents.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 2 * 24 * HOUR;
const BUCKET = 12 * HOUR;
const stamp = Date.now();
/** Explicit mapping: the names are keywords. */
const keywordIndex = `flat-keyword-${stamp}`;
/** Dynamic mapping, as a team that never wrote a template gets: text + .keyword. */
const dynamicIndex = `flat-dynamic-${stamp}`;

interface FlatDoc {
  workflow_name: string;
  task_name: string;
  start_time: string;
  end_time: string;
  duration_seconds: number;
  status: string;
  dataset_name: string;
}

function generateFlat(): FlatDoc[] {
  const random = seededRandom(7);
  const docs: FlatDoc[] = [];
  for (let start = FROM + 60_000; start < TO; start += 37 * 60_000) {
    const workflow = ['ingest', 'train', 'score'][Math.floor(random() * 3)];
    const dataset = ['imagenet', 'coco'][Math.floor(random() * 2)];
    for (const task of ['fetch', 'transform', 'load']) {
      // Seconds with a fraction, from under a second to about an hour.
      const seconds = Math.round(Math.exp(random() * 8) * 1000) / 1000;
      const begin = start + Math.floor(random() * 600_000);
      docs.push({
        workflow_name: workflow,
        task_name: task,
        start_time: new Date(begin).toISOString(),
        end_time: new Date(begin + Math.round(seconds * 1000)).toISOString(),
        duration_seconds: seconds,
        status: random() < 0.15 ? 'Failed' : 'Succeeded',
        dataset_name: dataset,
      });
    }
  }
  return docs;
}

let docs: FlatDoc[];
let client: Client;

async function index(name: string, mappings?: object) {
  await client.indices.create({ index: name, settings: { number_of_replicas: 0 }, ...(mappings ? { mappings } : {}) });
  const result = await client.bulk({
    operations: docs.flatMap((doc) => [{ index: { _index: name } }, doc]),
    refresh: true,
  });
  expect(result.errors).toBe(false);
}

beforeAll(async () => {
  docs = generateFlat();
  client = new Client({ node: elasticsearchUrl() });
  const keyword = { type: 'keyword' };
  await index(keywordIndex, {
    properties: {
      workflow_name: keyword,
      task_name: keyword,
      status: keyword,
      dataset_name: keyword,
      start_time: { type: 'date' },
      end_time: { type: 'date' },
      duration_seconds: { type: 'double' },
    },
  });
  await index(dynamicIndex);
});

afterAll(async () => {
  await client.indices.delete({ index: [keywordIndex, dynamicIndex] });
  await client.close();
});

const flat = (fields: object = {}, extra: object = {}) => ({ fieldMapping: { preset: 'flat', fields, ...extra } });

function run(query: object, indexName = keywordIndex, elasticsearch: object = flat()) {
  return answerFrames({
    index: indexName,
    query,
    range: { fromEpochMS: FROM, toEpochMS: TO },
    intervalMS: BUCKET,
    elasticsearch,
  });
}

const inRange = (doc: FlatDoc) => Date.parse(doc.start_time) >= FROM && Date.parse(doc.start_time) < TO;
const bucketOf = (doc: FlatDoc) => Math.floor(Date.parse(doc.start_time) / BUCKET) * BUCKET;

/** Expected count and max (seconds) per group and bucket. */
function expected(key: (doc: FlatDoc) => string) {
  const groups = new Map<string, Map<number, number[]>>();
  for (const doc of docs.filter(inRange)) {
    const byTime = groups.get(key(doc)) ?? new Map<number, number[]>();
    byTime.set(bucketOf(doc), [...(byTime.get(bucketOf(doc)) ?? []), doc.duration_seconds]);
    groups.set(key(doc), byTime);
  }
  return groups;
}

describe('the flat preset on a keyword mapping', () => {
  it('answers durations per workflow in seconds (count and max exact)', async () => {
    const frames = (
      await run({ queryType: 'durations', level: 'node', stats: ['count', 'max'], groupBy: ['workflow'] })
    ).map(decodeSeries);
    const want = expected((doc) => doc.workflow_name);
    expect(frames).toHaveLength(want.size * 2);
    for (const [workflow, byTime] of want) {
      const times = [...byTime.keys()].sort((a, b) => a - b);
      const count = frames.find((f) => f.labels.workflow === workflow && f.labels.stat === 'count')!;
      const max = frames.find((f) => f.labels.workflow === workflow && f.labels.stat === 'max')!;
      expect(count.times).toEqual(times);
      expect(count.values).toEqual(times.map((t) => byTime.get(t)!.length));
      // duration_seconds is a double: the max comes back in seconds, through ms and back.
      max.values.forEach((v, i) => expect(v).toBeCloseTo(Math.max(...byTime.get(times[i])!), 9));
    }
  });

  it('groups by a top-level field as a label (label:dataset_name)', async () => {
    const frames = (
      await run({ queryType: 'durations', level: 'node', stats: ['count'], groupBy: ['label:dataset_name'] })
    ).map(decodeSeries);
    const want = expected((doc) => doc.dataset_name);
    expect(new Set(frames.map((f) => f.labels.dataset_name))).toEqual(new Set(want.keys()));
    for (const frame of frames) {
      const total = frame.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      expect(total).toBe([...want.get(frame.labels.dataset_name)!.values()].flat().length);
    }
  });

  it('counts outcomes from the status field', async () => {
    const frames = (await run({ queryType: 'outcomes', level: 'node', groupBy: [] })).map(decodeSeries);
    const total = (outcome: string) =>
      frames.find((f) => f.labels.outcome === outcome)!.values.reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(total('failed')).toBe(docs.filter((d) => inRange(d) && d.status === 'Failed').length);
    expect(total('succeeded')).toBe(docs.filter((d) => inRange(d) && d.status === 'Succeeded').length);
  });

  it('fills the runs table from the renamed fields, durations in seconds', async () => {
    const [frame] = (await run({ queryType: 'runs', level: 'node', limit: 5 })).map(decodeTable);
    const newest = docs
      .filter(inRange)
      .sort(
        (a, b) =>
          Date.parse(b.start_time) - Date.parse(a.start_time) ||
          a.workflow_name.localeCompare(b.workflow_name) ||
          a.task_name.localeCompare(b.task_name)
      )
      .slice(0, 5);
    expect(frame.columns.start).toEqual(newest.map((d) => Date.parse(d.start_time)));
    expect(frame.columns.end).toEqual(newest.map((d) => Date.parse(d.end_time)));
    (frame.columns.duration as number[]).forEach((v, i) => expect(v).toBeCloseTo(newest[i].duration_seconds, 9));
    expect(frame.columns.workflow).toEqual(newest.map((d) => d.workflow_name));
    expect(frame.columns.task).toEqual(newest.map((d) => d.task_name));
    expect(frame.columns.namespace).toEqual(newest.map(() => null));
  });

  it('places seconds in the right heatmap bands', async () => {
    const [frame] = (await run({ queryType: 'heatmap', level: 'node' })).map(decodeTable);
    const yMin = frame.columns.yMin as number[];
    const yMax = frame.columns.yMax as Array<number | null>;
    const count = frame.columns.count as number[];
    const total = (low: number, high: number | null) =>
      docs.filter((d) => inRange(d) && d.duration_seconds >= low && (high === null || d.duration_seconds < high))
        .length;
    const byBand = new Map<string, number>();
    yMin.forEach((low, i) => byBand.set(`${low}-${yMax[i]}`, (byBand.get(`${low}-${yMax[i]}`) ?? 0) + count[i]));
    for (const [band, n] of byBand) {
      const [low, high] = band.split('-');
      expect(n).toBe(total(Number(low), high === 'null' ? null : Number(high)));
    }
  });

  it('refuses workflow level: the documents have no kind field', async () => {
    await expect(run({ queryType: 'durations', level: 'workflow' })).rejects.toThrow(
      'level: these documents have no document-kind field (field mapping) and are all task executions; set level to node'
    );
  });

  it('names a role the mapping leaves empty', async () => {
    await expect(run({ queryType: 'durations', level: 'node', groupBy: ['namespace'] })).rejects.toThrow(
      /^group by or filter on namespace needs the namespace field, but this datasource's field mapping leaves it empty/
    );
  });
});

describe('field problems named before searching', () => {
  it('a text field used for grouping, with the .keyword field to use instead', async () => {
    await expect(run({ queryType: 'durations', level: 'node', groupBy: ['workflow'] }, dynamicIndex)).rejects.toThrow(
      'workflow_name (field mapping: workflow name) is a text field, but this query needs a keyword (or number or date) field; use workflow_name.keyword instead (enter it under Field mapping)'
    );
  });

  it('the same documents answer once the .keyword fields are mapped', async () => {
    const mapping = flat({
      workflowName: 'workflow_name.keyword',
      task: 'task_name.keyword',
      nodeName: 'task_name.keyword',
      workflowTemplate: 'workflow_name.keyword',
      nodeTemplate: 'task_name.keyword',
      phase: 'status.keyword',
    });
    const query = { queryType: 'durations', level: 'node', stats: ['count'], groupBy: ['workflow'] };
    const fromDynamic = (await run(query, dynamicIndex, mapping)).map(decodeSeries);
    const fromKeyword = (await run(query)).map(decodeSeries);
    expect(fromDynamic.map((f) => [f.labels, f.times, f.values])).toEqual(
      fromKeyword.map((f) => [f.labels, f.times, f.values])
    );
  });

  it('a keyword field used as the duration', async () => {
    await expect(
      run({ queryType: 'durations', level: 'node' }, keywordIndex, flat({ duration: 'status' }))
    ).rejects.toThrow(
      'status (field mapping: duration) is a keyword field, but this query needs a number; choose a field that holds a number, or fix its type in the index template'
    );
  });

  it('a field that does not exist', async () => {
    await expect(
      run({ queryType: 'durations', level: 'node' }, keywordIndex, flat({ duration: 'duration_secs' }))
    ).rejects.toThrow(
      `duration_secs (field mapping: duration) does not exist in the indices matching "${keywordIndex}"; check the field name under Field mapping in the datasource settings`
    );
  });

  it('an index pattern that matches nothing', async () => {
    await expect(run({ queryType: 'durations', level: 'node' }, `no-such-index-${stamp}*`)).rejects.toThrow(
      `no Elasticsearch index matches "no-such-index-${stamp}*"; run the collector to create it, or fix the index pattern in the datasource settings`
    );
  });

  it('other refIds still answer when one names a bad field', async () => {
    const range = { fromEpochMS: FROM, toEpochMS: TO };
    const response = await queryData(
      {
        pluginContext: pluginContext({
          elasticsearch: { url: elasticsearchUrl(), index: dynamicIndex, ...flat({ phase: 'status.keyword' }) },
        }),
        headers: {},
        queries: [
          {
            ...dataQuery('A', { queryType: 'durations', level: 'node', groupBy: ['workflow'] }, range),
            intervalMS: BUCKET,
          },
          { ...dataQuery('B', { queryType: 'outcomes', level: 'node', groupBy: [] }, range), intervalMS: BUCKET },
        ],
      },
      new AbortController().signal
    );
    expect(response.responses.A.error).toMatch(/^workflow_name \(field mapping: workflow name\) is a text field/);
    expect(response.responses.B.error).toBeFalsy();
    expect(response.responses.B.frames?.length).toBeGreaterThan(0);
  });
});

describe('a duration derived from start and end', () => {
  it('is computed by Elasticsearch, or refused with a message where the cluster has no painless', async () => {
    const answer = run(
      { queryType: 'durations', level: 'node', stats: ['max'], groupBy: [] },
      keywordIndex,
      flat({}, { durationUnit: 'derived' })
    );
    const painless = (await client.getScriptLanguages()).language_contexts?.some(
      (context) => context.language === 'painless'
    );
    if (painless) {
      const [frame] = (await answer).map(decodeSeries);
      const want = expected(() => 'all').get('all')!;
      const times = [...want.keys()].sort((a, b) => a - b);
      frame.values.forEach((v, i) =>
        expect(v).toBeCloseTo(
          Math.max(
            ...docs
              .filter((d) => inRange(d) && bucketOf(d) === times[i])
              .map((d) => (Date.parse(d.end_time) - Date.parse(d.start_time)) / 1000)
          ),
          9
        )
      );
    } else {
      await expect(answer).rejects.toThrow(
        /^the duration is derived from start and end \(field mapping\), which needs Elasticsearch's painless scripting/
      );
    }
  });
});

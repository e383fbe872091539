import { answerFrames } from '../test/answerFrames';
import { decodeSeries, type DecodedSeries } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/**
 * durations against the real Elasticsearch node: every answer is compared with values computed here,
 * directly from the generated documents, not by the code under test.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * 24 * HOUR;
const BUCKET = 6 * HOUR;
const index = `argoperf-durations-${Date.now()}`;

let docs: HistoryDoc[];

withHistoryIndex(index, () => (docs = generateHistory(FROM, TO)));

async function run(query: object, range = { fromEpochMS: FROM, toEpochMS: TO }, intervalMS = BUCKET) {
  return (await answerFrames({ index, query, range, intervalMS })).map(decodeSeries);
}

/** Expected buckets: key → durations in seconds, grouped the way the query groups them. */
function expectedBuckets(select: (doc: HistoryDoc) => string | undefined, kind: 'workflow' | 'node') {
  const groups = new Map<string, Map<number, number[]>>();
  for (const doc of docs) {
    const start = Date.parse(doc['@timestamp']);
    const group = select(doc);
    if (doc.doc_kind !== kind || group === undefined || start < FROM || start >= TO) {
      continue;
    }
    const bucket = Math.floor(start / BUCKET) * BUCKET;
    const byTime = groups.get(group) ?? new Map<number, number[]>();
    byTime.set(bucket, [...(byTime.get(bucket) ?? []), doc.duration_ms! / 1000]);
    groups.set(group, byTime);
  }
  return groups;
}

function series(frames: DecodedSeries[], labels: Record<string, string>): DecodedSeries {
  const found = frames.filter(
    (f) =>
      Object.entries(labels).every(([k, v]) => f.labels[k] === v) &&
      Object.keys(f.labels).length === Object.keys(labels).length
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** The metric aggregations the search asked for in each time bucket, by name → type, from the executed query text. */
function bucketAggs(frame: DecodedSeries): Record<string, string> {
  let node = JSON.parse(frame.meta!.executedQueryString as string).aggs;
  while (node.groups) {
    node = node.groups.aggs;
  }
  const aggs = node.over_time.aggs as Record<string, object>;
  return Object.fromEntries(Object.entries(aggs).map(([name, agg]) => [name, Object.keys(agg)[0]]));
}

describe('durations over Elasticsearch', () => {
  it('asks Elasticsearch only for the aggregations the asked stats need', async () => {
    const percentilesOnly = await run({ queryType: 'durations', level: 'node', groupBy: ['task'], stats: ['p95'] });
    expect(Object.values(bucketAggs(percentilesOnly[0]))).toEqual(['percentiles']);
    const countOnly = await run({ queryType: 'durations', groupBy: [], stats: ['count'] });
    expect(Object.values(bucketAggs(countOnly[0]))).toEqual(['value_count']);
    const mixed = await run({ queryType: 'durations', groupBy: [], stats: ['max', 'p50'] });
    expect(Object.values(bucketAggs(mixed[0])).sort()).toEqual(['percentiles', 'stats']);
  });

  it('counts the runs with a duration per bucket when count is the only stat', async () => {
    const frames = await run({ queryType: 'durations', groupBy: [], stats: ['count'] });
    const expected = new Map<number, number>();
    for (const doc of docs) {
      const start = Date.parse(doc['@timestamp']);
      if (doc.doc_kind === 'workflow' && doc.duration_ms !== undefined && start >= FROM && start < TO) {
        const bucket = Math.floor(start / BUCKET) * BUCKET;
        expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
      }
    }
    expect(frames).toHaveLength(1);
    const times = [...expected.keys()].sort((a, b) => a - b);
    expect(frames[0].times).toEqual(times);
    expect(frames[0].values).toEqual(times.map((t) => expected.get(t)));
  });

  it('gives exact count, min, max and avg per workflow and bucket', async () => {
    const frames = await run({ queryType: 'durations', groupBy: ['workflow'], stats: ['count', 'min', 'max', 'avg'] });
    const expected = expectedBuckets((doc) => doc.workflow.name, 'workflow');
    expect(frames).toHaveLength(expected.size * 4);
    for (const [workflow, byTime] of expected) {
      const times = [...byTime.keys()].sort((a, b) => a - b);
      const durations = times.map((t) => byTime.get(t)!);
      const check = (stat: string, compute: (values: number[]) => number) => {
        const s = series(frames, { workflow, stat });
        expect(s.times).toEqual(times);
        s.values.forEach((value, i) => expect(value).toBeCloseTo(compute(durations[i]), 9));
      };
      check('count', (v) => v.length);
      check('min', (v) => Math.min(...v));
      check('max', (v) => Math.max(...v));
      check('avg', (v) => v.reduce((a, b) => a + b, 0) / v.length);
    }
    expect(frames[0].meta?.type).toBe('timeseries-multi');
    expect(frames[0].meta?.typeVersion).toEqual([0, 1]);
    expect(typeof frames[0].meta?.executedQueryString).toBe('string');
  });

  it('gives percentiles between the neighbouring order statistics', async () => {
    const frames = await run({ queryType: 'durations', level: 'node', groupBy: ['task'], stats: ['p50', 'p95'] });
    const expected = expectedBuckets((doc) => doc.node?.display_name, 'node');
    for (const [task, byTime] of expected) {
      for (const [stat, p] of [
        ['p50', 50],
        ['p95', 95],
      ] as const) {
        const s = series(frames, { task, stat });
        s.times.forEach((time, i) => {
          const sorted = [...byTime.get(time)!].sort((a, b) => a - b);
          const rank = (p / 100) * (sorted.length - 1);
          expect(s.values[i]).toBeGreaterThanOrEqual(sorted[Math.floor(rank)] - 1e-9);
          expect(s.values[i]).toBeLessThanOrEqual(sorted[Math.ceil(rank)] + 1e-9);
        });
      }
    }
  });

  it('groups by several keys including a workflow label, and applies filters', async () => {
    const frames = await run({
      queryType: 'durations',
      level: 'node',
      groupBy: ['workflow', 'label:team'],
      stats: ['max'],
      filters: { namespaces: ['ml'], phases: ['Succeeded'] },
    });
    const expected = expectedBuckets(
      (doc) =>
        doc.namespace === 'ml' && doc.phase === 'Succeeded' ? `${doc.workflow.name}|${doc.labels.team}` : undefined,
      'node'
    );
    expect(frames).toHaveLength(expected.size);
    for (const [key, byTime] of expected) {
      const [workflow, team] = key.split('|');
      const s = series(frames, { workflow, team, stat: 'max' });
      expect(s.values).toEqual([...byTime.keys()].sort((a, b) => a - b).map((t) => Math.max(...byTime.get(t)!)));
    }
  });

  it('caps the number of groups and says so on the frame', async () => {
    const frames = await run({ queryType: 'durations', groupBy: ['workflow'], stats: ['count'], limit: 1 });
    const runs = new Map<string, number>();
    docs
      .filter((d) => d.doc_kind === 'workflow')
      .forEach((d) => runs.set(d.workflow.name, (runs.get(d.workflow.name) ?? 0) + 1));
    const [largest] = [...runs.entries()].sort((a, b) => b[1] - a[1]);
    expect(frames.map((f) => f.labels.workflow)).toEqual([largest[0]]);
    const left = [...runs.values()].reduce((a, b) => a + b, 0) - largest[1];
    const notices = frames[0].meta?.notices as Array<{ severity: string; text: string }>;
    expect(notices).toEqual([
      {
        severity: 'warning',
        text: `Only the 1 groups with the most runs are shown; ${left} runs in other groups were left out. Raise Limit in the query to see more.`,
      },
    ]);
  });

  it('answers an empty range with the dataplane’s typed empty frame', async () => {
    const frames = await run(
      { queryType: 'durations' },
      { fromEpochMS: TO + 30 * 24 * HOUR, toEpochMS: TO + 31 * 24 * HOUR }
    );
    expect(frames).toHaveLength(1);
    expect(frames[0].fieldCount).toBe(0);
    expect(frames[0].meta?.type).toBe('timeseries-multi');
  });

  it('names a missing index', async () => {
    await expect(
      answerFrames({
        index: 'no-such-index-xyz',
        query: { queryType: 'durations' },
        range: { fromEpochMS: FROM, toEpochMS: TO },
      })
    ).rejects.toThrow(
      'no Elasticsearch index matches "no-such-index-xyz"; run the collector to create it, or fix the index pattern in the datasource settings'
    );
  });
});

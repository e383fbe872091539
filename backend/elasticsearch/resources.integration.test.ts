import { answerFrames } from '../test/answerFrames';
import { decodeSeries, decodeTable } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/**
 * resources and metrics against the real Elasticsearch node: sums, averages (resource-seconds ÷
 * duration seconds) and metric aggregations per group and bucket, compared with values computed here
 * from the generated documents.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * 24 * HOUR;
const BUCKET = 6 * HOUR;
const index = `argoperf-resources-${Date.now()}`;

let docs: HistoryDoc[];

withHistoryIndex(index, () => {
  const history = generateHistory(FROM, TO);
  // A step with a duration but no resources (a DAG node) and a running one with resources but no
  // duration: neither may change the averages.
  const extra = history
    .filter((d) => d.doc_kind === 'node')
    .slice(0, 2)
    .map((d, i) => {
      const { resources, end: _end, duration_ms: durationMs, ...rest } = d;
      return i === 0 ? { ...rest, duration_ms: durationMs, end: d.end } : { ...rest, resources, phase: 'Running' };
    });
  docs = [...history, ...extra];
  return docs;
});

async function run(query: object) {
  return answerFrames({ index, query, range: { fromEpochMS: FROM, toEpochMS: TO }, intervalMS: BUCKET });
}

function inRange(doc: HistoryDoc, kind: 'workflow' | 'node') {
  const start = Date.parse(doc['@timestamp']);
  return doc.doc_kind === kind && start >= FROM && start < TO;
}

const bucketOf = (doc: HistoryDoc) => Math.floor(Date.parse(doc['@timestamp']) / BUCKET) * BUCKET;

/** Documents per group key and bucket. */
function byGroupAndBucket(selected: HistoryDoc[], key: (d: HistoryDoc) => string) {
  const groups = new Map<string, Map<number, HistoryDoc[]>>();
  for (const doc of selected) {
    const byTime = groups.get(key(doc)) ?? new Map<number, HistoryDoc[]>();
    byTime.set(bucketOf(doc), [...(byTime.get(bucketOf(doc)) ?? []), doc]);
    groups.set(key(doc), byTime);
  }
  return groups;
}

const total = (list: HistoryDoc[], pick: (d: HistoryDoc) => number | undefined) =>
  list.reduce((sum, d) => sum + (pick(d) ?? 0), 0);

/** Σ resource ÷ Σ duration seconds over the documents that have both. */
function average(list: HistoryDoc[], pick: (d: HistoryDoc) => number | undefined) {
  const timed = list.filter((d) => pick(d) !== undefined && d.duration_ms !== undefined);
  return timed.length === 0 ? null : total(timed, pick) / (total(timed, (d) => d.duration_ms) / 1000);
}

describe('resources over Elasticsearch', () => {
  it('sums cpu, memory and gpu seconds and averages cores and memory per task and bucket', async () => {
    const frames = (await run({ queryType: 'resources', level: 'node', groupBy: ['task'] })).map(decodeSeries);
    const expected = byGroupAndBucket(
      docs.filter((d) => inRange(d, 'node')),
      (d) => d.node!.display_name
    );
    expect(frames).toHaveLength(expected.size * 5);
    for (const [task, byTime] of expected) {
      const times = [...byTime.keys()].sort((a, b) => a - b);
      const lists = times.map((t) => byTime.get(t)!);
      const series = (resource: string) => {
        const found = frames.filter(
          (f) => f.labels.task === task && f.labels.resource === resource && Object.keys(f.labels).length === 2
        );
        expect(found).toHaveLength(1);
        expect(found[0].times).toEqual(times);
        return found[0].values;
      };
      expect(series('cpu')).toEqual(lists.map((l) => total(l, (d) => d.resources?.cpu_core_seconds)));
      expect(series('memory')).toEqual(lists.map((l) => total(l, (d) => d.resources?.memory_mib_seconds)));
      expect(series('gpu')).toEqual(lists.map((l) => total(l, (d) => d.resources?.gpu_seconds)));
      const close = (values: Array<number | null>, want: Array<number | null>) =>
        values.forEach((v, i) => (want[i] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(want[i]!, 9)));
      close(
        series('avg_cores'),
        lists.map((l) => average(l, (d) => d.resources?.cpu_core_seconds))
      );
      close(
        series('avg_memory'),
        lists.map((l) => average(l, (d) => d.resources?.memory_mib_seconds))
      );
    }
    expect(
      frames.find((f) => f.labels.task === 'train' && f.labels.resource === 'gpu')!.values.some((v) => v! > 0)
    ).toBe(true);
    expect(frames[0].meta?.type).toBe('timeseries-multi');
  });

  it('answers per workflow run with units stated in the field config', async () => {
    const frames = await run({ queryType: 'resources', groupBy: [], resources: ['avg_memory', 'gpu', 'avg_cores'] });
    const [memory, gpu, cores] = frames.map((f) => decodeTable(f).fields[1]);
    expect(memory).toEqual({
      name: 'avg_memory',
      labels: { resource: 'avg_memory' },
      config: expect.objectContaining({ unit: 'mbytes' }),
    });
    expect(gpu).toEqual({
      name: 'gpu_seconds',
      labels: { resource: 'gpu' },
      config: expect.objectContaining({ unit: 's' }),
    });
    expect(cores.config).toEqual({ unit: 'none', displayNameFromDS: 'average cores' });
    const runs = docs.filter((d) => inRange(d, 'workflow'));
    const series = decodeSeries(frames[2]);
    const buckets = [...new Set(runs.map(bucketOf))].sort((a, b) => a - b);
    expect(series.times).toEqual(buckets);
    series.values.forEach((v, i) =>
      expect(v).toBeCloseTo(
        average(
          runs.filter((d) => bucketOf(d) === buckets[i]),
          (d) => d.resources?.cpu_core_seconds
        )!,
        9
      )
    );
  });

  it('names a bad resource', async () => {
    await expect(run({ queryType: 'resources', resources: ['disk'] })).rejects.toThrow(/^resources\[0\]: /);
  });
});

describe('metrics over Elasticsearch', () => {
  const runs = () => docs.filter((d) => inRange(d, 'workflow') && d.metrics?.images_processed !== undefined);
  const aggregate = {
    avg: (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length,
    sum: (v: number[]) => v.reduce((a, b) => a + b, 0),
    min: (v: number[]) => Math.min(...v),
    max: (v: number[]) => Math.max(...v),
  };

  it.each(Object.keys(aggregate) as Array<keyof typeof aggregate>)(
    '%s of metrics.images_processed per workflow and bucket',
    async (aggregation) => {
      const frames = (
        await run({ queryType: 'metrics', metric: 'images_processed', aggregation, groupBy: ['workflow'] })
      ).map(decodeSeries);
      const expected = byGroupAndBucket(runs(), (d) => d.workflow.name);
      expect(frames).toHaveLength(expected.size);
      for (const [workflow, byTime] of expected) {
        const times = [...byTime.keys()].sort((a, b) => a - b);
        const [frame] = frames.filter((f) => f.labels.workflow === workflow);
        expect(frame.labels).toEqual({ workflow, metric: 'images_processed' });
        expect(frame.times).toEqual(times);
        frame.values.forEach((v, i) =>
          expect(v).toBeCloseTo(
            aggregate[aggregation](byTime.get(times[i])!.map((d) => d.metrics!.images_processed)),
            6
          )
        );
      }
    }
  );

  it('answers the typed empty frame when no run in the range reports the metric', async () => {
    const empty = { fromEpochMS: FROM - 30 * 86_400_000, toEpochMS: FROM - 29 * 86_400_000 };
    const frames = (
      await answerFrames({ index, query: { queryType: 'metrics', metric: 'images_processed' }, range: empty })
    ).map(decodeSeries);
    expect(frames).toHaveLength(1);
    expect(frames[0].fieldCount).toBe(0);
    expect(frames[0].meta?.type).toBe('timeseries-multi');
  });

  it('names a metric that no document has ever reported', async () => {
    await expect(run({ queryType: 'metrics', metric: 'never_reported' })).rejects.toThrow(
      /^metrics\.never_reported does not exist in the indices matching "argoperf-resources-\d+"; check the field name/
    );
  });

  it('refuses a metric name that is not a field name', async () => {
    await expect(run({ queryType: 'metrics', metric: 'a*' })).rejects.toThrow(/^metric: /);
    await expect(run({ queryType: 'metrics' })).rejects.toThrow(/^metric: /);
  });
});

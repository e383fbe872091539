import { answerFrames } from '../test/answerFrames';
import { decodeSeries, decodeTable } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/**
 * outcomes against the real Elasticsearch node. The generated history has Succeeded and Failed runs;
 * this test adds errored and still-running copies of some, then compares every count and rate with
 * values computed here from the documents.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * 24 * HOUR;
const BUCKET = 6 * HOUR;
const index = `argoperf-outcomes-${Date.now()}`;
const FINISHED = ['Succeeded', 'Failed', 'Error'];

let docs: HistoryDoc[];

withHistoryIndex(index, () => {
  const history = generateHistory(FROM, TO);
  const errored = history
    .filter((_, i) => i % 11 === 0)
    .map((d) => ({
      ...d,
      phase: 'Error',
      message: 'pod deleted',
      workflow: { ...d.workflow, uid: `${d.workflow.uid}-e` },
    }));
  const running = history
    .filter((_, i) => i % 13 === 0)
    .map(({ end: _end, duration_ms: _ms, message: _m, ...d }) => ({ ...d, phase: 'Running' }));
  docs = [...history, ...errored, ...running];
  return docs;
});

async function run(query: object) {
  return answerFrames({ index, query, range: { fromEpochMS: FROM, toEpochMS: TO }, intervalMS: BUCKET });
}

function inRange(doc: HistoryDoc, kind: 'workflow' | 'node') {
  const start = Date.parse(doc['@timestamp']);
  return doc.doc_kind === kind && start >= FROM && start < TO;
}

describe('outcomes over Elasticsearch', () => {
  it('counts succeeded, failed and errored runs and the failure rate per workflow and bucket, exactly', async () => {
    const frames = (await run({ queryType: 'outcomes', groupBy: ['workflow'] })).map(decodeSeries);
    const expected = new Map<string, Map<number, Record<string, number>>>();
    for (const doc of docs.filter((d) => inRange(d, 'workflow') && FINISHED.includes(d.phase))) {
      const byTime = expected.get(doc.workflow.name) ?? new Map<number, Record<string, number>>();
      const bucket = Math.floor(Date.parse(doc['@timestamp']) / BUCKET) * BUCKET;
      const counts = byTime.get(bucket) ?? { Succeeded: 0, Failed: 0, Error: 0 };
      counts[doc.phase]++;
      byTime.set(bucket, counts);
      expected.set(doc.workflow.name, byTime);
    }
    let errors = 0;
    let seriesCount = 0;
    let withoutErrors = 0;
    for (const [workflow, byTime] of expected) {
      const times = [...byTime.keys()].sort((a, b) => a - b);
      const counts = times.map((t) => byTime.get(t)!);
      const found = (outcome: string) =>
        frames.filter(
          (f) => f.labels.workflow === workflow && f.labels.outcome === outcome && Object.keys(f.labels).length === 2
        );
      const measure = (outcome: string) => {
        expect(found(outcome)).toHaveLength(1);
        expect(found(outcome)[0].times).toEqual(times);
        return found(outcome)[0].values;
      };
      // A phase with no run of this workflow in the range gets no series (every phase has runs in some workflow).
      for (const [outcome, phase] of [['succeeded', 'Succeeded'], ['failed', 'Failed'], ['error', 'Error']] as const) {
        if (counts.every((c) => c[phase] === 0)) {
          expect(found(outcome)).toHaveLength(0);
          withoutErrors += phase === 'Error' ? 1 : 0;
        } else {
          expect(measure(outcome)).toEqual(counts.map((c) => c[phase]));
          seriesCount++;
        }
      }
      expect(measure('failure_rate')).toEqual(
        counts.map((c) => (c.Failed + c.Error) / (c.Succeeded + c.Failed + c.Error))
      );
      seriesCount++;
      errors += counts.reduce((sum, c) => sum + c.Error, 0);
    }
    expect(frames).toHaveLength(seriesCount);
    expect(errors).toBeGreaterThan(0);
    expect(withoutErrors).toBeGreaterThan(0);
    expect(frames[0].meta?.type).toBe('timeseries-multi');
  });

  it('keeps one zero series for an outcome no group has, so tables built on the answer keep its column', async () => {
    const frames = (
      await run({ queryType: 'outcomes', groupBy: ['workflow'], filters: { phases: ['Succeeded'] } })
    ).map(decodeSeries);
    const runs = new Map<string, number>();
    for (const doc of docs.filter((d) => inRange(d, 'workflow') && d.phase === 'Succeeded')) {
      runs.set(doc.workflow.name, (runs.get(doc.workflow.name) ?? 0) + 1);
    }
    const [largest] = [...runs.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    const of = (outcome: string) => frames.filter((f) => f.labels.outcome === outcome);
    expect(of('succeeded').map((f) => f.labels.workflow).sort()).toEqual([...runs.keys()].sort());
    expect(of('failure_rate')).toHaveLength(runs.size);
    for (const outcome of ['failed', 'error']) {
      expect(of(outcome).map((f) => f.labels.workflow)).toEqual([largest]);
      expect(of(outcome)[0].values.every((v) => v === 0)).toBe(true);
      expect(of(outcome)[0].values.length).toBeGreaterThan(0);
    }
  });

  it('counts per phase under two group keys', async () => {
    const frames = (await run({ queryType: 'outcomes', groupBy: ['namespace', 'workflow'], measures: ['failed'] })).map(decodeSeries);
    const expected = new Map<string, number>();
    for (const doc of docs.filter((d) => inRange(d, 'workflow') && d.phase === 'Failed')) {
      const key = `${doc.namespace}|${doc.workflow.name}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(
      frames.map((f) => [`${f.labels.namespace}|${f.labels.workflow}`, f.values.reduce<number>((a, b) => a + (b ?? 0), 0)])
    );
    expect(got).toEqual(expected);
  });

  it('states the failure rate’s unit and range in the field config', async () => {
    const [frame] = await run({ queryType: 'outcomes', groupBy: [], measures: ['failure_rate'] });
    const field = decodeTable(frame).fields[1];
    expect(field).toEqual({
      name: 'failure_rate',
      labels: { outcome: 'failure_rate' },
      config: expect.objectContaining({ unit: 'percentunit', min: 0, max: 1 }),
    });
  });

  it('lists the failure reasons of steps per workflow, most frequent first', async () => {
    const frames = await run({
      queryType: 'outcomes',
      view: 'reasons',
      level: 'node',
      groupBy: ['workflow'],
      filters: { namespaces: ['ml'] },
    });
    expect(frames).toHaveLength(1);
    const table = decodeTable(frames[0]);
    expect(table.meta?.type).toBe('table');
    expect(table.fields.map((f) => f.name)).toEqual(['workflow', 'reason', 'failures']);
    const expected = new Map<string, number>();
    for (const doc of docs.filter(
      (d) => inRange(d, 'node') && d.namespace === 'ml' && ['Failed', 'Error'].includes(d.phase)
    )) {
      const key = `${doc.workflow.name}|${doc.message ?? '(no message)'}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = table.columns.reason.map((reason, i) => [
      `${table.columns.workflow[i]}|${reason}`,
      table.columns.failures[i],
    ]);
    expect(new Map(rows as Array<[string, number]>)).toEqual(expected);
    expect(rows).toHaveLength(expected.size);
    expect(new Set(table.columns.reason).size).toBeGreaterThanOrEqual(3);
    // Within one workflow, the counts never rise.
    rows.forEach(([key, count], i) => {
      const next = rows[i + 1];
      if (next && String(next[0]).split('|')[0] === String(key).split('|')[0]) {
        expect(next[1]).toBeLessThanOrEqual(count as number);
      }
    });
  });

  it('names a bad measure', async () => {
    await expect(run({ queryType: 'outcomes', measures: ['skipped'] })).rejects.toThrow(/^measures\[0\]: /);
  });
});

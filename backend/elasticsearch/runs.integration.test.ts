import { answerFrames } from '../test/answerFrames';
import { decodeTable } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/**
 * runs against the real Elasticsearch node: rows, order, durations, retries and the ratio to the
 * group's median duration are computed here from the generated documents (plus running copies of
 * some runs, which have no end and no duration).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * DAY;
const RANGE = { fromEpochMS: TO - 12 * HOUR, toEpochMS: TO };
const index = `argoperf-runs-${Date.now()}`;
const ARGO_URL = 'https://argo.example.com:2746';

let docs: HistoryDoc[];

withHistoryIndex(index, () => {
  const history = generateHistory(FROM, TO);
  const running = history
    .filter((d, i) => d.doc_kind === 'workflow' && i % 7 === 0)
    .map(({ end: _end, duration_ms: _ms, message: _m, ...d }) => ({
      ...d,
      '@timestamp': new Date(Date.parse(d['@timestamp']) + 1000).toISOString(),
      phase: 'Running',
      workflow: { ...d.workflow, uid: `${d.workflow.uid}-r` },
    }));
  docs = [...history, ...running];
  return docs;
});

async function run(query: object, settings: object = {}) {
  const frames = await answerFrames({ index, query, range: RANGE, settings });
  expect(frames).toHaveLength(1);
  return decodeTable(frames[0]);
}

const startOf = (d: HistoryDoc) => Date.parse(d['@timestamp']);
const newestFirst = (a: HistoryDoc, b: HistoryDoc) =>
  startOf(b) - startOf(a) ||
  a.workflow.name.localeCompare(b.workflow.name) ||
  (a.node?.name ?? '').localeCompare(b.node?.name ?? '');

function expectedRows(kind: HistoryDoc['doc_kind'], keep: (d: HistoryDoc) => boolean = () => true) {
  return docs
    .filter((d) => d.doc_kind === kind && startOf(d) >= RANGE.fromEpochMS && startOf(d) < RANGE.toEpochMS && keep(d))
    .sort(newestFirst);
}

/** The bounds of duration ÷ median: the median lies between the neighbouring order statistics. */
function baselineBounds(doc: HistoryDoc, baselineDays: number): [number, number] | null {
  const sameGroup = (d: HistoryDoc) =>
    d.doc_kind === doc.doc_kind &&
    d.namespace === doc.namespace &&
    d.workflow.template === doc.workflow.template &&
    d.node?.display_name === doc.node?.display_name;
  const durations = docs
    .filter(
      (d) => sameGroup(d) && d.duration_ms !== undefined && startOf(d) >= TO - baselineDays * DAY && startOf(d) < TO
    )
    .map((d) => d.duration_ms!)
    .sort((a, b) => a - b);
  if (doc.duration_ms === undefined || durations.length === 0) {
    return null;
  }
  const rank = 0.5 * (durations.length - 1);
  return [doc.duration_ms / durations[Math.ceil(rank)], doc.duration_ms / durations[Math.floor(rank)]];
}

function expectBaseline(values: Array<string | number | null>, rows: HistoryDoc[], baselineDays: number) {
  rows.forEach((doc, i) => {
    const bounds = baselineBounds(doc, baselineDays);
    if (bounds === null) {
      expect(values[i]).toBeNull();
    } else {
      expect(values[i]).toBeGreaterThanOrEqual(bounds[0] - 1e-9);
      expect(values[i]).toBeLessThanOrEqual(bounds[1] + 1e-9);
    }
  });
}

describe('runs over Elasticsearch', () => {
  it('lists workflow runs newest first with durations, retries and the ratio to the last day’s median', async () => {
    const table = await run({ queryType: 'runs', limit: 1000, baselineDays: 1 });
    const rows = expectedRows('workflow');
    expect(table.meta?.type).toBe('table');
    expect(table.fields.map((f) => f.name)).toEqual([
      'start',
      'end',
      'duration',
      'phase',
      'namespace',
      'workflow',
      'message',
      'vs_baseline',
      'retries',
    ]);
    expect(table.rows).toBe(rows.length);
    expect(table.columns.start).toEqual(rows.map(startOf));
    expect(table.columns.end).toEqual(rows.map((d) => (d.end ? Date.parse(d.end) : null)));
    expect(table.columns.duration).toEqual(
      rows.map((d) => (d.duration_ms === undefined ? null : d.duration_ms / 1000))
    );
    expect(table.columns.phase).toEqual(rows.map((d) => d.phase));
    expect(table.columns.namespace).toEqual(rows.map((d) => d.namespace));
    expect(table.columns.workflow).toEqual(rows.map((d) => d.workflow.name));
    expect(table.columns.message).toEqual(rows.map((d) => d.message ?? null));
    const retried = (uid: string) =>
      docs.filter((d) => d.doc_kind === 'node' && d.workflow.uid === uid && (d.node?.retry_attempt ?? 0) > 0).length;
    expect(table.columns.retries).toEqual(rows.map((d) => retried(d.workflow.uid)));
    expect(table.columns.retries.some((n) => Number(n) > 0)).toBe(true);
    expect(table.columns.phase).toContain('Running');
    expectBaseline(table.columns.vs_baseline, rows, 1);
    expect(table.columns.vs_baseline.filter((v) => v === null)).toHaveLength(
      rows.filter((d) => d.duration_ms === undefined).length
    );
    expect(table.fields.find((f) => f.name === 'duration')?.config).toEqual(expect.objectContaining({ unit: 's' }));
    expect(table.fields.find((f) => f.name === 'workflow')?.config).toEqual({});
  });

  it('lists steps with task, template and retry attempt, cut at the limit with a notice', async () => {
    const table = await run({ queryType: 'runs', level: 'node', limit: 5, filters: { namespaces: ['ml'] } });
    const all = expectedRows('node', (d) => d.namespace === 'ml');
    const rows = all.slice(0, 5);
    expect(all.length).toBeGreaterThan(5);
    expect(table.fields.map((f) => f.name)).toEqual([
      'start',
      'end',
      'duration',
      'phase',
      'namespace',
      'workflow',
      'task',
      'template',
      'retry_attempt',
      'message',
      'vs_baseline',
    ]);
    expect(table.columns.start).toEqual(rows.map(startOf));
    expect(table.columns.task).toEqual(rows.map((d) => d.node!.display_name));
    expect(table.columns.template).toEqual(rows.map((d) => d.node!.template));
    expect(table.columns.retry_attempt).toEqual(rows.map((d) => d.node!.retry_attempt));
    expect(table.columns.duration).toEqual(rows.map((d) => d.duration_ms! / 1000));
    // The default baseline (14 days) reaches back before the generated history: all of it counts.
    expectBaseline(table.columns.vs_baseline, rows, 14);
    expect(table.columns.vs_baseline.every((v) => typeof v === 'number')).toBe(true);
    expect(table.meta?.notices).toEqual([
      expect.objectContaining({ severity: 'info', text: expect.stringContaining('Only the 5 newest runs') }),
    ]);
  });

  it('links each run to the Argo UI when the datasource has an Argo Server URL', async () => {
    const table = await run({ queryType: 'runs', limit: 1 }, { argo: { url: `${ARGO_URL}/` } });
    expect(table.fields.find((f) => f.name === 'workflow')?.config).toEqual({
      links: [
        {
          title: 'Open in Argo',
          url: `${ARGO_URL}/workflows/\${__data.fields.namespace}/\${__value.raw}`,
          targetBlank: true,
        },
      ],
    });
  });

  it('names a bad baseline', async () => {
    await expect(run({ queryType: 'runs', baselineDays: 0 })).rejects.toThrow(/^baselineDays: /);
  });

  it('refuses a baseline longer than the datasource allows (maxRangeDays)', async () => {
    await expect(run({ queryType: 'runs', baselineDays: 5 }, { maxRangeDays: 4 })).rejects.toThrow(
      /^baselineDays: the baseline reads 5 days back, longer than this datasource allows \(4 days\)/
    );
  });
});

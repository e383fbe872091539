import { answerFrames } from '../test/answerFrames';
import { decodeTable, type DecodedTable } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/**
 * baseline against the real Elasticsearch node: per group, the stat over the last currentMinutes ÷ the
 * same stat over the baselineDays before, compared with ratios computed here from the documents
 * (exact for max, avg and the failure rate; percentiles between neighbouring order statistics).
 * The test adds errored copies of some runs and integer resource-seconds to every document.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * 24 * HOUR;
const CURRENT_FROM = TO - 6 * HOUR;
const BASELINE_FROM = CURRENT_FROM - 2 * 24 * HOUR;
const WINDOWS = { currentMinutes: 360, baselineDays: 2 };
const index = `argoperf-baseline-${Date.now()}`;

type Doc = HistoryDoc & { resources?: { cpu_core_seconds: number; memory_mib_seconds: number } };
let docs: Doc[];

withHistoryIndex(index, () => {
  const history = generateHistory(FROM, TO);
  const errored = history
    .filter((_, i) => i % 11 === 0)
    .map((d) => ({ ...d, phase: 'Error', workflow: { ...d.workflow, uid: `${d.workflow.uid}-e` } }));
  docs = [...history, ...errored].map((d, i) => {
    const seconds = (d.duration_ms ?? 0) / 1000;
    return { ...d, resources: { cpu_core_seconds: seconds * (1 + (i % 3)), memory_mib_seconds: 512 * seconds * (1 + (i % 2)) } };
  });
  return docs;
});

async function run(query: object) {
  const frames = await answerFrames({ index, query: { queryType: 'baseline', ...WINDOWS, ...query }, range: { fromEpochMS: FROM, toEpochMS: TO } });
  return frames.map(decodeTable);
}

/** Documents of each group, split into the current and baseline windows. */
function windowDocs(kind: 'workflow' | 'node', keyOf: (doc: Doc) => string | undefined) {
  const groups = new Map<string, { current: Doc[]; baseline: Doc[] }>();
  for (const doc of docs.filter((d) => d.doc_kind === kind)) {
    const key = keyOf(doc);
    const start = Date.parse(doc['@timestamp']);
    if (key === undefined || start < BASELINE_FROM || start >= TO) {
      continue;
    }
    const group = groups.get(key) ?? { current: [], baseline: [] };
    (start >= CURRENT_FROM ? group.current : group.baseline).push(doc);
    groups.set(key, group);
  }
  return groups;
}

function ratios(frames: DecodedTable[], keyOf: (labels: Record<string, string>) => string) {
  return new Map(
    frames.map((frame) => {
      expect(frame.meta?.type).toBe('numeric-multi');
      expect(frame.meta?.typeVersion).toEqual([0, 1]);
      expect(frame.rows).toBe(1);
      expect(frame.fields).toHaveLength(1);
      return [keyOf(frame.fields[0].labels), { ratio: frame.columns.vs_baseline[0] as number, custom: frame.meta?.custom as Record<string, number> }];
    })
  );
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** The expected ratio per group for a stat computed from a window's documents; groups without one are left out. */
function expectedRatios(kind: 'workflow' | 'node', keyOf: (doc: Doc) => string | undefined, stat: (docs: Doc[]) => number | null) {
  const expected = new Map<string, { ratio: number; current: number; baseline: number }>();
  for (const [key, windows] of windowDocs(kind, keyOf)) {
    const current = stat(windows.current);
    const baseline = stat(windows.baseline);
    if (current !== null && baseline !== null && baseline !== 0) {
      expected.set(key, { ratio: current / baseline, current, baseline });
    }
  }
  return expected;
}

const durations = (list: Doc[]) => list.filter((d) => d.duration_ms !== undefined).map((d) => d.duration_ms!);

describe('baseline over Elasticsearch', () => {
  it.each([
    ['max', (list: Doc[]) => (durations(list).length ? Math.max(...durations(list)) : null)],
    ['avg', (list: Doc[]) => (durations(list).length ? mean(durations(list)) : null)],
    ['cpu_core_seconds', (list: Doc[]) => (list.length ? mean(list.map((d) => d.resources!.cpu_core_seconds)) : null)],
    ['memory_mib_seconds', (list: Doc[]) => (list.length ? mean(list.map((d) => d.resources!.memory_mib_seconds)) : null)],
  ])('divides the current %s of each step by its baseline, exactly', async (stat, compute) => {
    const frames = await run({ level: 'node', groupBy: ['workflow', 'task'], stat });
    const got = ratios(frames, (l) => `${l.workflow}|${l.task}|${l.stat}`);
    const expected = expectedRatios('node', (d) => `${d.workflow.name}|${d.node!.display_name}|${stat}`, compute);
    expect(expected.size).toBeGreaterThanOrEqual(4);
    expect(new Set(got.keys())).toEqual(new Set(expected.keys()));
    for (const [key, want] of expected) {
      expect(got.get(key)!.ratio).toBe(want.ratio);
      expect(got.get(key)!.custom).toMatchObject({ current: want.current, baseline: want.baseline });
    }
  });

  it('divides the current failure rate of each workflow by its baseline, exactly, and names groups without a ratio', async () => {
    const frames = await run({ groupBy: ['workflow'], stat: 'failure_rate' });
    const finished = (list: Doc[]) => list.filter((d) => ['Succeeded', 'Failed', 'Error'].includes(d.phase));
    const rate = (list: Doc[]) => {
      const done = finished(list);
      return done.length ? done.filter((d) => d.phase !== 'Succeeded').length / done.length : null;
    };
    const expected = expectedRatios('workflow', (d) => d.workflow.name, rate);
    const got = ratios(frames, (l) => l.workflow);
    expect(new Set(got.keys())).toEqual(new Set(expected.keys()));
    expect(expected.size).toBeGreaterThan(0);
    for (const [key, want] of expected) {
      expect(got.get(key)!.ratio).toBe(want.ratio);
    }
    const all = windowDocs('workflow', (d) => d.workflow.name);
    const without = [...all.keys()].filter((name) => !expected.has(name));
    const notices = (frames[0].meta?.notices ?? []) as Array<{ text: string }>;
    if (without.length > 0) {
      without.forEach((name) => expect(notices.map((n) => n.text).join()).toContain(name));
    } else {
      expect(notices).toHaveLength(0);
    }
  });

  it('answers the current or the baseline failure rate by itself (value), zero baselines included, labelled as the ratio is', async () => {
    const finished = (list: Doc[]) => list.filter((d) => ['Succeeded', 'Failed', 'Error'].includes(d.phase));
    const rate = (list: Doc[]) => {
      const done = finished(list);
      return done.length ? done.filter((d) => d.phase !== 'Succeeded').length / done.length : null;
    };
    const groups = windowDocs('workflow', (d) => d.workflow.name);
    for (const value of ['current', 'baseline'] as const) {
      const frames = await run({ groupBy: ['workflow'], stat: 'failure_rate', value });
      const got = new Map(
        frames.map((frame) => {
          expect(frame.meta?.type).toBe('numeric-multi');
          expect(frame.fields).toEqual([expect.objectContaining({ name: value, labels: { workflow: expect.any(String), stat: 'failure_rate' } })]);
          expect(frame.fields[0].config?.unit).toBe('percentunit');
          return [frame.fields[0].labels!.workflow, frame.columns[value][0] as number];
        })
      );
      const expected = new Map(
        [...groups].map(([name, windows]) => [name, rate(windows[value])] as const).filter((entry): entry is [string, number] => entry[1] !== null)
      );
      expect(expected.size).toBeGreaterThan(0);
      expect(got).toEqual(expected);
      if (value === 'baseline') {
        // The rule "failure rate above its baseline" must see a zero baseline, which has no ratio.
        expect([...expected.values()]).toContain(0);
      }
    }
  });

  it('answers the current max duration in seconds (value current)', async () => {
    const frames = await run({ level: 'node', groupBy: ['workflow', 'task'], stat: 'max', value: 'current' });
    const groups = windowDocs('node', (d) => `${d.workflow.name}|${d.node!.display_name}`);
    const expected = new Map(
      [...groups].filter(([, w]) => durations(w.current).length > 0).map(([key, w]) => [key, Math.max(...durations(w.current)) / 1000])
    );
    const got = new Map(frames.map((f) => [`${f.fields[0].labels!.workflow}|${f.fields[0].labels!.task}`, f.columns.current[0]]));
    expect(frames.every((f) => f.fields[0].config?.unit === 's')).toBe(true);
    expect(got).toEqual(expected);
  });

  it('gives percentile ratios between the ratios of neighbouring order statistics', async () => {
    const frames = await run({ level: 'node', groupBy: ['task'], stat: 'p90', filters: { namespaces: ['data'] } });
    const got = ratios(frames, (l) => l.task);
    const groups = windowDocs('node', (d) => (d.namespace === 'data' ? d.node!.display_name : undefined));
    expect(got.size).toBe(groups.size);
    const bounds = (list: Doc[]) => {
      const sorted = durations(list).sort((a, b) => a - b);
      const rank = 0.9 * (sorted.length - 1);
      return [sorted[Math.floor(rank)], sorted[Math.ceil(rank)]];
    };
    for (const [task, windows] of groups) {
      const [cLow, cHigh] = bounds(windows.current);
      const [bLow, bHigh] = bounds(windows.baseline);
      const { ratio, custom } = got.get(task)!;
      expect(custom.current).toBeGreaterThanOrEqual(cLow - 1e-9);
      expect(custom.current).toBeLessThanOrEqual(cHigh + 1e-9);
      expect(custom.baseline).toBeGreaterThanOrEqual(bLow - 1e-9);
      expect(custom.baseline).toBeLessThanOrEqual(bHigh + 1e-9);
      expect(ratio).toBeGreaterThanOrEqual(cLow / bHigh - 1e-9);
      expect(ratio).toBeLessThanOrEqual(cHigh / bLow + 1e-9);
      expect(custom.currentCount).toBe(windows.current.length);
      expect(custom.baselineCount).toBe(windows.baseline.length);
    }
  });

  it('answers a typed empty numeric-multi frame with a notice when nothing has a baseline', async () => {
    const frames = await run({ groupBy: [], stat: 'max', filters: { workflows: ['no-such-workflow'] } });
    expect(frames).toHaveLength(1);
    expect(frames[0].fields).toHaveLength(0);
    expect(frames[0].meta).toMatchObject({ type: 'numeric-multi', typeVersion: [0, 1] });
    expect(frames[0].meta?.notices).toEqual([expect.objectContaining({ severity: 'info', text: expect.stringContaining('no runs in the current window') })]);
  });

  it('names a bad stat and a bad current window', async () => {
    await expect(run({ stat: 'median' })).rejects.toThrow(/^stat: "median" cannot be compared/);
    await expect(run({ stat: 'p101' })).rejects.toThrow(/^stat: percentile 101 is outside 0–100/);
    await expect(run({ currentMinutes: 0 })).rejects.toThrow(/^currentMinutes: /);
  });

  it('refuses a baseline longer than the datasource allows (maxRangeDays)', async () => {
    const query = { queryType: 'baseline', ...WINDOWS, baselineDays: 3 };
    // 3 days + the 6 h current window = 3.25 days, more than 3.
    await expect(answerFrames({ index, query, range: { fromEpochMS: FROM, toEpochMS: TO }, settings: { maxRangeDays: 3 } })).rejects.toThrow(
      'baselineDays: the baseline reads 3.3 days back, longer than this datasource allows (3 days); shorten the baseline, or raise "Longest time range" (maxRangeDays) in the datasource settings'
    );
  });
});

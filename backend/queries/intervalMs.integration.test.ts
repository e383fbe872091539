import { answerFrames } from '../test/answerFrames';
import { decodeSeries } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/**
 * Whatever interval Grafana (or anyone calling QueryData) sends — fractional, tiny, huge, negative, NaN —
 * the real Elasticsearch node gets a valid whole-millisecond time value, and every run in the range is
 * still counted exactly once (the count is computed here from the generated documents).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 2, 1);
const TO = FROM + 2 * DAY;
const index = `argoperf-interval-${Date.now()}`;
let docs: HistoryDoc[];

withHistoryIndex(index, () => (docs = generateHistory(FROM, TO)));

const runsInRange = () =>
  docs.filter((doc) => doc.doc_kind === 'workflow' && Date.parse(doc['@timestamp']) >= FROM && Date.parse(doc['@timestamp']) < TO).length;

const INTERVALS = [1500.5, 0.25, 1, -5, NaN, Infinity, -Infinity, 9e18, 1.5e21, 1e300, Number.MAX_VALUE];
const QUERIES = [
  { queryType: 'durations', groupBy: [], stats: ['count'] },
  { queryType: 'outcomes', groupBy: [], measures: ['succeeded', 'failed'] },
  { queryType: 'resources', groupBy: [], resources: ['cpu'] },
  { queryType: 'heatmap' },
];

it.each(INTERVALS)('answers with intervalMs %p, counting every run once', async (intervalMS) => {
  for (const query of QUERIES) {
    const frames = await answerFrames({ index, query, range: { fromEpochMS: FROM, toEpochMS: TO }, intervalMS });
    expect(frames.length).toBeGreaterThan(0);
    if (query.queryType === 'durations') {
      const [series] = frames.map(decodeSeries);
      expect(series.times.every((time) => Number.isInteger(time))).toBe(true);
      expect(series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(runsInRange());
    }
  }
});

it.each([NaN, 0, -1, 0.5, 1e12, Infinity])('answers with maxDataPoints %p', async (maxDataPoints) => {
  const frames = await answerFrames({
    index,
    query: QUERIES[0],
    range: { fromEpochMS: FROM, toEpochMS: TO },
    intervalMS: 60_000,
    maxDataPoints,
  });
  const [series] = frames.map(decodeSeries);
  expect(series.values.reduce<number>((sum, value) => sum + (value ?? 0), 0)).toBe(runsInRange());
});

import { DURATION_EDGES_SECONDS } from '../../src/query/heatmapQuery';
import { answerFrames } from '../test/answerFrames';
import { decodeTable } from '../test/decodeFrames';
import { withHistoryIndex } from '../test/elasticsearch';
import { generateHistory, type HistoryDoc } from '../test/history';

/** heatmap against the real Elasticsearch node; every cell is counted here from the documents. */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 3 * 24 * HOUR;
const BUCKET = 6 * HOUR;
const index = `argoperf-heatmap-${Date.now()}`;

let docs: HistoryDoc[];

withHistoryIndex(index, () => (docs = generateHistory(FROM, TO)));

async function run(query: object) {
  const frames = await answerFrames({ index, query, range: { fromEpochMS: FROM, toEpochMS: TO }, intervalMS: BUCKET });
  expect(frames).toHaveLength(1);
  return decodeTable(frames[0]);
}

/** "xMin|yMin|yMax" → count, for the documents `select` keeps. */
function expectedCells(select: (doc: HistoryDoc) => boolean): Map<string, number> {
  const cells = new Map<string, number>();
  for (const doc of docs) {
    const start = Date.parse(doc['@timestamp']);
    if (!select(doc) || start < FROM || start >= TO) {
      continue;
    }
    const seconds = doc.duration_ms! / 1000;
    const band = DURATION_EDGES_SECONDS.filter((edge) => edge <= seconds).length;
    const yMin = band === 0 ? 0 : DURATION_EDGES_SECONDS[band - 1];
    const yMax =
      band < DURATION_EDGES_SECONDS.length ? DURATION_EDGES_SECONDS[band] : 2 * DURATION_EDGES_SECONDS[band - 1];
    const key = `${Math.floor(start / BUCKET) * BUCKET}|${yMin}|${yMax}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  return cells;
}

function cellsOf(table: ReturnType<typeof decodeTable>): Map<string, number> {
  const { xMin, yMin, yMax, count } = table.columns;
  return new Map(xMin.map((x, i) => [`${x}|${yMin[i]}|${yMax[i]}`, count[i] as number]));
}

describe('heatmap over Elasticsearch', () => {
  it('counts workflow runs per time bucket and log-spaced duration band, exactly', async () => {
    const table = await run({ queryType: 'heatmap' });
    const expected = expectedCells((doc) => doc.doc_kind === 'workflow');
    expect(table.rows).toBe(expected.size);
    expect(cellsOf(table)).toEqual(expected);
    expect(table.meta?.type).toBe('heatmap-cells');
    expect(table.fields.map((f) => f.name)).toEqual(['xMin', 'yMin', 'yMax', 'count']);
    expect(table.fields[1].config.unit).toBe('s');
    expect(table.fields[2].config.unit).toBe('s');
    expect(new Set(table.columns.yMin).size).toBeGreaterThan(1);
  });

  it('reads steps with filters', async () => {
    const table = await run({
      queryType: 'heatmap',
      level: 'node',
      filters: { namespaces: ['ml'], tasks: ['evaluate'] },
    });
    const expected = expectedCells(
      (doc) => doc.doc_kind === 'node' && doc.namespace === 'ml' && doc.node?.display_name === 'evaluate'
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(cellsOf(table)).toEqual(expected);
  });

  it('answers an empty range with an empty heatmap-cells frame', async () => {
    const table = await run({ queryType: 'heatmap', filters: { namespaces: ['nowhere'] } });
    expect(table.rows).toBe(0);
    expect(table.meta?.type).toBe('heatmap-cells');
  });
});

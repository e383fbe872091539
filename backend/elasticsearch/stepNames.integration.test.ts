import { callResource } from '../handlers/callResource';
import type { CallResourceRequest } from '../protocol/messages';
import { answerFrames } from '../test/answerFrames';
import { decodeTable } from '../test/decodeFrames';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import type { HistoryDoc } from '../test/history';
import { pluginContext } from '../test/pluginContext';

/**
 * A loop writes one node per item (`process(0:a)`, `process(1:b)`, ...): the `tasks` list offers the step
 * name people use (`process`), once, and a tasks filter on it matches every item of the loop. Documents
 * as the collector writes them (node.display_name keeps the item suffix; the retry suffix is stripped).
 */
const INDEX = `argoperf-steps-${process.pid}`;
const START = Date.parse('2026-03-02T10:00:00Z');
const ITEMS = ['process(0:a)', 'process(1:b)', 'process(2:{"shard":"c (x)"})', 'process(10:d)'];
const PLAIN = ['fetch', 'train'];

function node(displayName: string, i: number): HistoryDoc {
  const at = new Date(START + i * 60_000).toISOString();
  return {
    doc_kind: 'node',
    '@timestamp': at,
    end: new Date(START + i * 60_000 + 30_000).toISOString(),
    duration_ms: 30_000,
    phase: 'Succeeded',
    namespace: 'ml',
    workflow: { name: 'fan-out-x1', uid: 'uid-1', template: 'fan-out' },
    node: { id: `n${i}`, name: `fan-out-x1.${displayName}`, display_name: displayName, template: 'work', type: 'Pod' },
    labels: {},
  };
}

withHistoryIndex(INDEX, () => [...ITEMS, ...PLAIN].map(node));

const RANGE = { fromEpochMS: START - 3_600_000, toEpochMS: START + 3_600_000 };
const settings = { elasticsearch: { url: elasticsearchUrl(), index: INDEX } };

async function list(path: string, url = path): Promise<unknown> {
  const request = { pluginContext: pluginContext(settings), path, method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}from=${RANGE.fromEpochMS}&to=${RANGE.toEpochMS}`, headers: {}, body: Buffer.alloc(0) };
  const response = await callResource(request as unknown as CallResourceRequest, new AbortController().signal);
  return JSON.parse(Buffer.from(response.body).toString());
}

describe('step names of loops', () => {
  it('lists each step once, without the loop item suffix', async () => {
    expect(await list('tasks')).toEqual({ values: ['fetch', 'process', 'train'] });
  });

  it('a tasks filter on the step name matches every item of the loop', async () => {
    const frames = await answerFrames({
      index: INDEX,
      range: RANGE,
      query: { queryType: 'runs', level: 'node', filters: { tasks: ['process'] }, limit: 100 },
    });
    const rows = decodeTable(frames[0]);
    expect(rows.rows).toBe(ITEMS.length);
  });

  it('a tasks filter on one item still matches only that item', async () => {
    const frames = await answerFrames({
      index: INDEX,
      range: RANGE,
      query: { queryType: 'runs', level: 'node', filters: { tasks: ['process(1:b)'] }, limit: 100 },
    });
    expect(decodeTable(frames[0]).rows).toBe(1);
  });
});

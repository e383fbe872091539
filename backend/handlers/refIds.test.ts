import type { QueryDataRequest } from '../protocol/messages';
import { startPlugin, type PluginProcess } from '../test/pluginProcess';
import { closedPort, dataQuery, pluginContext } from '../test/pluginContext';
import { queryData } from './queryData';

/**
 * Every refId gets its own answer under exactly its own key, whatever the refId is: names that plain
 * JavaScript objects treat specially, unicode, the empty string. Checked on the handler's object and on
 * the bytes the backend process sends over gRPC (read here field by field, as Grafana's Go decoder would).
 */
const REF_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'Ünïcödé 😀 检查', '', 'A'];

/** Each refId asks for an impossible percentile of its own, so each answer says which query it answers. */
function queries() {
  return REF_IDS.map((refId, i) => dataQuery(refId, { queryType: 'durations', stats: [`p${101 + i}`] }));
}
const expectedError = (i: number) => `stats[0]: percentile ${101 + i} is outside 0–100; use a value such as p95 or p99`;

let esUrl: string;
beforeAll(async () => {
  esUrl = `http://127.0.0.1:${await closedPort()}`;
});

it('keys every answer by its own refId in the handler’s response', async () => {
  const response = await queryData(
    { pluginContext: pluginContext({ elasticsearch: { url: esUrl } }), headers: {}, queries: queries() },
    new AbortController().signal
  );
  expect(Object.keys(response.responses).sort()).toEqual([...REF_IDS].sort());
  REF_IDS.forEach((refId, i) => {
    expect(Object.getOwnPropertyDescriptor(response.responses, refId)?.value).toMatchObject({ error: expectedError(i), status: 400 });
  });
});

it('answers a refId used twice in one request with an error naming it, not one of the two answers', async () => {
  const response = await queryData(
    {
      pluginContext: pluginContext({ elasticsearch: { url: esUrl } }),
      headers: {},
      queries: [dataQuery('A', { queryType: 'durations', stats: ['p101'] }), dataQuery('A', { queryType: 'heatmap' }), dataQuery('B', { queryType: 'durations', stats: ['p102'] })],
    },
    new AbortController().signal
  );
  expect(response.responses.A).toMatchObject({ status: 400, error: 'refId: "A" names 2 queries in this request; give each query its own refId' });
  expect(response.responses.B.error).toBe(expectedError(1));
});

describe('over gRPC, from the bundled backend process', () => {
  let backend: PluginProcess;
  beforeAll(async () => {
    backend = await startPlugin();
  });
  afterAll(() => backend.stop());

  it('sends one map entry per refId, each with its own answer', async () => {
    // The answer's map is read entry by entry from the bytes (pluginProcess.ts), as Grafana's Go decoder reads it.
    const { entries } = await backend.queryData(
      { pluginContext: pluginContext({ elasticsearch: { url: esUrl } }), headers: {}, queries: queries() } as unknown as QueryDataRequest,
      30_000
    );
    expect(entries.map(([refId]) => refId).sort()).toEqual([...REF_IDS].sort());
    REF_IDS.forEach((refId, i) => expect(entries.find(([key]) => key === refId)?.[1].error).toBe(expectedError(i)));
  });
});

import { credentials, makeGenericClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import { Reader } from 'protobufjs';

import { serviceDefinition } from '../server/protocol';
import { startBackendProcess, type BackendProcess } from '../test/backendProcess';
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

/** The QueryDataResponse wire format: field 1 = map entries {1: key, 2: DataResponse {2: error}}. */
function answersOnTheWire(bytes: Buffer): Map<string, string> {
  const answers = new Map<string, string>();
  const message = Reader.create(bytes);
  while (message.pos < message.len) {
    const tag = message.uint32();
    if (tag !== ((1 << 3) | 2)) {
      message.skipType(tag & 7);
      continue;
    }
    const entry = Reader.create(message.bytes());
    let key = '';
    let error = '';
    while (entry.pos < entry.len) {
      const entryTag = entry.uint32();
      if (entryTag === ((1 << 3) | 2)) {
        key = entry.string();
      } else if (entryTag === ((2 << 3) | 2)) {
        const value = Reader.create(entry.bytes());
        while (value.pos < value.len) {
          const valueTag = value.uint32();
          if (valueTag === ((2 << 3) | 2)) {
            error = value.string();
          } else {
            value.skipType(valueTag & 7);
          }
        }
      } else {
        entry.skipType(entryTag & 7);
      }
    }
    answers.set(key, error);
  }
  return answers;
}

describe('over gRPC, from the bundled backend process', () => {
  let backend: BackendProcess;
  beforeAll(async () => {
    backend = await startBackendProcess();
  });
  afterAll(() => backend.stop());

  it('sends one map entry per refId, each with its own answer', async () => {
    // Requests are encoded as Grafana's are; the answer is kept as raw bytes and decoded by hand.
    const data = serviceDefinition('pluginv2.Data');
    const definition: ServiceDefinition = { QueryData: { ...data.QueryData, responseDeserialize: (bytes: Buffer) => bytes } };
    const Client = makeGenericClientConstructor(definition, 'Data');
    const client = new Client(backend.address, credentials.createInsecure());
    const bytes = await new Promise<Buffer>((resolve, reject) =>
      (client as unknown as Record<string, Function>).QueryData(
        { pluginContext: pluginContext({ elasticsearch: { url: esUrl } }), headers: {}, queries: queries() },
        (error: Error | null, response: Buffer) => (error ? reject(error) : resolve(response))
      )
    );
    client.close();
    const answers = answersOnTheWire(bytes);
    expect([...answers.keys()].sort()).toEqual([...REF_IDS].sort());
    REF_IDS.forEach((refId, i) => expect(answers.get(refId)).toBe(expectedError(i)));
  });
});

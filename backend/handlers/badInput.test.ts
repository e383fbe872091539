import type { CallResourceResponse } from '../protocol/messages';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { startServer, type TestServer } from '../test/tlsServer';
import { callResource } from './callResource';
import { queryData } from './queryData';

/**
 * Bad input to QueryData and CallResource is a 400 that names the field, never a 500, and nothing of it
 * reaches Elasticsearch or the Argo Server. Messages quote at most the start of a value.
 */
const signal = new AbortController().signal;
const MB = 1 << 20;
/** A quoted value in a message: the start of the value, then "… (N characters)" for long ones. */
const LONGEST_MESSAGE = 400;

let argo: ArgoServerHandle;
let elasticsearch: TestServer;

beforeAll(async () => {
  argo = await startArgoServer({ history: { seed: 3, workflows: 20, days: 3 } });
  // Stands in for Elasticsearch only to count what reaches it: every request is a failure of these tests.
  elasticsearch = await startServer((_req, res) => {
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
});

afterAll(async () => {
  await argo.close();
  await elasticsearch.close();
});

beforeEach(() => {
  argo.resetRequests();
  elasticsearch.requests.length = 0;
});

function settings() {
  return pluginContext({ elasticsearch: { url: elasticsearch.url }, argo: { url: argo.url } });
}

async function answer(json: unknown, range?: { fromEpochMS: number; toEpochMS: number }) {
  const response = await queryData({ pluginContext: settings(), headers: {}, queries: [dataQuery('A', json, range)] }, signal);
  return response.responses.A;
}

async function resource(url: string, path = url.split('?')[0]): Promise<{ code: number; error?: string }> {
  const response: CallResourceResponse = await callResource(
    { pluginContext: settings(), path, method: 'GET', url, headers: {}, body: new Uint8Array() },
    signal
  );
  return { code: response.code, error: JSON.parse(Buffer.from(response.body).toString()).error };
}

function expectNothingSent(): void {
  expect(elasticsearch.requests).toHaveLength(0);
  expect(argo.requests).toHaveLength(0);
}

describe('QueryData', () => {
  it('refuses a lone surrogate in a namespace of an Argo query, naming the field', async () => {
    const response = await answer({ queryType: 'durations', source: 'argo', filters: { namespaces: ['ml\ud800'] } });
    expect(response.status).toBe(400);
    expect(response.error).toMatch(/^filters\.namespaces\[0\]: .*not valid Unicode/);
    expectNothingSent();
  });

  it('refuses a 1 MB metric name with a short message, before Elasticsearch', async () => {
    const response = await answer({ queryType: 'metrics', metric: 'a'.repeat(MB) });
    expect(response.status).toBe(400);
    expect(response.error).toMatch(/^metric: "a{60}…" \(1048576 characters\) is too long/);
    expect(response.error!.length).toBeLessThan(LONGEST_MESSAGE);
    expectNothingSent();
  });

  it.each([
    ['an unknown filter key', { queryType: 'durations', filters: { ['x'.repeat(MB)]: [] } }, /^filters: Unrecognized key: "x{60}…" \(1048576 characters\)$/],
    ['a statistic', { queryType: 'durations', stats: ['p'.repeat(MB)] }, /^stats\[0\]: "p{60}…" \(1048576 characters\)/],
    ['a group key', { queryType: 'durations', groupBy: ['g'.repeat(MB)] }, /^groupBy\[0\]: "g{60}…" \(1048576 characters\)/],
    ['a query type', { queryType: 'q'.repeat(MB) }, /^queryType: "q{60}…" \(1048576 characters\) is unknown/],
    ['a schema version', { queryType: 'durations', schemaVersion: 'v'.repeat(MB) }, /^schemaVersion: must be a whole number from 1; got "v{60}…" \(1048576 characters\)$/],
    ['an ad hoc value', { queryType: 'durations', filters: { adhoc: [{ key: 'phase', operator: '=', value: 'v'.repeat(MB) }] } }, /^filters\.adhoc\[0\]\.value: "v{60}…" \(1048576 characters\) is too long/],
  ])('quotes only the start of %s', async (_what, json, message) => {
    const response = await answer(json);
    expect(response.status).toBe(400);
    expect(response.error).toMatch(message);
    expect(response.error!.length).toBeLessThan(LONGEST_MESSAGE);
    expectNothingSent();
  });

  it.each([
    ['beyond the year 9999', { fromEpochMS: 9e15, toEpochMS: 9e15 + 86_400_000 }],
    ['before 1970', { fromEpochMS: -8.64e15, toEpochMS: -8.64e15 + 86_400_000 }],
  ])('refuses a time range %s for an Argo query, naming the time range', async (_what, range) => {
    for (const json of [
      { queryType: 'durations', source: 'argo' },
      { queryType: 'runs', source: 'argo' },
      { queryType: 'cronDrift', view: 'runs' },
    ]) {
      const response = await answer(json, range);
      expect(response).toMatchObject({ status: 400, error: expect.stringMatching(/^timeRange: /) });
    }
    expectNothingSent();
  });
});

describe('CallResource', () => {
  it('refuses a url it cannot parse, naming url', async () => {
    expect(await resource('//[::1', 'namespaces')).toEqual({ code: 400, error: expect.stringMatching(/^url: /) });
  });

  it.each([
    ['from beyond Date', 'namespaces?source=argo&from=100000000000000000000', /^from: /],
    ['to before 1970', 'namespaces?source=argo&to=-100000000000000000', /^to: /],
    ['from after to', 'workflows?source=argo&from=1700000000000&to=1600000000000', /^from: .*before to/],
    ['a fractional from', 'workflows?source=argo&from=1700000000000.5', /^from: /],
    ['a namespace of 64 characters', 'workflows?source=argo&namespace=' + 'n'.repeat(64), /^namespace: "n{60}…" \(64 characters\) is too long/],
    ['1,001 namespaces', 'workflows?source=argo&' + 'namespace=ml&'.repeat(1001), /^namespace: /],
    ['a 1 MB key', 'values?source=argo&key=' + 'k'.repeat(MB), /^key: "k{60}…" \(1048576 characters\)/],
    ['an unknown level', 'workflows?level=pod', /^level: /],
    ['an unknown source', 'workflows?source=argos', /^source: /],
  ])('refuses %s with a 400 naming the parameter', async (_what, url, message) => {
    const response = await resource(url);
    expect(response).toEqual({ code: 400, error: expect.stringMatching(message) });
    expect(response.error!.length).toBeLessThan(LONGEST_MESSAGE);
    expectNothingSent();
  });

  it('quotes only the start of an unknown path', async () => {
    const response = await resource('p'.repeat(MB));
    expect(response.code).toBe(404);
    expect(response.error).toMatch(/^no resource "p{60}…" \(1048576 characters\); available: /);
  });
});

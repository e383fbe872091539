import { closedPort, dataQuery, pluginContext } from '../test/pluginContext';
import { startServer } from '../test/tlsServer';
import { queryData } from './queryData';

const signal = new AbortController().signal;

describe('QueryData with bad input', () => {
  let esUrl: string;
  beforeAll(async () => {
    esUrl = `http://127.0.0.1:${await closedPort()}`;
  });

  it('answers every refId on its own, naming the field that is wrong', async () => {
    const response = await queryData(
      {
        pluginContext: pluginContext({ elasticsearch: { url: esUrl, index: 'argo-*' } }),
        headers: {},
        queries: [
          dataQuery('unknownType', { queryType: 'flamegraph' }),
          dataQuery('malformed', '{"queryType": "durations", '),
          dataQuery('wrongType', { queryType: 'durations', limit: 'ten' }),
          dataQuery('badPercentile', { queryType: 'durations', stats: ['p50', 'p150'] }),
          dataQuery('missingType', { groupBy: ['workflow'] }),
          dataQuery('textGroup', { queryType: 'durations', groupBy: ['no such key'] }),
          dataQuery('valid', { queryType: 'durations' }),
        ],
      },
      signal
    );
    const errors = Object.fromEntries(Object.entries(response.responses).map(([refId, r]) => [refId, r.error]));
    expect(errors.unknownType).toMatch(/^queryType: "flamegraph" is unknown/);
    expect(errors.malformed).toMatch(/^query JSON is malformed/);
    expect(errors.wrongType).toMatch(/^limit: /);
    expect(errors.badPercentile).toBe('stats[1]: percentile 150 is outside 0–100; use a value such as p95 or p99');
    expect(errors.missingType).toMatch(/^queryType: missing/);
    expect(errors.textGroup).toMatch(/^groupBy\[0\]: "no such key" cannot be grouped by/);
    // The valid query reaches Elasticsearch, which is not there: a downstream error, not a crash.
    expect(errors.valid).toMatch(/connection refused by http:\/\/127\.0\.0\.1:\d+/);
    expect(response.responses.valid.errorSource).toBe('downstream');
    expect(response.responses.badPercentile.errorSource).toBe('plugin');
    expect(response.responses.badPercentile.status).toBe(400);
  });

  it('takes queryType from the DataQuery when the JSON lacks it (alert rules)', async () => {
    const query = { ...dataQuery('A', { stats: ['p999'] }), queryType: 'durations' };
    const response = await queryData({ pluginContext: pluginContext({ elasticsearch: { url: esUrl } }), headers: {}, queries: [query] }, signal);
    expect(response.responses.A.error).toBe('stats[0]: percentile 999 is outside 0–100; use a value such as p95 or p99');
  });

  it('fails every refId with the settings problem when the settings do not validate', async () => {
    const response = await queryData(
      {
        pluginContext: pluginContext({ elasticsearch: { url: 'ftp://nope' } }),
        headers: {},
        queries: [dataQuery('A', { queryType: 'durations' }), dataQuery('B', { queryType: 'durations' })],
      },
      signal
    );
    expect(response.responses.A.error).toBe('datasource settings: elasticsearch.url: must be an http:// or https:// URL');
    expect(response.responses.B.error).toBe(response.responses.A.error);
  });

  it('refuses a namespace outside the allow-list', async () => {
    const response = await queryData(
      {
        pluginContext: pluginContext({ elasticsearch: { url: esUrl }, namespaces: ['ml'] }),
        headers: {},
        queries: [dataQuery('A', { queryType: 'durations', filters: { namespaces: ['ml', 'finance'] } })],
      },
      signal
    );
    expect(response.responses.A.error).toBe('filters.namespaces: "finance" not allowed for this datasource; it may read only ml');
    expect(response.responses.A.status).toBe(403);
  });

  it('refuses an unbounded or too long time range before asking Elasticsearch', async () => {
    const day = 24 * 3_600_000;
    const queries = [
      dataQuery('allTime', { queryType: 'durations' }, { fromEpochMS: 0, toEpochMS: 253_402_300_799_000 }),
      dataQuery('year', { queryType: 'durations' }, { fromEpochMS: 0, toEpochMS: 365 * day }),
    ];
    const response = await queryData({ pluginContext: pluginContext({ elasticsearch: { url: esUrl }, maxRangeDays: 90 }), headers: {}, queries }, signal);
    expect(response.responses.allTime.error).toMatch(/^timeRange: 2932897 days is longer than this datasource allows \(90 days\)/);
    expect(response.responses.year.error).toMatch(/^timeRange: 365 days is longer than this datasource allows \(90 days\); narrow the time range/);
  });

  it('reports a slow Elasticsearch as a timeout, after the configured seconds', async () => {
    const silent = await startServer(() => undefined);
    const started = Date.now();
    const response = await queryData(
      {
        pluginContext: pluginContext({ elasticsearch: { url: silent.url, timeoutSeconds: 1 } }),
        headers: {},
        queries: [dataQuery('A', { queryType: 'durations' })],
      },
      signal
    );
    expect(response.responses.A.error).toBe(
      `Elasticsearch at ${silent.url} did not answer within 1 s (timeout); raise the timeout in the datasource settings or check the server's load`
    );
    expect(response.responses.A.errorSource).toBe('downstream');
    // One retry at most: about two timeouts, never the default 30 s.
    expect(Date.now() - started).toBeLessThan(5000);
    await silent.close().catch(() => undefined);
  });

  it('rejects a time range that ends before it starts', async () => {
    const query = dataQuery('A', { queryType: 'durations' }, { fromEpochMS: 2000, toEpochMS: 1000 });
    const response = await queryData({ pluginContext: pluginContext({ elasticsearch: { url: esUrl } }), headers: {}, queries: [query] }, signal);
    expect(response.responses.A.error).toMatch(/^timeRange: /);
  });
});

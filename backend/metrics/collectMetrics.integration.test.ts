import type { Client } from '@elastic/elasticsearch';

import type { CallResourceRequest, PluginContext, QueryDataRequest } from '../protocol/messages';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { createHistoryIndex, elasticsearchUrl } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { closedPort, pluginContext } from '../test/pluginContext';
import { startPlugin, type PluginProcess } from '../test/pluginProcess';
import { parseExposition, sampleValue, type Exposition } from '../test/prometheusText';

/**
 * Diagnostics.CollectMetrics through the bundled backend's gRPC server, as Grafana calls it: after known
 * queries and resource calls (against the real Elasticsearch node and the Argo Server double) the
 * Prometheus text is valid and its counters moved by exactly what was asked. Label values are bounded:
 * none carries a name, URL, index or secret that the requests held.
 */
const END_MS = Date.parse('2026-01-15T12:00:00Z');
const DAY = 86_400_000;
const INDEX = `argoperf-metrics-${process.pid}`;
const TOKEN = 'metrics-test-token-5f1c9a';
const SECRET_QUERY_TYPE = 'secret-query-type-b7e2';

const QUERY_TYPES = ['durations', 'heatmap', 'runs', 'outcomes', 'resources', 'cronDrift', 'baseline', 'live', 'metrics', 'invalid'];
const RESOURCES = ['namespaces', 'workflows', 'templates', 'tasks', 'crons', 'labels', 'values', 'keys', 'other'];

function queries(context: PluginContext, targets: Record<string, object>): QueryDataRequest {
  const list = Object.entries(targets).map(([refId, json]) => ({
    refId,
    queryType: '',
    maxDataPoints: 500,
    intervalMS: 3_600_000,
    timeRange: { fromEpochMS: END_MS - 3 * DAY, toEpochMS: END_MS },
    json: Buffer.from(JSON.stringify(json)),
  }));
  return { pluginContext: context, headers: {}, queries: list } as unknown as QueryDataRequest;
}

function resource(context: PluginContext, path: string): CallResourceRequest {
  // Grafana sends the path without the query, and the URL with it.
  return { pluginContext: context, path: path.split('?')[0], method: 'GET', url: path, headers: {}, body: Buffer.alloc(0) } as unknown as CallResourceRequest;
}

/** How much a counter (or a histogram's _count) moved between two scrapes. */
function moved(before: Exposition, after: Exposition, name: string, labels: Record<string, string>): number {
  return sampleValue(after, name, labels) - sampleValue(before, name, labels);
}

describe('CollectMetrics over gRPC', () => {
  let es: Client;
  let argo: ArgoServerHandle;
  let plugin: PluginProcess;
  let context: PluginContext;
  let brokenContext: PluginContext;

  beforeAll(async () => {
    es = await createHistoryIndex(INDEX, generateHistory(END_MS - 7 * DAY, END_MS, 5));
    argo = await startArgoServer({
      history: { seed: 3, workflows: 20, days: 2, endMs: END_MS },
      auth: { mode: 'client', tokens: { [TOKEN]: { name: 'reader', namespaces: '*' } } },
    });
    plugin = await startPlugin({ ARGOPERF_LOG_LEVEL: 'error' });
    context = pluginContext({ elasticsearch: { url: elasticsearchUrl(), index: INDEX }, argo: { url: argo.url } }, { argoToken: TOKEN });
    brokenContext = pluginContext({ elasticsearch: { url: `http://127.0.0.1:${await closedPort()}`, index: INDEX, timeoutSeconds: 2 } });
  }, 120_000);

  afterAll(async () => {
    await plugin?.stop();
    await argo?.close();
    await es?.indices.delete({ index: INDEX }).catch(() => undefined);
    await es?.close();
  });

  it('answers valid Prometheus text whose counters moved by exactly the work done', async () => {
    const before = parseExposition(await plugin.collectMetrics(10_000));
    argo.resetRequests();

    const panel = await plugin.queryData(
      queries(context, {
        A: { queryType: 'durations', groupBy: ['workflow'] },
        B: { queryType: 'durations', groupBy: ['namespace'], stats: ['p95'] },
        C: { queryType: 'outcomes', groupBy: ['workflow'] },
        D: { queryType: 'live' },
        E: { queryType: 'durations', stats: ['p101'] },
        F: { queryType: SECRET_QUERY_TYPE },
      }),
      60_000
    );
    const answers = Object.fromEntries(panel.entries);
    expect(['A', 'B', 'C', 'D'].map((refId) => answers[refId].error ?? '')).toEqual(['', '', '', '']);
    expect(answers.E.status).toBe(400);
    expect(answers.F.status).toBe(400);
    const down = Object.fromEntries((await plugin.queryData(queries(brokenContext, { G: { queryType: 'heatmap' } }), 60_000)).entries);
    expect(down.G.errorSource).toBe('downstream');

    const resources = [];
    for (const path of ['namespaces', 'namespaces', 'tasks', 'workflows?source=argo', `nope-${TOKEN}`]) {
      resources.push((await plugin.callResource(resource(context, path), 30_000))[0].code);
    }
    expect(resources).toEqual([200, 200, 200, 200, 404]);

    const after = parseExposition(await plugin.collectMetrics(10_000));
    const byType = (type: string) => moved(before, after, 'argoperf_queries_total', { query_type: type });
    expect(QUERY_TYPES.map((type) => [type, byType(type)])).toEqual(
      QUERY_TYPES.map((type) => [type, { durations: 2, outcomes: 1, live: 1, heatmap: 1, invalid: 2 }[type] ?? 0])
    );
    expect(moved(before, after, 'argoperf_queries_duration_seconds_count', { query_type: 'durations' })).toBe(2);
    expect(moved(before, after, 'argoperf_queries_duration_seconds_sum', { query_type: 'durations' })).toBeGreaterThan(0);
    expect(moved(before, after, 'argoperf_queries_errors_total', { query_type: 'invalid', source: 'plugin' })).toBe(2);
    expect(moved(before, after, 'argoperf_queries_errors_total', { query_type: 'heatmap', source: 'downstream' })).toBe(1);
    expect(moved(before, after, 'argoperf_queries_errors_total', { query_type: 'durations', source: 'plugin' })).toBe(0);

    const byResource = (name: string) => moved(before, after, 'argoperf_resource_requests_total', { resource: name });
    expect(RESOURCES.map((name) => [name, byResource(name)])).toEqual(
      RESOURCES.map((name) => [name, { namespaces: 2, tasks: 1, workflows: 1, other: 1 }[name] ?? 0])
    );
    expect(moved(before, after, 'argoperf_resource_requests_errors_total', { resource: 'other', source: 'plugin' })).toBe(1);

    // Elasticsearch: at least one search per query that read it (A, B, C, G's failed attempt) and list.
    const esSearches = moved(before, after, 'argoperf_elasticsearch_requests_total', { operation: 'search' });
    expect(esSearches).toBeGreaterThanOrEqual(3 + 2);
    expect(moved(before, after, 'argoperf_elasticsearch_requests_duration_seconds_count', { operation: 'search' })).toBe(esSearches);
    const esErrors = after.samples
      .filter((sample) => sample.name === 'argoperf_elasticsearch_requests_errors_total' && sample.labels.source === 'downstream')
      .reduce((sum, sample) => sum + sample.value, 0);
    expect(esErrors).toBeGreaterThanOrEqual(1);

    // Argo: every request the double received (live, and the source=argo list), counted once: no retries here.
    const argoCounted = after.samples
      .filter((sample) => sample.name === 'argoperf_argo_requests_total')
      .reduce((sum, sample) => sum + sample.value - sampleValue(before, sample.name, sample.labels), 0);
    expect(argo.requests.length).toBeGreaterThanOrEqual(2);
    expect(argoCounted).toBe(argo.requests.length);
    const workflowLists = argo.requests.filter((request) => /^\/?api\/v1\/workflows(\/[^/]*)?$/.test(request.apiPath)).length;
    expect(moved(before, after, 'argoperf_argo_requests_total', { endpoint: 'workflows_list' })).toBe(workflowLists);

    // Process CPU and memory (prom-client's default metrics).
    expect(sampleValue(after, 'argoperf_process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    expect(sampleValue(after, 'argoperf_process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(after.types.get('argoperf_queries_duration_seconds')).toBe('histogram');

    // Every metric is ours, and no label value holds what the requests carried.
    expect([...after.types.keys()].filter((name) => !name.startsWith('argoperf_'))).toEqual([]);
    const labelText = JSON.stringify(after.samples.map((sample) => sample.labels));
    for (const leaked of [TOKEN, SECRET_QUERY_TYPE, INDEX, argo.url, elasticsearchUrl(), 'nightly-train', 'ml']) {
      expect(labelText).not.toContain(`"${leaked}"`);
      expect(labelText).not.toContain(leaked === 'ml' ? '"ml"' : leaked);
    }
  }, 180_000);
});

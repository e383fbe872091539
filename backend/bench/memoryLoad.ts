
import type { QueryDataRequest, QueryDataResponse } from '../protocol/messages';
import { queryDataClient } from './queryDataClient';

/**
 * The load of the memory benchmark: N clients, each sending one dashboard panel's QueryData after the
 * other over one gRPC connection (as Grafana multiplexes its users' panels), every panel over the same
 * 30 days of history. The panels are the mix of a performance dashboard: every query type, the heavy
 * ones (durations, whose Elasticsearch answers are 4.5–10 MB) as often as on a real dashboard.
 */
export const PANELS: Array<{ name: string; queries: Array<Record<string, unknown>> }> = [
  { name: 'durations p50/p95/max per workflow', queries: [{ queryType: 'durations', level: 'workflow', groupBy: ['workflow'], stats: ['p50', 'p95', 'max'], limit: 50 }] },
  { name: 'outcomes per workflow + reasons', queries: [{ queryType: 'outcomes', groupBy: ['workflow'], limit: 50 }, { queryType: 'outcomes', level: 'node', view: 'reasons', groupBy: ['workflow'], limit: 50 }] },
  { name: 'durations p95 of steps per workflow', queries: [{ queryType: 'durations', level: 'node', groupBy: ['workflow'], stats: ['p95'], limit: 50 }] },
  { name: 'heatmap of step durations', queries: [{ queryType: 'heatmap', level: 'node' }] },
  { name: 'recent runs', queries: [{ queryType: 'runs', limit: 100 }] },
  { name: 'durations p95/avg per namespace and workflow', queries: [{ queryType: 'durations', level: 'workflow', groupBy: ['namespace', 'workflow'], stats: ['p95', 'avg'], limit: 100 }] },
  { name: 'baseline p95', queries: [{ queryType: 'baseline', stat: 'p95', groupBy: ['workflow'], limit: 200 }] },
  { name: 'resources cpu + avg cores', queries: [{ queryType: 'resources', resources: ['cpu', 'avg_cores'], groupBy: ['workflow'], limit: 50 }] },
  { name: 'metrics rows_processed', queries: [{ queryType: 'metrics', metric: 'rows_processed', aggregation: 'sum', groupBy: ['workflow'], limit: 50 }] },
];

export interface LoadOptions {
  address: string;
  esUrl: string;
  index: string;
  fromMs: number;
  toMs: number;
  clients: number;
  seconds: number;
}

export interface LoadResult {
  panels: number;
  queries: number;
  /** refIds answered with an error, by message (first 120 characters). */
  errors: Map<string, number>;
  /** Calls that failed as a whole (gRPC error: the backend crashed or refused). */
  callFailures: number;
  latenciesMs: number[];
}

/** The QueryData request of one panel, as Grafana sends it for a dashboard over the history's 30 days. */
export function panelRequest(panel: (typeof PANELS)[number], options: Pick<LoadOptions, 'esUrl' | 'index' | 'fromMs' | 'toMs'>): QueryDataRequest {
  const pluginContext = {
    orgId: 1,
    pluginId: 'argoperf-workflows-datasource',
    dataSourceInstanceSettings: {
      uid: 'bench',
      name: 'bench',
      lastUpdatedMS: 1,
      jsonData: Buffer.from(JSON.stringify({ elasticsearch: { url: options.esUrl, index: options.index } })),
      decryptedSecureJsonData: {},
    },
  };
  return {
    pluginContext,
    headers: {},
    queries: panel.queries.map((json, i) => ({
      refId: String.fromCharCode(65 + i),
      maxDataPoints: 1000,
      intervalMS: 3_600_000,
      timeRange: { fromEpochMS: options.fromMs, toEpochMS: options.toMs },
      json: Buffer.from(JSON.stringify(json)),
      queryType: '',
    })),
  } as unknown as QueryDataRequest;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const data = queryDataClient(options.address);
  const queryData = data.queryData;
  const requests = PANELS.map((panel) => panelRequest(panel, options));
  const result: LoadResult = { panels: 0, queries: 0, errors: new Map(), callFailures: 0, latenciesMs: [] };
  const until = performance.now() + options.seconds * 1000;
  const client = async (index: number) => {
    for (let i = index; performance.now() < until; i++) {
      const started = performance.now();
      try {
        const response = await queryData(requests[i % PANELS.length]);
        for (const answer of Object.values(response.responses)) {
          result.queries++;
          if (answer.error) {
            const key = answer.error.slice(0, 120);
            result.errors.set(key, (result.errors.get(key) ?? 0) + 1);
          }
        }
      } catch {
        result.callFailures++;
      }
      result.panels++;
      result.latenciesMs.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  data.close();
  return result;
}

import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * What the backend tells Grafana about itself through Diagnostics.CollectMetrics (docs/metrics.md):
 * prom-client metrics in one registry, named `argoperf_*`. Label values come from fixed lists only
 * (query types, resource lists, endpoint kinds, error sources): never from user input or settings, so
 * the series stay few and no secret, URL or name can reach them.
 */
export const METRIC_PREFIX = 'argoperf_';

/** How often the event loop lag metrics sample the loop (ms). */
const LAG_SAMPLE_MS = 100;

/** Latency buckets in seconds: from a cached list (ms) to a year of history through a slow cluster. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export type ErrorSource = 'plugin' | 'downstream';

/** Requests, errors and a latency histogram for one kind of work, labelled by `label`. */
function family(registry: Registry, name: string, what: string, label: string) {
  const registers = [registry];
  return {
    label,
    requests: new Counter({ name: `${METRIC_PREFIX}${name}_total`, help: `${what}, answered or failed.`, labelNames: [label], registers }),
    errors: new Counter({
      name: `${METRIC_PREFIX}${name}_errors_total`,
      help: `${what} that failed (source: plugin = the request or this backend, downstream = the service asked).`,
      labelNames: [label, 'source'],
      registers,
    }),
    seconds: new Histogram({
      name: `${METRIC_PREFIX}${name}_duration_seconds`,
      help: `${what}: time taken, in seconds.`,
      labelNames: [label],
      buckets: SECONDS,
      registers,
    }),
  };
}

function createMetrics() {
  const registry = new Registry();
  // Process CPU and memory, heap, event loop lag and GC: prom-client's default metrics. Its lag
  // histogram samples the event loop on a timer, by default every 10 ms: an idle plugin would then wake
  // 100 times a second for as long as Grafana runs it (docs/metrics.md). Every 100 ms is enough to see
  // a blocked loop.
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX, eventLoopMonitoringPrecision: LAG_SAMPLE_MS });
  const families = {
    queries: family(registry, 'queries', 'Queries (one per refId)', 'query_type'),
    resources: family(registry, 'resource_requests', 'Resource calls (variable and editor lists)', 'resource'),
    elasticsearch: family(registry, 'elasticsearch_requests', 'Requests to Elasticsearch', 'operation'),
    argo: family(registry, 'argo_requests', 'Requests to the Argo Server (retries included)', 'endpoint'),
  };
  return { registry, families };
}

export type MetricFamily = keyof ReturnType<typeof createMetrics>['families'];

let metrics: ReturnType<typeof createMetrics> | undefined;

/** Created on first use: the default metrics start a timer, which the start-up snapshot must not hold. */
function pluginMetrics() {
  return (metrics ??= createMetrics());
}

/** One finished piece of work: counted, timed, and counted as an error when it failed. */
export function observe(kind: MetricFamily, labelValue: string, seconds: number, failed?: ErrorSource): void {
  const { label, requests, errors, seconds: histogram } = pluginMetrics().families[kind];
  requests.inc({ [label]: labelValue });
  histogram.observe({ [label]: labelValue }, seconds);
  if (failed) {
    errors.inc({ [label]: labelValue, source: failed });
  }
}

/** Seconds since `startedMs` (a performance.now() reading). */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}

/** The Prometheus text exposition of every metric, as CollectMetrics sends it. */
export function metricsText(): Promise<string> {
  return pluginMetrics().registry.metrics();
}

import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';

import type {
  CallResourceRequest,
  CallResourceResponse,
  CheckHealthRequest,
  CheckHealthResponse,
  QueryDataRequest,
  QueryDataResponse,
} from '../protocol/messages';
import { healthStatus } from '../handlers/health';
import { scheduleExit } from '../handlers/shutdown';
import { countedAsWork } from './idleMemory';
import { serviceDefinition } from './protocol';
import { serverStream, unary } from './grpcHandlers';
import type { PluginListener } from './pluginListener';

/**
 * The query, health and resource handlers pull in zod, Elasticsearch's client and Arrow: they load on
 * first use (and are warmed up right after the handshake), keeping them off the start-up path. Their
 * calls count as work: once it stops, memory is given back (idleMemory.ts).
 */
const queryData = countedAsWork(lazy<QueryDataRequest, QueryDataResponse>(() => import('../handlers/queryData').then((m) => m.queryData)));
const checkHealth = countedAsWork(lazy<CheckHealthRequest, CheckHealthResponse>(() => import('../handlers/checkHealth').then((m) => m.checkHealth)));
const callResource = countedAsWork(lazy<CallResourceRequest, CallResourceResponse>(() => import('../handlers/callResource').then((m) => m.callResource)));

/** prom-client loads with the handlers, not on the start-up path (nor into the start-up snapshot). */
async function collectMetrics() {
  const { metricsText } = await import('../metrics/pluginMetrics');
  return { metrics: { prometheus: Buffer.from(await metricsText()) } };
}

type Handler<Req, Res> = (request: Req, signal: AbortSignal) => Promise<Res>;

function lazy<Req, Res>(load: () => Promise<Handler<Req, Res>>): Handler<Req, Res> {
  let loaded: Promise<Handler<Req, Res>> | undefined;
  return async (request, signal) => (await (loaded ??= load()))(request, signal);
}

export function createServer(): Server {
  // Grafana sends settings with every request; 16 MiB receive as in the Go SDK, unlimited send.
  const server = new Server({
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
    'grpc.max_send_message_length': -1,
    // Nothing reads channelz; without it grpc-js keeps no per-call counters and timestamps.
    'grpc.enable_channelz': 0,
  });
  const services: Array<[string, UntypedServiceImplementation]> = [
    ['pluginv2.Data', { QueryData: unary('QueryData', queryData) }],
    [
      'pluginv2.Diagnostics',
      {
        CheckHealth: unary('CheckHealth', checkHealth),
        // Prometheus text for Grafana's /metrics/plugins/<id> (docs/metrics.md); not counted as work.
        CollectMetrics: unary('CollectMetrics', collectMetrics),
      },
    ],
    ['pluginv2.Resource', { CallResource: serverStream('CallResource', async (request, signal) => [await callResource(request, signal)]) }],
    ['plugin.GRPCController', { Shutdown: unary('Shutdown', async () => (scheduleExit(server, 'Shutdown called by the host'), {})) }],
    [
      'grpc.health.v1.Health',
      {
        Check: unary('Health.Check', async (request: { service: string }) => healthStatus(request.service)),
        Watch: serverStream('Health.Watch', async (request: { service: string }) => [healthStatus(request.service)]),
      },
    ],
  ];
  for (const [name, implementation] of services) {
    server.addService(serviceDefinition(name), implementation);
  }
  return server;
}

/**
 * Serves gRPC on the connections of the listener opened before the handshake (pluginListener.ts);
 * grpc-js's connection injector is its public way in for connections it did not accept itself.
 */
export function serve(server: Server, listener: PluginListener): void {
  const injector = server.createConnectionInjector(ServerCredentials.createInsecure());
  listener.serve((socket) => injector.injectConnection(socket));
}

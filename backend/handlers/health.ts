/**
 * grpc.health.v1.Health: go-plugin pings service "plugin"; the pluginv2 service names answer too.
 * SERVING = 1, SERVICE_UNKNOWN = 3.
 */
const SERVED = new Set(['', 'plugin', 'pluginv2.Data', 'pluginv2.Diagnostics', 'pluginv2.Resource']);

export function healthStatus(service: string): { status: number } {
  return { status: SERVED.has(service) ? 1 : 3 };
}

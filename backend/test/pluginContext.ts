import type { DataQuery, PluginContext } from '../protocol/messages';

let uidCounter = 0;

/** A PluginContext as Grafana sends it for a datasource request. Each call is a new datasource uid. */
export function pluginContext(jsonData: unknown, secure: Record<string, string> = {}, uid = `test-${++uidCounter}`): PluginContext {
  return {
    orgId: 1,
    pluginId: 'argoperf-workflows-datasource',
    user: { login: 'admin', name: 'Admin', email: 'admin@example.com', role: 'Admin' },
    dataSourceInstanceSettings: {
      id: 1,
      name: 'Argo Workflows Performance',
      url: '',
      uid,
      jsonData: Buffer.from(typeof jsonData === 'string' ? jsonData : JSON.stringify(jsonData)),
      decryptedSecureJsonData: secure,
      lastUpdatedMS: 1,
    },
    grafanaConfig: {},
    pluginVersion: '1.0.0',
    userAgent: 'test',
  };
}

export function dataQuery(refId: string, json: unknown, range = { fromEpochMS: 1_700_000_000_000, toEpochMS: 1_700_086_400_000 }): DataQuery {
  return {
    refId,
    maxDataPoints: 1000,
    intervalMS: 3_600_000,
    timeRange: range,
    json: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)),
    queryType: '',
  };
}

/** A port on 127.0.0.1 where nothing listens. */
export async function closedPort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

import type { Client } from '@elastic/elasticsearch';

import { createHistoryIndex, elasticsearchUrl } from '../elasticsearch';
import { generateHistory } from '../history';
import { startArgoServer, type ArgoServerHandle } from '../argoServer/startArgoServer';
import { startFaultProxy, type FaultProxy } from '../faultProxy/faultProxy';
import { closedPort } from '../pluginContext';
import { startPlugin, type PluginProcess } from '../pluginProcess';
import { SECRETS } from './knownSecrets';
import { HISTORY_END_MS } from './queryCases';

/**
 * What the fuzzer runs against: the built backend as Grafana starts it, the real Elasticsearch node with
 * an indexed test history, the Argo Server double (hybrid auth: the known token reads everything,
 * an unknown one is refused), both behind pass-through proxies, an upstream that echoes requests, and a
 * closed port. `substitutions` turns a case's placeholders into these addresses.
 */
export interface FuzzEnvironment {
  plugin: PluginProcess;
  substitutions: Record<string, string>;
  /** Starts a new backend process (after one died), keeping the upstreams. */
  restartPlugin(): Promise<PluginProcess>;
  close(): Promise<void>;
}

const DAY = 86_400_000;

function hostAndPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

export async function startFuzzEnvironment(): Promise<FuzzEnvironment> {
  const index = `argoperf-fuzz-${process.pid}-${Date.now()}`;
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const es: Client = await createHistoryIndex(index, generateHistory(HISTORY_END_MS - 14 * DAY, HISTORY_END_MS, 7));
    closers.push(async () => {
      await es.indices.delete({ index }).catch(() => undefined);
      await es.close();
    });
    const argo: ArgoServerHandle = await startArgoServer({
      history: { seed: 5, workflows: 60, days: 7, endMs: HISTORY_END_MS },
      auth: { mode: 'hybrid', tokens: { [SECRETS.argoToken]: { name: 'fuzz-reader', namespaces: '*' } } },
    });
    closers.push(() => argo.close());
    const proxies: FaultProxy[] = [
      await startFaultProxy(hostAndPort(elasticsearchUrl())),
      await startFaultProxy(hostAndPort(argo.url)),
      await startFaultProxy({ host: '127.0.0.1', port: 9 }, { kind: 'echo', status: 401 }),
    ];
    closers.push(() => Promise.all(proxies.map((proxy) => proxy.close())));
    const [esProxy, argoProxy, echo] = proxies;
    let plugin = await startPlugin();
    closers.push(() => plugin.stop());
    return {
      get plugin() {
        return plugin;
      },
      substitutions: {
        $ES: `127.0.0.1:${esProxy.port}`,
        $ARGO: `127.0.0.1:${argoProxy.port}`,
        $ECHO: `127.0.0.1:${echo.port}`,
        $CLOSED: `127.0.0.1:${await closedPort()}`,
        $INDEX: index,
      },
      async restartPlugin() {
        await plugin.stop();
        plugin = await startPlugin();
        return plugin;
      },
      async close() {
        for (const close of closers.reverse()) {
          await close();
        }
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) {
      await close().catch(() => undefined);
    }
    throw error;
  }
}

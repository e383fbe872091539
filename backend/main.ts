import { isIPv4, isIPv6 } from 'node:net';
import * as v8 from 'node:v8';

import { logger } from './log/logger';
import { startMemoryLog } from './log/memoryLog';

/**
 * Entry point of the datasource executable that Grafana starts. Nothing may reach stdout before the
 * handshake line, so console output is sent to stderr first of all.
 *
 * The amd64 executable is built with a V8 startup snapshot (scripts/package/README.md): while it is
 * built, the start-up modules are loaded and main() is registered to run when the executable starts.
 * Code evaluated then must not open sockets or timers or keep env values, the pid or the time.
 */
for (const method of ['log', 'info', 'debug'] as const) {
  console[method] = (...args: unknown[]) => logger.debug(args.map(String).join(' '));
}

const MAGIC_COOKIE_KEY = 'grafana_plugin_type';
const MAGIC_COOKIE_VALUE = 'datasource';

/** `<executable> collect <command> ...`: the same executable runs the collector (backend/collector). */
function collectorArguments(): string[] | undefined {
  const at = process.argv.indexOf('collect');
  return at >= 1 && at <= 2 && process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE ? process.argv.slice(at + 1) : undefined;
}

async function main(): Promise<void> {
  const collectorArgs = collectorArguments();
  if (collectorArgs) {
    const [{ runCollectorCli }, { exitAfterOutput }] = await Promise.all([import('./collector/cli'), import('./cli/exitAfterOutput')]);
    await exitAfterOutput(await runCollectorCli(collectorArgs));
  }
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(
      'This binary is a plugin for Grafana (Argo Workflows Performance datasource). It is not meant to be run directly: ' +
        "install the app into Grafana's plugins folder and Grafana will start it. " +
        'To copy Argo history into Elasticsearch, run it as: <this executable> collect --help\n'
    );
    process.exit(1);
  }
  // go-plugin's order: listen, print the handshake, then serve; node:http2 loads after the line.
  const { openListener, handshakeLine } = await import('./server/pluginListener');
  const listener = await openListener(process.env, (message, fields) => logger.warn(message, fields));
  process.stdout.write(handshakeLine(listener));
  const { createServer, serve } = await import('./server/startServer');
  const { scheduleExit, onShutdownStart } = await import('./handlers/shutdown');
  const { limitHeapGrowth } = await import('./server/heapGrowth');
  const server = createServer();
  onShutdownStart(() => listener.close());
  serve(server, listener);
  logger.info('plugin started', { address: listener.address, pid: process.pid, node: process.version });
  limitHeapGrowth();
  startMemoryLog();

  // The host signals the whole process group on Ctrl-C and then shuts plugins down in order.
  process.on('SIGINT', () => logger.debug('plugin received interrupt signal, ignoring'));
  process.on('SIGTERM', () => scheduleExit(server, 'SIGTERM'));
  // If Grafana dies without calling Shutdown, do not linger as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      scheduleExit(server, 'parent process exited');
    }
  }, 2000).unref();
  // Load the heavy modules now, off the start-up path, so the first query does not wait for them.
  setTimeout(() => {
    void import('./elasticsearch/client').then((m) => m.loadElasticsearchModule());
    void Promise.all([
      import('./handlers/queryData'),
      import('./handlers/checkHealth'),
      import('./handlers/callResource'),
      import('./frames/arrowEncoder'),
      import('./queries/runQuery'),
    ]);
  }, 50).unref();
}

function start(): void {
  // Node's warnings would reach stderr as plain text, which Grafana cannot parse as hclog: log them instead.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => logger.warn('node warning', { name: warning.name, warning: warning.message }));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', { error: error.message }));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: String((reason as Error)?.message ?? reason) }));
  main().catch((error: unknown) => {
    logger.error('plugin failed to start', { error: (error as Error)?.message ?? String(error) });
    process.exit(1);
  });
}

if (v8.startupSnapshot?.isBuildingSnapshot()) {
  void import('./server/pluginListener');
  void import('./server/startServer');
  void import('./handlers/shutdown');
  void import('./server/heapGrowth');
  // Listening on 127.0.0.1 (the fallback when no Unix socket can be made) and grpc-js check addresses with
  // Node's large IP regular expressions: compiled now, they are in the snapshot instead of costing about
  // 5 ms when first used (docs/benchmarks.md, "Cold start").
  isIPv6('127.0.0.1');
  isIPv4('127.0.0.1');
  v8.startupSnapshot.setDeserializeMainFunction(start);
} else {
  start();
}

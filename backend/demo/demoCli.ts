import { once } from 'node:events';

import { collectorLog, type CollectorLog } from '../collector/collectorLog';
import { secretValues } from '../net/secretForms';
import type { CollectorIo } from '../collector/cli';
import { elasticsearchClient } from '../collector/elasticsearchWriter';
import { EXIT, failureOf } from '../collector/failureMessage';
import { demoHistory, type DemoHistory } from './demoHistory';
import { parseDemoOptions, type DemoOptions } from './demoOptions';
import { serveDemo } from './demoServer';
import { demoUsage } from './demoUsage';
import { writeDemoHistory } from './demoWrite';
import { startLiveLoop } from './liveLoop';

/** `collector demo ...`: generate, write to Elasticsearch, serve as an Argo Server (demoUsage.ts). */
export async function runDemoCli(argv: string[], io: CollectorIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const writeErr = io.writeErr ?? ((text: string) => process.stderr.write(text));
  const stdout = io.stdout ?? process.stdout;
  let options: DemoOptions | undefined;
  try {
    options = parseDemoOptions(argv, env, io.isTty ?? !!process.stderr.isTTY);
  } catch (error) {
    const { message, code } = failureOf(error, undefined);
    writeErr(`${message}\n`);
    return code;
  }
  if (!options) {
    stdout.write(`${demoUsage(env)}\n`);
    return EXIT.ok;
  }
  const es = options.es;
  const secrets = secretValues({ elasticsearch: { url: es?.url, username: es?.username, password: es?.password, apiKey: es?.apiKey }, argo: { token: options.token } });
  const log = collectorLog({ json: options.jsonLogs, secrets, write: writeErr });
  try {
    const started = Date.now();
    const history = demoHistory(options);
    log.info('demo history generated', {
      runs: history.workflows.length,
      from: new Date(history.fromMs).toISOString(),
      end: new Date(history.endMs).toISOString(),
      seed: options.seed,
      ms: Date.now() - started,
    });
    if (es) {
      await write(history, options, log);
    }
    if (options.listen) {
      await serve(history, options, io, stdout, log);
    }
    return EXIT.ok;
  } catch (error) {
    log.done();
    const { message, code } = failureOf(error, es?.url);
    log.error(message);
    return code;
  }
}

async function write(history: DemoHistory, options: DemoOptions, log: CollectorLog): Promise<void> {
  const client = elasticsearchClient(options.es!);
  try {
    const summary = await writeDemoHistory(client, history, options, log);
    log.info('demo history written', {
      runs: summary.runs,
      documents: summary.documents,
      earlier_demo_documents_deleted: summary.replaced,
      seconds: Math.round(summary.seconds * 10) / 10,
      indices: `${options.indexPrefix}-*`,
    });
  } finally {
    await client.close();
  }
}

async function serve(history: DemoHistory, options: DemoOptions, io: CollectorIo, stdout: NodeJS.WritableStream, log: CollectorLog): Promise<void> {
  const server = await serveDemo(history, options.listen!, options.token);
  stdout.write(`demo Argo Server at ${server.url}\n`);
  log.info('serving the demo history as an Argo Server until SIGTERM', {
    url: server.url,
    token: options.token ? 'required' : 'none',
    advance_every_seconds: options.advanceSeconds || 'never',
  });
  const es = options.es && options.advanceSeconds > 0 ? elasticsearchClient(options.es) : undefined;
  const live = options.advanceSeconds > 0 ? startLiveLoop(history, server, es, options, log) : undefined;
  const controller = new AbortController();
  const stop = () => controller.abort();
  io.signal?.addEventListener('abort', stop);
  if (!io.signal) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  if (!(io.signal?.aborted ?? false)) {
    await once(controller.signal, 'abort');
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await live?.stop();
  await es?.close();
  await server.close();
  log.info('demo Argo Server stopped');
}

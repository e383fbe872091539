/**
 * The collector command: `collector <backfill|sync|watch|report|demo> [options]` (usage.ts; report: reportRun.ts; demo: backend/demo/). Copies Argo history
 * into Elasticsearch with deterministic ids and checkpoints (docs in checkpoints.ts, documentIds.ts).
 */
import { setMaxListeners } from 'node:events';

import { ArgoClient } from '../argo/client/argoClient';
import { runDemoCli } from '../demo/demoCli';
import { limitHeapGrowth } from '../server/heapGrowth';
import { BulkPacer } from './bulkPacer';
import { CheckpointStore } from './checkpoints';
import { backfill, sync, watch, type CommandContext } from './collectorCommands';
import { collectorLog, type CollectorLog } from './collectorLog';
import { parseCollectorOptions, secretsOfOptions, type CollectorOptions } from './collectorOptions';
import { CollectorStats } from './collectorStats';
import { elasticsearchClient, pacedClient } from './elasticsearchWriter';
import { EXIT, failureOf } from './failureMessage';
import { report } from './reportRun';
import { prepareIndices } from './templateCheck';
import { collectorUsage } from './usage';
import type { DocumentSink } from './collectRange';

export interface CollectorIo {
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WritableStream;
  /** stderr text (logs, progress). */
  writeErr?: (text: string) => void;
  isTty?: boolean;
  /** Stops a watch (and a running sync) cleanly; SIGINT/SIGTERM when not given. */
  signal?: AbortSignal;
}

export async function runCollectorCli(argv: string[], io: CollectorIo = {}): Promise<number> {
  // Old space near the live data (~50 MB in a backfill) instead of up to 4 times it: docs/benchmarks.md.
  limitHeapGrowth();
  if (argv[0] === 'demo') {
    return runDemoCli(argv.slice(1), io);
  }
  const writeErr = io.writeErr ?? ((text: string) => process.stderr.write(text));
  let options: CollectorOptions | undefined;
  try {
    options = parseCollectorOptions(argv, io.env ?? process.env, io.isTty ?? !!process.stderr.isTTY);
  } catch (error) {
    const { message, code } = failureOf(error, undefined);
    writeErr(`${message}\n`);
    return code;
  }
  if (!options) {
    (io.stdout ?? process.stdout).write(`${collectorUsage(io.env ?? process.env)}\n`);
    return EXIT.ok;
  }
  const log = collectorLog({ json: options.jsonLogs, secrets: secretsOfOptions(options), write: writeErr });
  if (io.signal) {
    setMaxListeners(1000, io.signal);
  }
  const stop = io.signal ? undefined : stopOnSignals();
  try {
    return await run(options, log, io, io.signal ?? stop!.signal);
  } finally {
    stop?.dispose();
  }
}

async function run(options: CollectorOptions, log: CollectorLog, io: CollectorIo, signal: AbortSignal): Promise<number> {
  const stats = new CollectorStats();
  // Pages of 200 runs with their nodes (a few MB): fewer round trips than the client's default of 50.
  const argo = new ArgoClient({ ...options.argo, concurrency: 6, nodePageSize: 200, logger: log });
  const es = options.es && !options.dryRun ? elasticsearchClient(options.es) : undefined;
  try {
    let sink: DocumentSink;
    let checkpoints: CheckpointStore | undefined;
    if (es) {
      const template = await prepareIndices(es, options.indexPrefix, options.installTemplate);
      log.debug('index template', { outcome: template, prefix: options.indexPrefix });
      checkpoints = new CheckpointStore(es, options.stateIndex);
      const pacer = new BulkPacer({ flushBytes: options.flushBytes, concurrency: options.concurrency });
      const client = pacedClient(es, pacer, (count) => {
        stats.documentsWritten += count;
        log.progress(stats);
      });
      sink = { kind: 'elasticsearch', client, pacer };
    } else {
      sink = { kind: 'dryRun', out: io.stdout ?? process.stdout };
    }
    const context: CommandContext = { argo, sink, indexPrefix: options.indexPrefix, stats, log, signal, options, checkpoints };
    if (options.command === 'backfill') {
      await backfill(context);
    } else if (options.command === 'sync') {
      await sync(context);
    } else if (options.command === 'report') {
      await report(context);
    } else {
      await watch(
        context,
        (error) => {
          stats.errors++;
          log.error(`sync failed, retrying in ${options.everySeconds} s: ${failureOf(error, options.es?.url).message}`);
        },
        () => log.info('sync round done', summaryFields(stats, sink))
      );
    }
    log.done();
    log.info(`${options.command} done${options.dryRun ? ' (dry run: nothing written)' : ''}`, summaryFields(stats, sink));
    return EXIT.ok;
  } catch (error) {
    stats.errors++;
    log.done();
    const { message, code } = failureOf(error, options.es?.url);
    log.error(message, summaryFields(stats, undefined));
    return code;
  } finally {
    argo.close();
    await es?.close();
  }
}

function summaryFields(stats: CollectorStats, sink: DocumentSink | undefined) {
  return { ...stats.summary(), ...(sink?.kind === 'elasticsearch' ? { throttled_429: sink.pacer.throttled } : {}) };
}

function stopOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  // Every Argo request in flight listens to it.
  setMaxListeners(1000, controller.signal);
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}

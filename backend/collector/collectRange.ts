import type { Client } from '@elastic/elasticsearch';

import type { ArgoClient } from '../argo/client/argoClient';
import { operationLines } from './bulkBody';
import type { BulkPacer } from './bulkPacer';
import { bulkWrite } from './bulkWrite';
import type { CollectorLog } from './collectorLog';
import type { CollectorStats } from './collectorStats';
import type { RangeReading } from './rangeReading';
import type { IndexOperation } from './documentIds';
import type { RangeScan } from './runDocuments';

/** Where documents go: Elasticsearch through the paced client, or NDJSON on stdout (dry run). */
export type DocumentSink = { kind: 'elasticsearch'; client: Client; pacer: BulkPacer } | { kind: 'dryRun'; out: NodeJS.WritableStream };

export interface CollectContext {
  argo: ArgoClient;
  sink: DocumentSink;
  indexPrefix: string;
  stats: CollectorStats;
  log: CollectorLog;
  signal?: AbortSignal;
}

/** Writes every document of a range being read; resolves only once all of them were acknowledged. */
export async function collectRange(reading: RangeReading, context: CollectContext): Promise<RangeScan> {
  await writeOperations(reading.operations, context);
  context.log.progress(context.stats);
  return reading.scan;
}

/** Writes the operations (one batch per run) to the sink: bulk requests to Elasticsearch, or NDJSON lines in a dry run. */
export async function writeOperations(operations: AsyncGenerator<IndexOperation[]>, context: CollectContext): Promise<void> {
  const { sink, stats, log } = context;
  if (sink.kind === 'dryRun') {
    await printOperations(operations, sink.out);
    return;
  }
  try {
    await bulkWrite(sink.client, operations, { pacer: sink.pacer, stats, log });
  } finally {
    await operations.return(undefined);
  }
}

/**
 * Lines are written in batches of about this many characters: on a pipe each write is a system call, and
 * one per document (122,781 for 10,000 runs) was 12 % of a dry run's CPU profile.
 */
export const DRY_RUN_BATCH_CHARS = 64 * 1024;

async function printOperations(batches: AsyncIterable<IndexOperation[]>, out: NodeJS.WritableStream): Promise<void> {
  let pending = '';
  const flush = async () => {
    const text = pending;
    pending = '';
    if (text && !out.write(text)) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  };
  try {
    for await (const operations of batches) {
      for (const operation of operations) {
        pending += operationLines(operation);
      }
      if (pending.length >= DRY_RUN_BATCH_CHARS) {
        await flush();
      }
    }
  } finally {
    // Also when the Argo Server fails part way: what was read is printed, as it was line by line.
    await flush();
  }
}

import type { Client } from '@elastic/elasticsearch';

import type { ArgoClient } from '../argo/client/argoClient';
import type { BulkPacer } from './bulkPacer';
import { bulkWrite } from './bulkWrite';
import type { CollectorLog } from './collectorLog';
import type { CollectorStats } from './collectorStats';
import type { RangeReading } from './rangeReading';
import type { IndexOperation, RangeScan } from './runDocuments';

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

/**
 * Writes every document of a range being read; resolves only once all of them were acknowledged.
 * `onRead` is called when the range has been read to its end (its last requests may still be in flight).
 */
export async function collectRange(reading: RangeReading, context: CollectContext, onRead?: () => void): Promise<RangeScan> {
  const operations = thenCall(reading.operations, onRead);
  const { sink, stats, log } = context;
  if (sink.kind === 'dryRun') {
    await printOperations(operations, sink.out);
  } else {
    try {
      await bulkWrite(sink.client, operations, { pacer: sink.pacer, stats, log });
    } finally {
      await operations.return(undefined);
    }
  }
  log.progress(stats);
  return reading.scan;
}

async function* thenCall<T>(items: AsyncGenerator<T>, onEnd?: () => void): AsyncGenerator<T> {
  yield* items;
  onEnd?.();
}

async function printOperations(operations: AsyncIterable<IndexOperation>, out: NodeJS.WritableStream): Promise<void> {
  for await (const { index, id, document } of operations) {
    const ok = out.write(`${JSON.stringify({ index: { _index: index, _id: id } })}\n${JSON.stringify(document)}\n`);
    if (!ok) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  }
}

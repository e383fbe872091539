import type { Client } from '@elastic/elasticsearch';

import type { ArgoClient } from '../argo/client/argoClient';
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

/** Writes the operations to the sink: bulk requests to Elasticsearch, or NDJSON lines in a dry run. */
export async function writeOperations(operations: AsyncGenerator<IndexOperation>, context: CollectContext): Promise<void> {
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

async function printOperations(operations: AsyncIterable<IndexOperation>, out: NodeJS.WritableStream): Promise<void> {
  for await (const { index, id, document } of operations) {
    const ok = out.write(`${JSON.stringify({ index: { _index: index, _id: id } })}\n${JSON.stringify(document)}\n`);
    if (!ok) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  }
}

import type { Client } from '@elastic/elasticsearch';

import type { ArgoClient } from '../argo/client/argoClient';
import type { BulkPacer } from './bulkPacer';
import { bulkWrite } from './bulkWrite';
import type { CollectorLog } from './collectorLog';
import type { CollectorStats } from './collectorStats';
import { runDocuments, type IndexOperation, type RangeScan, type RunRange } from './runDocuments';

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

/** Reads and writes every run of one range; resolves only once all its documents were acknowledged. */
export async function collectRange(range: RunRange, context: CollectContext): Promise<RangeScan> {
  const scan: RangeScan = {};
  const operations = runDocuments(context.argo, range, { ...context, scan });
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
  return scan;
}

async function printOperations(operations: AsyncIterable<IndexOperation>, out: NodeJS.WritableStream): Promise<void> {
  for await (const { index, id, document } of operations) {
    const ok = out.write(`${JSON.stringify({ index: { _index: index, _id: id } })}\n${JSON.stringify(document)}\n`);
    if (!ok) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  }
}

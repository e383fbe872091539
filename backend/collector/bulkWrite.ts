import type { Client } from '@elastic/elasticsearch';

import type { BulkPacer } from './bulkPacer';
import type { CollectorLog } from './collectorLog';
import type { CollectorStats } from './collectorStats';
import type { IndexOperation } from './documentIds';

/** Rejected documents logged one by one; beyond that only counted. */
const REJECTIONS_LOGGED = 20;

/** The parts of a bulk answer that are read: whether any item failed, and each item's status and error. */
export const BULK_ANSWER_FIELDS = 'errors,items.*.status,items.*.error';

/** Items the bulk helper gave up on after retrying 429s: the range is not complete. */
export class ThrottledError extends Error {
  constructor(count: number) {
    super(`Elasticsearch kept answering 429 (too many requests) for ${count} documents after all retries; the range will be written again by the next run`);
    this.name = 'ThrottledError';
  }
}

/**
 * Writes the operations with the bulk helper of @elastic/elasticsearch, in rounds: each round uses the
 * pacer's current request size and concurrency and ends when the pacer changes them, pulling from the
 * same stream (so only the requests in flight and one being filled are held). Written documents are
 * counted by the paced client (elasticsearchWriter.ts), without parsing them back. Index operations, not
 * create: a run written while running is replaced by its final version.
 */
export async function bulkWrite(
  client: Client,
  operations: AsyncIterator<IndexOperation>,
  context: { pacer: BulkPacer; stats: CollectorStats; log: CollectorLog }
): Promise<void> {
  const { pacer, stats, log } = context;
  let exhausted = false;
  let throttledDrops = 0;
  // A failing source (the Argo Server) ends the round normally and is rethrown after it: the helper
  // only clears its flush timer when its datasource ends without throwing.
  let failure: { error: unknown } | undefined;
  while (!exhausted) {
    const generation = pacer.generation;
    const round = async function* () {
      while (pacer.generation === generation) {
        let next: IteratorResult<IndexOperation>;
        try {
          next = await operations.next();
        } catch (error) {
          failure = { error };
          exhausted = true;
          return;
        }
        if (next.done) {
          exhausted = true;
          return;
        }
        yield next.value;
      }
    };
    await client.helpers.bulk<IndexOperation>({
      datasource: round(),
      onDocument: (op) => [{ index: { _index: op.index, _id: op.id } }, op.document],
      flushBytes: pacer.flushBytes,
      concurrency: pacer.concurrency,
      flushInterval: 60_000,
      // Only what the helper and the pacer read: a full answer repeats index, id, version and shards
      // for every document, which Elasticsearch has to write and this process to parse.
      filter_path: BULK_ANSWER_FIELDS,
      retries: 6,
      wait: 2_000,
      onDrop: (drop) => {
        if (drop.status === 429) {
          throttledDrops++;
          return;
        }
        stats.documentsRejected++;
        if (stats.documentsRejected <= REJECTIONS_LOGGED) {
          const action = drop.operation as { index?: { _index?: string; _id?: string } };
          log.error('Elasticsearch rejected a document; it is not retried', {
            index: action.index?._index,
            id: action.index?._id,
            status: drop.status,
            reason: `${drop.error?.type ?? ''}: ${drop.error?.reason ?? ''}`,
          });
        }
      },
    });
  }
  if (failure) {
    throw failure.error;
  }
  if (throttledDrops > 0) {
    throw new ThrottledError(throttledDrops);
  }
}

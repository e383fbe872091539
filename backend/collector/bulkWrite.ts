import { setTimeout as delay } from 'node:timers/promises';

import type { Client } from '@elastic/elasticsearch';

import { BulkBody } from './bulkBody';
import type { BulkPacer } from './bulkPacer';
import type { CollectorLog } from './collectorLog';
import type { CollectorStats } from './collectorStats';
import type { IndexOperation } from './documentIds';

/** Rejected documents logged one by one; beyond that only counted. */
const REJECTIONS_LOGGED = 20;

/** Items Elasticsearch answers with 429 are sent again this many times, this long apart. */
const ITEM_RETRIES = 6;
const ITEM_RETRY_WAIT_MS = 2_000;

/** Room beyond the request size, so that the document that reaches it rarely makes the body grow. */
const BODY_SLACK_BYTES = 256 * 1024;

/** The parts of a bulk answer that are read: whether any item failed, and each item's status and error. */
export const BULK_ANSWER_FIELDS = 'errors,items.*.status,items.*.error';

/** Items given up on after retrying 429s: the range is not complete. */
export class ThrottledError extends Error {
  constructor(count: number) {
    super(`Elasticsearch kept answering 429 (too many requests) for ${count} documents after all retries; the range will be written again by the next run`);
    this.name = 'ThrottledError';
  }
}

/** A bulk answer cut to BULK_ANSWER_FIELDS. */
export interface BulkAnswer {
  errors?: boolean;
  items?: Array<Record<string, { status: number; error?: { type?: string; reason?: string } }>>;
}

interface WriteContext {
  pacer: BulkPacer;
  stats: CollectorStats;
  log: CollectorLog;
}

/**
 * Writes the operations (one batch per run) in bulk requests of the pacer's current size, at most the
 * pacer's current concurrency at a time, so the pacer's changes apply from the next request on. Items
 * answered with 429 are sent again; items rejected for good are counted and logged. Written documents
 * are counted by the paced client (elasticsearchWriter.ts), which also retries requests throttled as a
 * whole. Index operations, not create: a run written while running is replaced by its final version.
 *
 * Not @elastic/elasticsearch's bulk helper: it keeps every document as a string until Elasticsearch has
 * answered, and those strings outlived the young generation and were copied and collected again; here
 * the bytes of the requests in flight are outside the heap (docs/benchmarks.md, "the collector's write
 * path"). Only the requests in flight and the one being filled are held.
 *
 * When the source (the Argo Server) fails, what it gave is still written, then its error is thrown. When
 * a bulk request fails, no more is read, the requests in flight are awaited, and its error is thrown.
 */
export async function bulkWrite(client: Client, batches: AsyncIterator<IndexOperation[]>, context: WriteContext): Promise<void> {
  const { pacer } = context;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let sourceFailure: { error: unknown } | undefined;
  let throttledDrops = 0;
  const newBody = () => new BulkBody(pacer.flushBytes + BODY_SLACK_BYTES);

  const send = async (body: BulkBody) => {
    while (inFlight.size >= pacer.concurrency) {
      await Promise.race(inFlight);
    }
    if (failure) {
      return;
    }
    const request: Promise<void> = sendWithRetries(client, body, context)
      .then(
        (dropped) => {
          throttledDrops += dropped;
        },
        (error: unknown) => {
          failure ??= { error };
        }
      )
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  let body = newBody();
  reading: while (!failure) {
    let next: IteratorResult<IndexOperation[]>;
    try {
      next = await batches.next();
    } catch (error) {
      sourceFailure = { error };
      break;
    }
    if (next.done) {
      break;
    }
    for (const operation of next.value) {
      body.add(operation);
      if (body.size >= pacer.flushBytes) {
        await send(body);
        body = newBody();
        if (failure) {
          break reading;
        }
      }
    }
  }
  if (!failure && body.count > 0) {
    await send(body);
  }
  await Promise.all(inFlight);
  if (failure) {
    throw failure.error;
  }
  if (sourceFailure) {
    throw sourceFailure.error;
  }
  if (throttledDrops > 0) {
    throw new ThrottledError(throttledDrops);
  }
}

/** Sends one request, then again the items answered 429; resolves to the number still throttled at the end. */
async function sendWithRetries(client: Client, first: BulkBody, context: WriteContext): Promise<number> {
  let body = first;
  for (let attempt = 0; ; attempt++) {
    // A Buffer body is sent as it is; the typings only name the operations array.
    const answer = (await client.bulk({ body: body.payload(), filter_path: BULK_ANSWER_FIELDS } as never)) as BulkAnswer;
    if (answer.errors === false) {
      return 0;
    }
    const throttled: number[] = [];
    (answer.items ?? []).forEach((item, position) => {
      const result = Object.values(item)[0];
      if (result?.status === 429) {
        throttled.push(position);
      } else if (result && result.status >= 400) {
        rejected(body, position, result, context);
      }
    });
    if (throttled.length === 0) {
      return 0;
    }
    if (attempt >= ITEM_RETRIES) {
      return throttled.length;
    }
    await delay(ITEM_RETRY_WAIT_MS);
    body = body.pick(throttled);
  }
}

function rejected(body: BulkBody, position: number, result: { status: number; error?: { type?: string; reason?: string } }, context: WriteContext): void {
  const { stats, log } = context;
  stats.documentsRejected++;
  if (stats.documentsRejected <= REJECTIONS_LOGGED) {
    log.error('Elasticsearch rejected a document; it is not retried', {
      ...body.target(position),
      status: result.status,
      reason: `${result.error?.type ?? ''}: ${result.error?.reason ?? ''}`,
    });
  }
}

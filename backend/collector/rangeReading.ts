import type { CollectContext } from './collectRange';
import type { IndexOperation } from './documentIds';
import { runDocuments, type RangeScan, type RunRange } from './runDocuments';

/** The documents of one range being read from the Argo Server, and what the reading learnt. */
export interface RangeReading {
  /** One batch per run. */
  operations: AsyncGenerator<IndexOperation[]>;
  scan: RangeScan;
  /** Documents handed out so far (all of the range's once `operations` has ended). */
  readonly documents: number;
  /** Stops a reading that will not be consumed (its first request is let settle). */
  cancel(): Promise<void>;
}

/**
 * Starts reading a range now: its first page (with the nodes of its runs) is asked for at once, so a
 * backfill reads its next slice while Elasticsearch acknowledges the last requests of the current one.
 * Nothing of it is written before `operations` is consumed. A failure of that first request surfaces
 * when it is consumed, not before. `onRead` is called once the range has been read to its end (its
 * last requests may still be in flight).
 */
export function startReading(range: RunRange, context: CollectContext, onRead?: () => void): RangeReading {
  const scan: RangeScan = {};
  const source = runDocuments(context.argo, range, { ...context, scan });
  const first = source.next();
  first.catch(() => undefined);
  let documents = 0;
  async function* operations(): AsyncGenerator<IndexOperation[]> {
    try {
      for (let next = await first; !next.done; next = await source.next()) {
        documents += next.value.length;
        yield next.value;
      }
      onRead?.();
    } finally {
      await source.return(undefined);
    }
  }
  return {
    operations: operations(),
    scan,
    get documents() {
      return documents;
    },
    async cancel() {
      await first.catch(() => undefined);
      await source.return(undefined);
    },
  };
}

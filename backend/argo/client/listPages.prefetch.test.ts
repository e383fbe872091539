import type { ObjectList } from './argoTypes';
import { ListPages, type ListSource } from './listPages';

/**
 * ListPages asks for page N+1 while the reader works on page N (one page ahead, never more), yields pages
 * in order, surfaces an error of the page fetched ahead only when the reader asks for that page, and
 * cancels the page fetched ahead when the reader stops.
 */
interface Item {
  metadata: { uid: string };
}

const uids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `u${from + i}`);
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** 30 items in pages of 10 (offsets '', '10', '20'); each fetch waits for `delayMs(offset)` and can fail. */
function source(options: { delayMs?: (offset: number) => number; fail?: (offset: number) => Error | undefined } = {}) {
  const started: string[] = [];
  const signals: AbortSignal[] = [];
  // Kubernetes tokens: the last page, full, ends the list (no guessed offset after it).
  const list: ListSource<Item> = {
    tokens: 'opaque',
    pageSize: 10,
    label: 'test items',
    fetch: (token, signal) => {
      started.push(token ?? '');
      if (signal) {
        signals.push(signal);
      }
      const offset = Number(token ?? '0');
      return new Promise<ObjectList<Item>>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            const error = options.fail?.(offset);
            if (error) {
              reject(error);
              return;
            }
            const next = offset + 10 < 30 ? { continue: String(offset + 10) } : {};
            resolve({
              metadata: next,
              items: uids(offset, Math.min(30, offset + 10)).map((uid) => ({ metadata: { uid } })),
            });
          },
          options.delayMs?.(offset) ?? 0
        );
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted by the list'));
        });
      });
    },
  };
  return { list, started, signals };
}

/** Fails the test if a promise rejection goes unhandled while `work` runs (and a little after). */
async function withoutUnhandledRejections(work: () => Promise<void>): Promise<void> {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', record);
  try {
    await work();
    await tick();
  } finally {
    process.off('unhandledRejection', record);
  }
  expect(unhandled).toEqual([]);
}

describe('ListPages fetching one page ahead', () => {
  it('asks for the next page while the reader still holds the current one, and never two ahead', async () => {
    const { list, started } = source();
    const seenWhileHolding: string[][] = [];
    for await (const page of new ListPages([list])) {
      await tick();
      seenWhileHolding.push([...started]);
      expect(page.index).toBe(seenWhileHolding.length - 1);
    }
    expect(seenWhileHolding).toEqual([
      ['', '10'],
      ['', '10', '20'],
      ['', '10', '20'],
    ]);
  });

  it('yields pages in order with their items and continue tokens, even when a later page answers first', async () => {
    const { list } = source({ delayMs: (offset) => (offset === 0 ? 60 : offset === 10 ? 1 : 30) });
    const pages: Array<{ index: number; uids: string[]; continue?: string }> = [];
    const listing = new ListPages([list]);
    for await (const page of listing) {
      pages.push({ index: page.index, uids: page.items.map((i) => i.metadata.uid), continue: page.continue });
    }
    expect(pages).toEqual([
      { index: 0, uids: uids(0, 10), continue: '10' },
      { index: 1, uids: uids(10, 20), continue: '20' },
      { index: 2, uids: uids(20, 30), continue: undefined },
    ]);
    expect(listing.outcome).toEqual({ complete: true, pages: 3, items: 30, duplicates: 0, offsetsGuessed: 0 });
  });

  it('surfaces an error of the page fetched ahead only when the reader asks for it, with its own message', () =>
    withoutUnhandledRejections(async () => {
      const { list, started } = source({
        fail: (offset) => (offset === 10 ? new Error('page 2 is broken') : undefined),
      });
      const read: string[] = [];
      const listing = new ListPages([list]);
      const walk = (async () => {
        for await (const page of listing) {
          // The fetch ahead fails while the reader is still on page 1.
          await tick();
          read.push(...page.items.map((i) => i.metadata.uid));
        }
      })();
      await expect(walk).rejects.toThrow('page 2 is broken');
      expect(read).toEqual(uids(0, 10));
      expect(started).toEqual(['', '10']);
      expect(listing.outcome).toMatchObject({ complete: false, pages: 1, items: 10 });
    }));

  it('cancels the page fetched ahead when the reader stops, and its rejection goes nowhere', () =>
    withoutUnhandledRejections(async () => {
      const { list, started, signals } = source({ delayMs: (offset) => (offset === 0 ? 0 : 5_000) });
      const listing = new ListPages([list]);
      for await (const page of listing) {
        expect(page.index).toBe(0);
        break;
      }
      expect(started).toEqual(['', '10']);
      expect(signals.map((s) => s.aborted)).toEqual([false, true]);
      expect(listing.outcome).toMatchObject({ complete: false, pages: 1, items: 10 });
    }));

  it('cancels the page fetched ahead when the reader fails on the current page', () =>
    withoutUnhandledRejections(async () => {
      const { list, signals } = source({ delayMs: (offset) => (offset === 0 ? 0 : 5_000) });
      const reading = (async () => {
        for await (const page of new ListPages([list])) {
          throw new Error(`the reader failed on page ${page.index + 1}`);
        }
      })();
      await expect(reading).rejects.toThrow('the reader failed on page 1');
      expect(signals.map((s) => s.aborted)).toEqual([false, true]);
    }));

  it('does not fetch ahead past the page limit or the item limit', async () => {
    const byPages = source();
    for await (const page of new ListPages([byPages.list], { maxPages: 1 })) {
      await tick();
      expect(page.index).toBe(0);
    }
    expect(byPages.started).toEqual(['']);
    const byItems = source();
    for await (const page of new ListPages([byItems.list], { maxItems: 10 })) {
      await tick();
      expect(page.items).toHaveLength(10);
    }
    expect(byItems.started).toEqual(['']);
  });
});

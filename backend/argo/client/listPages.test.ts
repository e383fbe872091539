import type { ObjectList } from './argoTypes';
import { collectPages, ListPages, type ListSource } from './listPages';

interface Item {
  metadata: { uid: string };
}

const items = (from: number, to: number): Item[] =>
  Array.from({ length: to - from }, (_, i) => ({ metadata: { uid: `u${from + i}` } }));

/** An offset-paged list of `total` items that answers as told. */
function offsetSource(
  total: number,
  pageSize: number,
  answer: (offset: number) => Partial<ObjectList<Item>['metadata']> = (o) =>
    o + pageSize < total ? { continue: String(o + pageSize) } : {}
): ListSource<Item> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    tokens: 'offset',
    pageSize,
    label: 'test items',
    fetch: async (token) => {
      calls.push(token ?? '');
      const offset = Number(token ?? '0');
      return { metadata: answer(offset), items: items(offset, Math.min(total, offset + pageSize)) };
    },
  };
}

describe('ListPages', () => {
  it('follows continue tokens to the end', async () => {
    const source = offsetSource(25, 10);
    const { items: all, outcome } = await collectPages(new ListPages([source]));
    expect(all.map((i) => i.metadata.uid)).toEqual(items(0, 25).map((i) => i.metadata.uid));
    expect(outcome).toEqual({ complete: true, pages: 3, items: 25, duplicates: 0, offsetsGuessed: 0 });
  });

  it('asks for the next offset itself when an offset server leaves out continue on a full page', async () => {
    const source = offsetSource(25, 10, () => ({}));
    const { items: all, outcome } = await collectPages(new ListPages([source]));
    expect(all).toHaveLength(25);
    expect(source.calls).toEqual(['', '10', '20']);
    expect(outcome).toMatchObject({ complete: true, offsetsGuessed: 2 });
  });

  it('stops on a repeated token and says the list may be incomplete', async () => {
    const source = offsetSource(100, 10, () => ({ continue: '10' }));
    const { outcome } = await collectPages(new ListPages([source]));
    expect(source.calls).toEqual(['', '10']);
    expect(outcome.complete).toBe(false);
    expect(outcome.incompleteReason).toMatch(/same continue token twice/);
  });

  it('stops when a guessed page brings nothing new', async () => {
    const source: ListSource<Item> = {
      tokens: 'offset',
      pageSize: 10,
      label: 'test items',
      fetch: async () => ({ metadata: {}, items: items(0, 10) }),
    };
    const { items: all, outcome } = await collectPages(new ListPages([source]));
    expect([all.length, outcome.pages, outcome.duplicates, outcome.complete]).toEqual([10, 2, 10, false]);
  });

  it('trusts a Kubernetes list without continue, unless it reports remaining items', async () => {
    const page = (meta: ObjectList<Item>['metadata']): ListSource<Item> => ({
      tokens: 'opaque',
      pageSize: 10,
      label: 'test items',
      fetch: async () => ({ metadata: meta, items: items(0, 10) }),
    });
    expect((await collectPages(new ListPages([page({})]))).outcome.complete).toBe(true);
    const short = await collectPages(new ListPages([page({ remainingItemCount: 5 })]));
    expect(short.outcome.incompleteReason).toMatch(/reported 5 more items but no continue token/);
  });

  it('stops at the page and item limits', async () => {
    const pages = await collectPages(new ListPages([offsetSource(100, 10)], { maxPages: 3 }));
    expect([pages.items.length, pages.outcome.complete, pages.outcome.incompleteReason]).toEqual([
      30,
      false,
      expect.stringMatching(/after 3 pages/),
    ]);
    const capped = await collectPages(new ListPages([offsetSource(100, 10)], { maxItems: 15 }));
    expect([capped.items.length, capped.outcome.complete]).toEqual([15, false]);
  });

  it('walks several sources in order, dropping uids already seen, and maps pages', async () => {
    const live = offsetSource(15, 10);
    const archive = {
      ...offsetSource(30, 10),
      fetch: async (token?: string) => ({
        metadata: {},
        items: items(10 + Number(token ?? 0), Math.min(30, 20 + Number(token ?? 0))),
      }),
    };
    const pages = new ListPages<Item>([live, archive], {
      mapItems: async (page) => page.map((i) => ({ metadata: { uid: i.metadata.uid.toUpperCase() } })),
    });
    const { items: all, outcome } = await collectPages(pages);
    expect(all.map((i) => i.metadata.uid)).toEqual(items(0, 30).map((i) => i.metadata.uid.toUpperCase()));
    expect(outcome.duplicates).toBe(5);
  });

  it('marks the outcome incomplete when reading stops early or fails', async () => {
    const pages = new ListPages([offsetSource(100, 10)]);
    for await (const page of pages) {
      expect(page.index).toBe(0);
      break;
    }
    expect(pages.outcome).toMatchObject({ complete: false, pages: 1 });
    const failing = new ListPages<Item>([
      { tokens: 'offset', pageSize: 10, label: 'x', fetch: () => Promise.reject(new Error('down')) },
    ]);
    await expect(collectPages(failing)).rejects.toThrow('down');
    expect(failing.outcome?.complete).toBe(false);
  });
});

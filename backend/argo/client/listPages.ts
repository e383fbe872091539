import type { ObjectList, ObjectMeta } from './argoTypes';

/**
 * Walks a list page by page with either kind of `continue` token, holding one page at a time. It stops
 * safely on a repeated token, a page limit or an item limit, and says when the list may be incomplete.
 * On offset-token servers a full page without `continue` (the v4.0–v4.1 bug) is followed by asking for
 * the next offset itself, until a short or empty page shows the real end.
 */
export interface ListPage<T> {
  items: T[];
  /** 0-based page number across all sources. */
  index: number;
  continue?: string;
  remainingItemCount?: number;
}

/** How a list walk ended. */
export interface ListOutcome {
  /** False when items may be missing; `incompleteReason` says why. */
  complete: boolean;
  incompleteReason?: string;
  pages: number;
  items: number;
  /** Items dropped because their uid was already seen (lists shift while being paged). */
  duplicates: number;
  /** Pages requested at an offset the client worked out itself because the server sent no `continue`. */
  offsetsGuessed: number;
}

/** One list to walk (live, archive, cron). */
export interface ListSource<T> {
  /** 'offset': decimal offsets (Argo's own lists); 'opaque': Kubernetes tokens. */
  tokens: 'offset' | 'opaque';
  pageSize: number;
  startToken?: string;
  /** `signal` aborts a page asked for ahead that the reader no longer wants. */
  fetch(token: string | undefined, signal?: AbortSignal): Promise<ObjectList<T>>;
  /** Keep this item (client-side filters); default all. */
  keep?(item: T): boolean;
  /** Names the list in messages, e.g. "workflows from the Argo Server v4.1.2". */
  label: string;
}

/** Limits of a list walk, and a per-page transformation. */
export interface PagingOptions<T> {
  maxPages?: number;
  maxItems?: number;
  /** Replaces each page's items before they are yielded (e.g. fetching node detail). */
  mapItems?(items: T[]): Promise<T[]>;
}

const uidOf = (item: unknown) =>
  ((item as { metadata?: ObjectMeta } | null)?.metadata?.uid as string | undefined) ?? undefined;

/** Pages of one or more lists (walked in order), with the outcome once iteration ends. */
export class ListPages<T> implements AsyncIterable<ListPage<T>> {
  outcome?: ListOutcome;

  /** Sources may be given as a function when they depend on something learnt first (the server version). */
  constructor(
    private readonly sources: Array<ListSource<T>> | (() => Promise<Array<ListSource<T>>>),
    private readonly limits: PagingOptions<T> = {}
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<ListPage<T>> {
    const state: ListOutcome = { complete: true, pages: 0, items: 0, duplicates: 0, offsetsGuessed: 0 };
    this.outcome = undefined;
    const seen = new Set<string>();
    let finished = false;
    try {
      const sources = typeof this.sources === 'function' ? await this.sources() : this.sources;
      for (const source of sources) {
        const stop = yield* this.walk(source, state, seen);
        if (stop) {
          break;
        }
      }
      finished = true;
    } finally {
      if (!finished && state.complete) {
        state.complete = false;
        state.incompleteReason = 'listing stopped before the end (it failed, was cancelled, or the reader stopped)';
      }
      this.outcome = state;
    }
  }

  /**
   * Walks one source; returns true when paging must stop altogether. The next page is asked for as soon
   * as its token is known, while the reader works on this one (one page ahead, never more); its error
   * surfaces when the reader asks for it, and it is cancelled when the reader stops first.
   */
  private async *walk(
    source: ListSource<T>,
    state: ListOutcome,
    seen: Set<string>
  ): AsyncGenerator<ListPage<T>, boolean> {
    const maxPages = this.limits.maxPages ?? 10_000;
    const tokens = new Set<string>();
    let token = source.startToken;
    let ahead: PageAhead<T> | undefined;
    const incomplete = (reason: string) => {
      state.complete = false;
      state.incompleteReason = reason;
      return true;
    };
    try {
      for (;;) {
        if (state.pages >= maxPages) {
          return incomplete(
            `stopped after ${state.pages} pages (the page limit) while listing ${source.label}; the list may be incomplete`
          );
        }
        const pending = ahead ?? fetchAhead(source, token);
        ahead = undefined;
        const list = await pending.list;
        state.pages++;
        const raw = list.items ?? [];
        let fresh = 0;
        const items: T[] = [];
        for (const item of raw) {
          const uid = uidOf(item);
          if (uid && seen.has(uid)) {
            state.duplicates++;
            continue;
          }
          if (uid) {
            seen.add(uid);
          }
          fresh++;
          if (!source.keep || source.keep(item)) {
            items.push(item);
          }
        }
        const max = this.limits.maxItems;
        const kept = max !== undefined ? items.slice(0, Math.max(0, max - state.items)) : items;
        state.items += kept.length;
        const { continue: next, remainingItemCount } = list.metadata ?? {};
        const step = nextStep(source, {
          token,
          next,
          remainingItemCount,
          raw: raw.length,
          fresh,
          itemLimit:
            max !== undefined &&
            state.items >= max &&
            (kept.length < items.length || Boolean(next) || raw.length >= source.pageSize)
              ? max
              : undefined,
          seenToken: (t) => tokens.has(t),
        });
        if (step.token !== undefined && state.pages < maxPages) {
          ahead = fetchAhead(source, step.token);
        }
        const mapped = this.limits.mapItems ? await this.limits.mapItems(kept) : kept;
        yield { items: mapped, index: state.pages - 1, continue: next || undefined, remainingItemCount };
        if (step.token === undefined) {
          return step.incomplete === undefined ? false : incomplete(step.incomplete);
        }
        if (step.guessed) {
          state.offsetsGuessed++;
        } else {
          tokens.add(step.token);
        }
        token = step.token;
      }
    } finally {
      // The reader stopped (or failed) before asking for the page fetched ahead: cancel it.
      ahead?.controller.abort();
    }
  }
}

/** A page asked for ahead of the reader, and how to cancel it. */
interface PageAhead<T> {
  list: Promise<ObjectList<T>>;
  controller: AbortController;
}

function fetchAhead<T>(source: ListSource<T>, token: string | undefined): PageAhead<T> {
  const controller = new AbortController();
  const list = source.fetch(token, controller.signal);
  // Awaited later, or dropped when the reader stops first: never an unhandled rejection.
  list.catch(() => undefined);
  return { list, controller };
}

/** What follows a page: the next token (given or a guessed offset), or the end and why it is incomplete. */
type Step = { token: string; guessed: boolean; incomplete?: undefined } | { token?: undefined; incomplete?: string };

function nextStep<T>(
  source: ListSource<T>,
  page: {
    token: string | undefined;
    next: string | undefined;
    remainingItemCount: number | undefined;
    raw: number;
    fresh: number;
    /** The item limit, when this page reached it and more items exist. */
    itemLimit: number | undefined;
    seenToken(token: string): boolean;
  }
): Step {
  const { token, next, remainingItemCount } = page;
  if (page.itemLimit !== undefined) {
    return {
      incomplete: `stopped at ${page.itemLimit} items (the item limit) while listing ${source.label}; more exist`,
    };
  }
  if (next) {
    return page.seenToken(next) || next === token
      ? {
          incomplete: `the server sent the same continue token twice while listing ${source.label}; stopped to avoid a loop, the list may be incomplete`,
        }
      : { token: next, guessed: false };
  }
  const full = source.pageSize > 0 && page.raw >= source.pageSize;
  if (!full && !(remainingItemCount && remainingItemCount > 0)) {
    return {};
  }
  if (source.tokens === 'opaque') {
    // Kubernetes leaves out `continue` when exactly a page was left; only a count says otherwise.
    return remainingItemCount && remainingItemCount > 0
      ? {
          incomplete: `the server reported ${remainingItemCount} more items but no continue token while listing ${source.label}; the list is incomplete`,
        }
      : {};
  }
  if (page.fresh === 0) {
    return {
      incomplete: `a page without new items and without a continue token came back while listing ${source.label}; stopped, the list may be incomplete`,
    };
  }
  return { token: String(Number(token ?? '0') + page.raw), guessed: true };
}

/** Drains pages into one array (holds everything: use for bounded lists). */
export async function collectPages<T>(pages: ListPages<T>): Promise<{ items: T[]; outcome: ListOutcome }> {
  const items: T[] = [];
  for await (const page of pages) {
    items.push(...page.items);
  }
  return { items, outcome: pages.outcome! };
}

import { AsyncLocalStorage } from 'node:async_hooks';

import type { Notice } from '../frames/frame';

/**
 * What one query's Elasticsearch searches really were: the bodies as sent (after the label patterns'
 * rewrite) and the warnings their answers carried (failed shards). Kept per query through Node's
 * AsyncLocalStorage, so every search of the query, however deep (the Argo path's merge too), is
 * recorded without each caller passing a record along; the query runner puts it on the frames.
 */
export interface SentSearch {
  /** The body the query built. */
  asked: Record<string, unknown>;
  /** The body sent: `asked`, or with label patterns replaced by the values `listing` found. */
  sent: Record<string, unknown>;
  /** The search that listed the matching label values first, when there were label patterns. */
  listing?: Record<string, unknown>;
}

export interface SearchRecord {
  searches: SentSearch[];
  notices: Notice[];
}

const current = new AsyncLocalStorage<SearchRecord>();

/** Runs one query, recording the searches it makes. */
export async function recordSearches<T>(run: () => Promise<T>): Promise<{ result: T; record: SearchRecord }> {
  const record: SearchRecord = { searches: [], notices: [] };
  const result = await current.run(record, run);
  return { result, record };
}

/** Notes a search on the running query's record (none outside a query: resource calls, health checks). */
export function noteSearch(search: SentSearch): void {
  current.getStore()?.searches.push(search);
}

/** Notes a warning once per query, however many of its searches carry it. */
export function noteWarning(notice: Notice): void {
  const record = current.getStore();
  if (record && !record.notices.some((known) => known.text === notice.text)) {
    record.notices.push(notice);
  }
}

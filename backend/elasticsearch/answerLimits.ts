import type { Client, estypes } from '@elastic/elasticsearch';

import { RequestLimiter } from '../argo/client/requestLimiter';
import { QueryError } from '../errors/queryError';
import { environmentNumber } from '../settings/environmentNumber';
import { answerTooLargeMessage } from './answerLimitMessages';

/**
 * The memory bound of Elasticsearch searches. Every answer is read whole into one string and parsed
 * (a 10 MB answer costs about 35 MB of heap while it is parsed), so the plugin reads at most
 * SEARCHES_AT_ONCE answers at a time (others wait their turn) and none larger than MAX_ANSWER_MB: a
 * larger one fails its own query (413) with a message saying how to narrow it, instead of growing the
 * process without bound. At most, answers then hold about (SEARCHES_AT_ONCE + 3) x MAX_ANSWER_MB of
 * heap at a time, whatever the load; docs/benchmarks.md. Both can be changed with the environment
 * variables ARGOPERF_MAX_ANSWER_MB and ARGOPERF_SEARCHES_AT_ONCE.
 * 8 is twice the search threads of a 2-core Elasticsearch node (4): at 4, the slots spent reading
 * answers left a third of its threads idle under 32 clients; at 8 they stay busy and the backend's
 * memory under load is the same (docs/benchmarks.md, throughput under load).
 */
export const MAX_ANSWER_MB = 32;
export const SEARCHES_AT_ONCE = 8;

/** Most characters of one answer (read when searching, so the environment of the running process counts). */
export function maxAnswerBytes(): number {
  return Math.floor(environmentNumber('ARGOPERF_MAX_ANSWER_MB', MAX_ANSWER_MB) * 1024 * 1024);
}

export function searchesAtOnce(): number {
  return Math.floor(environmentNumber('ARGOPERF_SEARCHES_AT_ONCE', SEARCHES_AT_ONCE));
}

/** The transport's error for an answer over maxResponseSize (RequestAbortedError, "...maximum allowed string..."). */
export function isAnswerTooLarge(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'RequestAbortedError' && typeof message === 'string' && message.includes('maximum allowed');
}

/** Searches of every datasource share it: the bound is the process's memory. */
let searchSlots: RequestLimiter | undefined;

/**
 * client.search within the bound: waits for a free slot (or the signal), reads at most maxAnswerBytes();
 * a larger answer is that query's QueryError (413), every other failure is thrown as it came.
 */
export async function boundedSearch(client: Client, params: Parameters<Client['search']>[0], signal: AbortSignal): Promise<estypes.SearchResponse> {
  searchSlots ??= new RequestLimiter(searchesAtOnce());
  const maxResponseSize = maxAnswerBytes();
  try {
    return await searchSlots.run(() => client.search(params, { signal, maxResponseSize }), signal);
  } catch (error) {
    throw isAnswerTooLarge(error) ? new QueryError(answerTooLargeMessage(maxResponseSize), 'plugin', 413) : error;
  }
}

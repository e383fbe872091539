import { QueryError } from '../errors/queryError';
import type { Notice } from '../frames/frame';
import type { DatasourceInstance } from '../settings/instances';
import { boundedSearch } from './answerLimits';
import { elasticsearchClient, elasticsearchErrorContext, elasticsearchSettings } from './client';
import { causes, elasticsearchFailureText } from './elasticsearchErrors';
import { readsCollectorPrefix } from './indexPatternMatch';
import type { TimeWindow } from './searchFilters';

/**
 * The collector's heartbeat: its sync checkpoints (backend/collector/checkpoints.ts), one per Argo
 * Server + namespace + index prefix, rewritten with `updated_at` after every successful sync round even
 * when nothing new was found. Read from the state index named in the datasource settings; a checkpoint
 * counts when its index prefix is one the datasource's index pattern reads, and when it was updated in
 * the freshness window. Namespace '' is a collector of all namespaces.
 */
export interface Heartbeats {
  /** Newest `updated_at` (epoch ms) per checkpoint namespace ('' = all namespaces). */
  syncedMs: Map<string, number>;
  notices: Notice[];
}

export const heartbeatText = {
  unreadable: (stateIndex: string, reason: string) =>
    `The collector's sync checkpoints in "${stateIndex}" could not be read, so the ages count from the documents only (a namespace where nothing ran looks stale): ${reason}`,
};

interface PrefixBucket {
  key: string;
  namespaces: { buckets: Array<{ key: string; synced: { value: number | null } }> };
}

export function heartbeatSearch(namespaces: string[], window: TimeWindow): Record<string, unknown> {
  const asked = [...new Set([...namespaces, ''])];
  return {
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [
          { term: { kind: 'sync' } },
          { terms: { namespace: asked } },
          { range: { updated_at: { gte: window.fromMs, lte: window.toMs, format: 'epoch_millis' } } },
        ],
      },
    },
    aggs: {
      prefixes: {
        terms: { field: 'index_prefix', size: 100 },
        aggs: { namespaces: { terms: { field: 'namespace', size: asked.length }, aggs: { synced: { max: { field: 'updated_at' } } } } },
      },
    },
  };
}

/** Newest sync per namespace over the prefixes the datasource reads. */
export function heartbeatsOf(buckets: PrefixBucket[], indexPattern: string, atMs: number): Map<string, number> {
  const synced = new Map<string, number>();
  for (const prefix of buckets.filter((bucket) => readsCollectorPrefix(indexPattern, bucket.key, atMs))) {
    for (const { key, synced: at } of prefix.namespaces.buckets) {
      if (typeof at.value === 'number') {
        synced.set(key, Math.max(synced.get(key) ?? 0, at.value));
      }
    }
  }
  return synced;
}

/**
 * The heartbeats vouching for these namespaces. No state index: none (documents only, no collector).
 * A state index that cannot be read (no privilege, closed): none and a warning. Anything else (the
 * cluster not answering) fails the query, so an alert rule shows an error rather than false stale ages.
 */
export async function readHeartbeats(instance: DatasourceInstance, namespaces: string[], window: TimeWindow, signal: AbortSignal): Promise<Heartbeats> {
  const es = elasticsearchSettings(instance);
  const client = await elasticsearchClient(instance);
  try {
    const answer = await boundedSearch(client, { index: es.stateIndex, ...heartbeatSearch(namespaces, window) }, signal);
    const prefixes = (answer.aggregations?.prefixes as { buckets?: PrefixBucket[] } | undefined)?.buckets ?? [];
    return { syncedMs: heartbeatsOf(prefixes, es.index, window.toMs), notices: [] };
  } catch (error) {
    const response = error as { name?: unknown; statusCode?: unknown; body?: unknown };
    const status = Number(response.statusCode);
    const context = { ...elasticsearchErrorContext(instance), index: es.stateIndex };
    if (response.name === 'ResponseError' && causes(response.body).some((cause) => cause.type === 'index_not_found_exception')) {
      return { syncedMs: new Map(), notices: [] };
    }
    if (response.name === 'ResponseError' && status >= 400 && status < 500 && status !== 429 && !signal.aborted) {
      const reason = elasticsearchFailureText(error, context).message;
      return { syncedMs: new Map(), notices: [{ severity: 'warning', text: heartbeatText.unreadable(es.stateIndex, reason) }] };
    }
    const { message, status: shown } = elasticsearchFailureText(error, context);
    throw new QueryError(message, 'downstream', shown);
  }
}

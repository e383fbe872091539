import { createHash } from 'node:crypto';

import type { Client } from '@elastic/elasticsearch';

/**
 * Checkpoints kept in Elasticsearch (the state index, outside the data pattern `<prefix>-*`), one per
 * Argo Server URL + namespace + index prefix (+ range for a backfill). A checkpoint is written only after
 * every bulk request of the range before it was acknowledged, so a crash re-does at most one range.
 */
export interface CheckpointScope {
  argoUrl: string;
  /** '' = all namespaces. */
  namespace: string;
  indexPrefix: string;
}

/** sync: every run that started before `watermark` has been written finished (or was not listed at all). */
export interface SyncCheckpoint {
  kind: 'sync';
  watermark: string;
}

/** backfill of [from, to): every run that started in [from, done_until) has been written. */
export interface BackfillCheckpoint {
  kind: 'backfill';
  from: string;
  to: string;
  done_until: string;
}

export type Checkpoint = SyncCheckpoint | BackfillCheckpoint;

const STATE_MAPPINGS = {
  dynamic: false,
  properties: {
    kind: { type: 'keyword' },
    argo_url: { type: 'keyword' },
    namespace: { type: 'keyword' },
    index_prefix: { type: 'keyword' },
    watermark: { type: 'date' },
    from: { type: 'date' },
    to: { type: 'date' },
    done_until: { type: 'date' },
    updated_at: { type: 'date' },
  },
} as const;

export function checkpointId(scope: CheckpointScope, kind: Checkpoint['kind'], range?: { from: Date; to: Date }): string {
  const key = [scope.argoUrl.replace(/\/+$/, ''), scope.namespace, scope.indexPrefix, range?.from.toISOString(), range?.to.toISOString()];
  return `${kind}-${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 40)}`;
}

export class CheckpointStore {
  private ready?: Promise<void>;

  constructor(
    private readonly client: Client,
    readonly index: string
  ) {}

  async read<T extends Checkpoint>(id: string): Promise<T | undefined> {
    await this.ensureIndex();
    const response = await this.client.get<T>({ index: this.index, id }, { ignore: [404] });
    return response.found ? response._source : undefined;
  }

  /** `updatedAt`: when the round ended (the wall clock; the demo gives its history's own end). */
  async write(id: string, scope: CheckpointScope, checkpoint: Checkpoint, updatedAt = new Date()): Promise<void> {
    await this.ensureIndex();
    await this.client.index({
      index: this.index,
      id,
      document: {
        ...checkpoint,
        argo_url: scope.argoUrl,
        namespace: scope.namespace,
        index_prefix: scope.indexPrefix,
        updated_at: updatedAt.toISOString(),
      },
    });
  }

  private ensureIndex(): Promise<void> {
    this.ready ??= this.client.indices
      .create(
        { index: this.index, mappings: STATE_MAPPINGS, settings: { number_of_shards: 1, auto_expand_replicas: '0-1' } },
        { ignore: [400] }
      )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }
}

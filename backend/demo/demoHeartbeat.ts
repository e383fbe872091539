import type { Client } from '@elastic/elasticsearch';

import { CheckpointStore, checkpointId, type CheckpointScope } from '../collector/checkpoints';
import { DEMO_NAMESPACES } from './catalog';

/** The checkpoints' Argo Server: the demo's history, wherever it is served (it is written before it is served). */
export const DEMO_CHECKPOINT_ARGO_URL = 'demo';

/**
 * The collector's heartbeat for the demo: a sync checkpoint per demo namespace, as a collector writes
 * after every round, with the history's end as both watermark and `updated_at`. A namespace where
 * nothing new ran since the last advance then counts as fresh (the `freshness` query and the
 * history-stale rule read these), as with a running collector; when the demo stops advancing, the
 * heartbeat stops with it and the history goes stale as it would.
 */
export async function writeDemoHeartbeat(es: Client, stateIndex: string, indexPrefix: string, endMs: number): Promise<void> {
  const store = new CheckpointStore(es, stateIndex);
  const end = new Date(endMs);
  for (const namespace of Object.values(DEMO_NAMESPACES)) {
    const scope: CheckpointScope = { argoUrl: DEMO_CHECKPOINT_ARGO_URL, namespace, indexPrefix };
    await store.write(checkpointId(scope, 'sync'), scope, { kind: 'sync', watermark: end.toISOString() }, end);
  }
}

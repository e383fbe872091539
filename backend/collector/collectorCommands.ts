import { setTimeout as delay } from 'node:timers/promises';

import { checkpointId, type BackfillCheckpoint, type CheckpointScope, type CheckpointStore, type SyncCheckpoint } from './checkpoints';
import { collectRange, type CollectContext } from './collectRange';
import { startReading } from './rangeReading';
import type { CollectorOptions } from './collectorOptions';

/**
 * backfill, sync and watch over the namespaces of the options. Checkpoints are read and written only
 * when writing to Elasticsearch (a dry run reads the default window and stores nothing).
 */
export interface CommandContext extends CollectContext {
  options: CollectorOptions;
  checkpoints?: CheckpointStore;
  now?: () => number;
}

const HOUR = 3_600_000;

function scopeOf(context: CommandContext, namespace: string): CheckpointScope {
  return { argoUrl: context.options.argo.url, namespace, indexPrefix: context.options.indexPrefix };
}

const label = (namespace: string) => namespace || 'all namespaces';

/** Runs that started in [from, to), a slice at a time, oldest first; each slice checkpointed once written. */
export async function backfill(context: CommandContext): Promise<void> {
  const { options, checkpoints, log } = context;
  const from = options.from!;
  const to = options.to!;
  for (const namespace of options.namespaces) {
    const scope = scopeOf(context, namespace);
    const id = checkpointId(scope, 'backfill', { from, to });
    const stored = options.restart ? undefined : await checkpoints?.read<BackfillCheckpoint>(id);
    let start = stored ? Date.parse(stored.done_until) : from.getTime();
    if (start >= to.getTime()) {
      log.info(`backfill of ${label(namespace)} from ${from.toISOString()} to ${to.toISOString()} was already done; --restart runs it again`);
      continue;
    }
    if (stored) {
      log.info(`resuming the backfill of ${label(namespace)} at ${new Date(start).toISOString()}`);
    }
    let sliceMs = Math.max(1000, Math.round((options.sliceHours * HOUR) / 1000) * 1000);
    // The list's bounds are inclusive whole seconds: [start, end - 1 s] is [start, end).
    const slice = (fromMs: number) => {
      const endMs = Math.min(fromMs + sliceMs, to.getTime());
      // Once read, a slice sizes the next one and starts reading it while its own last requests finish.
      const reading = startReading({ namespace, from: new Date(fromMs), to: new Date(endMs - 1000) }, context, () => {
        sliceMs = nextSliceMs(sliceMs, reading.documents, options.sliceDocuments);
        if (endMs < to.getTime()) {
          next = slice(endMs);
        }
      });
      return { endMs, reading };
    };
    let next = slice(start);
    while (start < to.getTime()) {
      const current = next;
      try {
        await collectRange(current.reading, context);
      } catch (error) {
        if (next !== current) {
          await next.reading.cancel();
        }
        throw error;
      }
      const doneUntil = new Date(current.endMs).toISOString();
      await checkpoints?.write(id, scope, { kind: 'backfill', from: from.toISOString(), to: to.toISOString(), done_until: doneUntil });
      log.debug('backfill slice written', { namespace, done_until: doneUntil });
      start = current.endMs;
    }
  }
}

/**
 * Each slice ends with waiting for its last bulk requests and a checkpoint: sparse history gets longer
 * slices (so the pipeline rarely drains), dense history shorter ones (so a crash re-does little).
 */
export function nextSliceMs(sliceMs: number, documents: number, target: number): number {
  if (documents < target / 2) {
    return sliceMs * 2;
  }
  return documents > target * 2 ? Math.max(60_000, Math.round(sliceMs / 2000) * 1000) : sliceMs;
}

/**
 * From the stored watermark minus the overlap (the first time: --initial-hours back) to now. The new
 * watermark is now, or the start of the earliest run still running, so that run is read again until
 * it has finished and its final documents have replaced the running ones.
 */
export async function sync(context: CommandContext): Promise<void> {
  const { options, checkpoints, log } = context;
  for (const namespace of options.namespaces) {
    const now = context.now?.() ?? Date.now();
    const scope = scopeOf(context, namespace);
    const id = checkpointId(scope, 'sync');
    const stored = await checkpoints?.read<SyncCheckpoint>(id);
    const fromMs = stored ? Date.parse(stored.watermark) - options.overlapMinutes * 60_000 : now - options.initialHours * HOUR;
    const from = new Date(Math.floor(fromMs / 1000) * 1000);
    log.debug('sync', { namespace, from: from.toISOString(), checkpoint: stored?.watermark ?? 'none' });
    const scan = await collectRange(startReading({ namespace, from }, context), context);
    const watermark = new Date(Math.min(now, scan.earliestUnfinishedMs ?? now));
    await checkpoints?.write(id, scope, { kind: 'sync', watermark: watermark.toISOString() });
  }
}

/** sync every `everySeconds` until the signal aborts; a failed round is logged and the next one retries. */
export async function watch(context: CommandContext, onError: (error: unknown) => void, onSynced: () => void = () => undefined): Promise<void> {
  const { options, signal } = context;
  while (!signal?.aborted) {
    const started = Date.now();
    try {
      await sync(context);
      onSynced();
    } catch (error) {
      if (signal?.aborted) {
        return;
      }
      onError(error);
    }
    const waitMs = Math.max(0, options.everySeconds * 1000 - (Date.now() - started));
    // Ends early, without a listener left behind, when the signal aborts.
    await delay(waitMs, undefined, { signal }).catch(() => undefined);
  }
}

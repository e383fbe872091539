import type { Client } from '@elastic/elasticsearch';

import type { CollectorLog } from '../collector/collectorLog';
import type { DemoHistory } from './demoHistory';
import type { DemoServer } from './demoServer';
import { writeDemoHeartbeat } from './demoHeartbeat';
import { writeDemoRuns } from './demoWrite';
import { LiveDemo } from './liveDemo';

export interface LiveLoopOptions {
  seed: number;
  days: number;
  indexPrefix: string;
  /** Where the heartbeat goes (see demoHeartbeat.ts). */
  stateIndex: string;
  advanceSeconds: number;
  /** The wall clock (tests give their own). */
  nowMs?: () => number;
}

export interface LiveLoop {
  live: LiveDemo;
  advance(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Moves a served demo to the clock every advanceSeconds: writes the new and changed runs and the
 * heartbeat to Elasticsearch (when given) first, then serves the new history. A failed write is logged and retried
 * at the next advance (the served history stays where Elasticsearch is); serving goes on.
 */
export function startLiveLoop(history: DemoHistory, server: DemoServer, es: Client | undefined, options: LiveLoopOptions, log: CollectorLog): LiveLoop {
  const live = new LiveDemo(history, options);
  const now = options.nowMs ?? Date.now;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const advance = async () => {
    const step = live.step(now());
    if (!step) {
      return;
    }
    const written = es && step.changed.length > 0 ? await writeDemoRuns(es, step.changed, step.history.endMs, options.indexPrefix, log) : undefined;
    if (es) {
      // every advance, changes or not: a namespace where nothing ran stays fresh, as with a collector
      await writeDemoHeartbeat(es, options.stateIndex, options.indexPrefix, step.history.endMs);
    }
    server.update(step.history);
    live.accept(step);
    log.info('demo advanced', {
      end: new Date(step.history.endMs).toISOString(),
      runs: step.history.workflows.length,
      new_runs: step.added,
      changed_runs: step.changed.length - step.added,
      dropped_runs: step.dropped,
      documents: written?.documents ?? 0,
    });
  };
  /** One advance now (the timer's; tests call it with their own clock); none while one is writing. */
  const advanceOnce = (): Promise<void> => {
    if (busy) {
      return running;
    }
    busy = true;
    running = advance()
      .catch((error: unknown) => log.error(`demo advance failed, retried in ${options.advanceSeconds} s: ${(error as Error).message}`))
      .finally(() => (busy = false));
    return running;
  };
  const timer = options.advanceSeconds > 0 ? setInterval(() => void advanceOnce(), options.advanceSeconds * 1000) : undefined;
  timer?.unref();
  return {
    live,
    advance: advanceOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

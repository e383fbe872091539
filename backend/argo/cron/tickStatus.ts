import { activeWindows, forbidBlockers } from './concurrency';
import type { CronInfo, ManualRun, ScheduledRun, TickReport, TickStatus } from './cronTypes';

export interface TickContext {
  nowMs: number;
  graceMs: number;
  activeLagMs: number;
  prunedHistory: boolean;
}

/**
 * What happened at each expected tick. A tick without a run is, in this order: upcoming (not yet due);
 * before the cron existed; submitted (status.lastScheduledTime names it, the run was deleted since);
 * suspended or stopped (only ticks after status.lastScheduledTime: we know the current spec.suspend, not when
 * it was set); skipped by Forbid (an earlier run was still active); pending (within the grace period or the
 * starting deadline, the controller may still start it); unknown (history pruned); otherwise missed.
 */
export function tickStatuses(
  cron: CronInfo,
  ticksMs: readonly number[],
  scheduled: readonly ScheduledRun[],
  manual: readonly ManualRun[],
  ctx: TickContext
): TickReport[] {
  const runsByTick = new Map<number, string[]>();
  const [firstTickMs, lastTickMs] = [ticksMs[0], ticksMs[ticksMs.length - 1]];
  for (const run of scheduled) {
    if (!(run.scheduledMs >= firstTickMs && run.scheduledMs <= lastTickMs)) {
      continue; // not a tick asked about (most runs, when the ticks were capped)
    }
    const names = runsByTick.get(run.scheduledMs);
    if (names) {
      names.push(run.name);
    } else {
      runsByTick.set(run.scheduledMs, [run.name]);
    }
  }
  const windows = cron.concurrencyPolicy === 'Forbid' ? activeWindows([...scheduled, ...manual], ctx.activeLagMs) : [];
  // ticksMs is sorted: one sweep over the windows for all ticks.
  const blockerAt = forbidBlockers(windows);
  const waitMs = Math.max(ctx.graceMs, (cron.startingDeadlineSeconds ?? 0) * 1000);
  const oldestKnownMs = oldestKnownTick(cron.lastScheduledMs, scheduled, manual);

  return ticksMs.map((tickMs) => {
    const runs = runsByTick.get(tickMs) ?? [];
    if (runs.length > 0) {
      return { scheduledMs: tickMs, status: 'ran', runs };
    }
    const blockedBy = windows.length > 0 ? blockerAt(tickMs) : undefined;
    const status = statusWithoutRun(tickMs, cron, ctx, waitMs, oldestKnownMs, blockedBy);
    return status === 'skipped-forbid'
      ? { scheduledMs: tickMs, status, runs, blockedBy }
      : { scheduledMs: tickMs, status, runs };
  });
}

function statusWithoutRun(
  tickMs: number,
  cron: CronInfo,
  ctx: TickContext,
  waitMs: number,
  oldestKnownMs: number,
  blockedBy: string | undefined
): TickStatus {
  if (tickMs >= ctx.nowMs) {
    return 'upcoming';
  }
  // robfig fires strictly after the moment the cron was added; creationTimestamp is cut to whole seconds.
  if (cron.createdMs !== undefined && tickMs <= cron.createdMs) {
    return 'before-creation';
  }
  if (tickMs === cron.lastScheduledMs) {
    return 'submitted-not-listed';
  }
  const afterLast = cron.lastScheduledMs === undefined || tickMs > cron.lastScheduledMs;
  if (cron.suspended && afterLast) {
    return 'suspended';
  }
  if (cron.stopped && afterLast) {
    return 'stopped';
  }
  if (blockedBy !== undefined) {
    return 'skipped-forbid';
  }
  if (ctx.nowMs < tickMs + waitMs) {
    return 'pending';
  }
  if (ctx.prunedHistory && tickMs < oldestKnownMs) {
    return 'unknown-pruned';
  }
  return 'missed';
}

/** The earliest time we have evidence of a run for: the runs given and status.lastScheduledTime. */
export function oldestKnownTick(
  lastScheduledMs: number | undefined,
  scheduled: readonly ScheduledRun[],
  manual: readonly ManualRun[]
): number {
  let oldest = lastScheduledMs ?? Infinity;
  for (const run of scheduled) {
    oldest = Math.min(oldest, run.scheduledMs);
  }
  for (const run of manual) {
    oldest = Math.min(oldest, run.createdMs ?? Infinity);
  }
  return oldest;
}

import type { RunTimes, ScheduledRun } from './cronTypes';

/**
 * When a run counts as active for concurrencyPolicy: Argo checks `status.active`, which holds a run from its
 * creation until the controller's sync loop (every CRON_SYNC_PERIOD, 10 s by default) sees it finished.
 */
export interface ActiveWindow {
  name: string;
  fromMs: number;
  untilMs: number;
  scheduledMs?: number;
}

export function activeWindows(
  runs: ReadonlyArray<RunTimes & { scheduledMs?: number }>,
  activeLagMs: number
): ActiveWindow[] {
  const windows: ActiveWindow[] = [];
  for (const run of runs) {
    const fromMs = run.createdMs ?? run.startedMs;
    if (fromMs === undefined) {
      continue;
    }
    // A finished phase without finishedAt: we cannot tell how long it was active, so it never blocks.
    const untilMs = run.finishedMs !== undefined ? run.finishedMs + activeLagMs : run.running ? Infinity : fromMs;
    windows.push({ name: run.name, fromMs, untilMs, scheduledMs: run.scheduledMs });
  }
  return windows.sort((a, b) => a.fromMs - b.fromMs);
}

/** With Forbid: the run still active at a tick (other than the tick's own run), which made Argo skip it. */
export function forbidBlocker(tickMs: number, windows: readonly ActiveWindow[]): string | undefined {
  for (const window of windows) {
    if (window.fromMs >= tickMs) {
      break;
    }
    if (tickMs < window.untilMs && window.scheduledMs !== tickMs) {
      return window.name;
    }
  }
  return undefined;
}

/**
 * With Replace: a run still going at a later tick was terminated by the controller before it started the
 * tick's run. Marks each such run with the first run that replaced it.
 */
export function markReplaced(scheduled: readonly ScheduledRun[], all: readonly RunTimes[]): void {
  const byTick = [...scheduled].sort((a, b) => a.scheduledMs - b.scheduledMs);
  for (const run of all) {
    const fromMs = run.createdMs ?? run.startedMs;
    if (fromMs === undefined) {
      continue;
    }
    const endMs = run.finishedMs ?? (run.running ? Infinity : fromMs);
    const by = byTick.find((s) => s.name !== run.name && s.scheduledMs > fromMs && s.scheduledMs <= endMs);
    if (by) {
      run.replacedBy = by.name;
    }
  }
}

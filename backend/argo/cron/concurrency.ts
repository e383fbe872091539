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

/**
 * With Forbid: for each tick asked, the run still active at it (other than the tick's own run), which made
 * Argo skip it: the first such window in `windows` order (as activeWindows sorts them). Ticks asked in
 * ascending order cost O(windows + ticks) in all: the windows begun before a tick only grow, and one ended
 * before a tick stays ended for every later tick. A tick asked out of order starts the sweep over.
 */
export function forbidBlockers(windows: readonly ActiveWindow[]): (tickMs: number) => string | undefined {
  let begun = 0; // windows[0, begun) started before the last tick asked
  let firstLive = 0; // windows[0, firstLive) all ended by then
  let lastTickMs = -Infinity;
  return (tickMs) => {
    if (tickMs < lastTickMs) {
      begun = 0;
      firstLive = 0;
    }
    lastTickMs = tickMs;
    while (begun < windows.length && windows[begun].fromMs < tickMs) {
      begun++;
    }
    while (firstLive < begun && windows[firstLive].untilMs <= tickMs) {
      firstLive++;
    }
    // Past the first live window only when it is the tick's own run (a tick with a run is never asked by tickStatuses).
    for (let i = firstLive; i < begun; i++) {
      const window = windows[i];
      if (tickMs < window.untilMs && window.scheduledMs !== tickMs) {
        return window.name;
      }
    }
    return undefined;
  };
}

/**
 * With Replace: a run still going at a later tick was terminated by the controller before it started the
 * tick's run. Marks each such run with the first run that replaced it: the earliest tick after the run's
 * creation up to its end whose run is another one, found by binary search (ties in `scheduled` order).
 */
export function markReplaced(scheduled: readonly ScheduledRun[], all: readonly RunTimes[]): void {
  const byTick = [...scheduled].sort((a, b) => a.scheduledMs - b.scheduledMs);
  for (const run of all) {
    const fromMs = run.createdMs ?? run.startedMs;
    if (fromMs === undefined) {
      continue;
    }
    const endMs = run.finishedMs ?? (run.running ? Infinity : fromMs);
    // Past the first tick after the run only for that tick's own run (same name: a live and an archived copy).
    for (let i = firstTickAfter(byTick, fromMs); i < byTick.length && byTick[i].scheduledMs <= endMs; i++) {
      if (byTick[i].name !== run.name) {
        run.replacedBy = byTick[i].name;
        break;
      }
    }
  }
}

/** The index of the first run whose tick is after `ms` in runs sorted by tick (runs.length if none). */
function firstTickAfter(runs: readonly ScheduledRun[], ms: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (runs[middle].scheduledMs > ms) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

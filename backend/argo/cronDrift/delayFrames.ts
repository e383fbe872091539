import type { Frame } from '../../frames/frame';
import { seriesFrame } from '../../frames/timeSeriesFrames';
import type { CronReport } from './cronReports';

/**
 * The delay view: one timeseries-multi frame per cron (labels namespace, cron), a point per scheduled tick
 * in the range with the start delay (actual start − tick) in seconds. A missed tick, and a tick whose run
 * has not started, is a null point: a gap in the line where a run should have been. Ticks not yet due,
 * suspended or skipped by Forbid have no point. Runs on ticks the current schedules do not produce
 * (the schedule changed) are points too. Two runs of one tick: the earlier start.
 */
export function delayPoints({ report }: CronReport): { times: number[]; values: Array<number | null> } {
  const points = new Map<number, number | null>();
  for (const run of report.runs) {
    const delay = run.startDelayMs === undefined ? null : run.startDelayMs / 1000;
    const seen = points.get(run.scheduledMs);
    points.set(
      run.scheduledMs,
      seen === undefined || seen === null ? delay : delay === null ? seen : Math.min(seen, delay)
    );
  }
  for (const tick of report.ticks) {
    if (tick.status === 'missed' && !points.has(tick.scheduledMs)) {
      points.set(tick.scheduledMs, null);
    }
  }
  const times = [...points.keys()].sort((a, b) => a - b);
  return { times, values: times.map((t) => points.get(t) ?? null) };
}

export function delayFrames(refId: string, reports: CronReport[]): Frame[] {
  const frames: Frame[] = [];
  for (const cron of reports) {
    const { times, values } = delayPoints(cron);
    if (times.length === 0) {
      continue;
    }
    frames.push(
      seriesFrame(refId, times, {
        name: 'delay',
        nullable: true,
        labels: { namespace: cron.namespace, cron: cron.cron },
        config: { unit: 's', displayNameFromDS: `${cron.namespace}/${cron.cron} start delay` },
        values,
      })
    );
  }
  return frames;
}

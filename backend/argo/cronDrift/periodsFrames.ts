import type { Frame, Notice } from '../../frames/frame';
import { numberFrame } from '../../frames/numericFrames';
import { cronKey, cronLabels, sinceSuccessFrames, type NumberFrames } from './cronNumbers';
import { namedCrons } from './cronNotices';
import type { CronReport } from './cronReports';
import { CRON_DRIFT_TEXT as T } from './cronDriftText';

/** The gap between the cron's two latest ticks due by now, in ms; undefined with fewer than two in the range. */
export function periodMs({ report }: CronReport): number | undefined {
  const due = report.ticks.filter((tick) => tick.scheduledMs <= report.nowMs).map((tick) => tick.scheduledMs);
  return due.length < 2 ? undefined : due[due.length - 1] - due[due.length - 2];
}

/**
 * sinceSuccessPeriods: sinceSuccess ÷ the cron's period, so one threshold ("no success for more than two
 * periods") fits hourly and weekly crons alike. One frame per cron, always; null (No Data for that alert
 * instance) when the range holds fewer than two of its ticks, with a notice saying to widen it.
 */
export function sinceSuccessPeriodsFrames(refId: string, reports: CronReport[], windowStartMs: number): NumberFrames {
  const seconds = sinceSuccessFrames(refId, reports, windowStartMs);
  const frames: Frame[] = [];
  const withoutPeriod: string[] = [];
  reports.forEach((cron, i) => {
    const since = seconds.frames[i].fields[0].values[0] as number;
    const period = periodMs(cron);
    if (period === undefined) {
      withoutPeriod.push(cronKey(cron));
    }
    const custom = { ...(seconds.frames[i].meta?.custom as object), sinceSuccessSeconds: since, ...(period === undefined ? { reason: 'noPeriod' } : { periodSeconds: period / 1000 }) };
    frames.push(
      numberFrame(
        refId,
        {
          name: 'periods_since_success',
          nullable: true,
          labels: cronLabels(cron),
          config: { unit: 'none', displayNameFromDS: `${cronKey(cron)} periods since success` },
          value: period === undefined ? null : since / (period / 1000),
        },
        custom
      )
    );
  });
  const notices: Notice[] = [
    ...seconds.notices,
    ...(withoutPeriod.length ? [{ severity: 'warning' as const, text: T.noPeriod(namedCrons(withoutPeriod)) }] : []),
  ];
  return { frames, notices };
}

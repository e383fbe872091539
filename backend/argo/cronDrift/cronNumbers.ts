import type { Frame, Notice } from '../../frames/frame';
import { numberFrame } from '../../frames/numericFrames';
import { isoTime } from '../cron/cronJson';
import type { CronReport } from './cronReports';
import { namedCrons } from './cronNotices';

/**
 * The numeric-multi views, one number per cron labelled namespace and cron, for alert rules (one alert
 * instance per cron). meta.custom of each frame carries what the number was computed from.
 */
export interface NumberFrames {
  frames: Frame[];
  notices: Notice[];
}

export const cronKey = (cron: CronReport) => `${cron.namespace}/${cron.cron}`;
export const cronLabels = (cron: CronReport) => ({ namespace: cron.namespace, cron: cron.cron });
const key = cronKey;
const labels = cronLabels;

/**
 * sinceSuccess: seconds from the last run that Succeeded (its finish) to now. A cron with no success in the
 * runs read (the range and the lookback before it) still answers, so that its alert stays firing instead of
 * going missing: the seconds since the start of that window, or since the cron was created when that is
 * later — a lower bound, marked in meta.custom and named in a notice.
 */
export function sinceSuccessFrames(refId: string, reports: CronReport[], windowStartMs: number): NumberFrames {
  const frames: Frame[] = [];
  const without: string[] = [];
  for (const cron of reports) {
    const { lastSuccess, nowMs } = cron.report;
    const sinceMs = Math.max(windowStartMs, cron.report.cron.createdMs ?? windowStartMs);
    const custom = lastSuccess
      ? { lastSuccess: lastSuccess.name, finishedAt: isoTime(lastSuccess.finishedMs) }
      : { lastSuccess: null, noSuccessSince: isoTime(sinceMs), lowerBound: true };
    if (!lastSuccess) {
      without.push(key(cron));
    }
    const value = (lastSuccess ? lastSuccess.sinceMs : Math.max(0, nowMs - sinceMs)) / 1000;
    frames.push(
      numberFrame(
        refId,
        {
          name: 'since_success',
          nullable: false,
          labels: labels(cron),
          config: { unit: 's', displayNameFromDS: `${key(cron)} since success` },
          value,
        },
        custom
      )
    );
  }
  const notices: Notice[] = without.length
    ? [
        {
          severity: 'warning',
          text:
            `No successful run since ${isoTime(windowStartMs)} (the time range and the lookback before it) for ${namedCrons(without)}: ` +
            'the number is the time since then, or since the cron was created, so at least this long. Raise Lookback to look further back.',
        },
      ]
    : [];
  return { frames, notices };
}

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

const key = (cron: CronReport) => `${cron.namespace}/${cron.cron}`;
const labels = (cron: CronReport) => ({ namespace: cron.namespace, cron: cron.cron });

/** Whether the report could expect ticks at all: Argo accepts the cron and one schedule is a cron expression. */
function countsTicks({ report }: CronReport): boolean {
  return !report.cron.rejected && report.cron.schedules.some((s) => s.cron !== undefined);
}

/**
 * missed: ticks in the range without a run, past the grace period and the starting deadline. Crons with
 * none answer 0. A cron whose ticks cannot be known (Argo rejects it, or only `@every` schedules) has no
 * number: it is left out, with a notice; its own problems say why.
 */
export function missedFrames(refId: string, reports: CronReport[]): NumberFrames {
  const frames: Frame[] = [];
  const uncounted: string[] = [];
  for (const cron of reports) {
    if (!countsTicks(cron)) {
      uncounted.push(key(cron));
      continue;
    }
    const { counts } = cron.report;
    frames.push(
      numberFrame(
        refId,
        {
          name: 'missed',
          nullable: false,
          labels: labels(cron),
          config: { unit: 'none', displayNameFromDS: `${key(cron)} missed` },
          value: counts.missed,
        },
        {
          ticks: counts.ticks,
          ran: counts.ran,
          missed: counts.missed,
          pending: counts.pending,
          late: counts.late,
          skippedForbid: counts.skippedForbid,
          suspended: counts.suspended,
        }
      )
    );
  }
  const notices: Notice[] = uncounted.length
    ? [
        {
          severity: 'warning',
          text: `No missed count for ${namedCrons(uncounted)}: no ticks can be expected from its schedules (see the notices about them).`,
        },
      ]
    : [];
  return { frames, notices };
}

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

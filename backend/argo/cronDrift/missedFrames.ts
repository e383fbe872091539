import type { Frame, Notice } from '../../frames/frame';
import { numberFrame } from '../../frames/numericFrames';
import { isoTime } from '../cron/cronJson';
import type { CronDriftReport } from '../cron/cronTypes';
import { CRON_DRIFT_TEXT as T } from './cronDriftText';
import { cronKey, cronLabels, type NumberFrames } from './cronNumbers';
import { namedCrons } from './cronNotices';
import type { CronReport } from './cronReports';

/** Why a cron's missed value is empty: its ticks were capped, none can be expected, or spec.when may skip any. */
export type NoMissedCount = 'capped' | 'specError' | 'notScheduled' | 'noFixedTicks' | 'conditional';

/**
 * missed: ticks in the range without a run, past the grace period and the starting deadline; one frame per
 * cron, always (an alert instance that goes missing resolves). The value is empty (null) where a number
 * would mislead an alert rule: the cron's ticks were capped (an evaluated window is not the range), Argo
 * rejects the cron, it has no fixed ticks (only @every, or nothing the controller can schedule), or its
 * spec.when may skip any tick without a trace (v3.6+).
 * meta.custom says why; a notice per case names the crons and what to do.
 */
export function missedFrames(refId: string, reports: CronReport[]): NumberFrames {
  const frames: Frame[] = [];
  const empty: Record<'capped' | 'unknown', string[]> = { capped: [], unknown: [] };
  let maxTicks = 0;
  for (const cron of reports) {
    const { report } = cron;
    const reason = noCount(report);
    if (reason === 'capped') {
      empty.capped.push(cronKey(cron));
      maxTicks = Math.max(maxTicks, report.counts.ticks);
    } else if (reason) {
      empty.unknown.push(cronKey(cron));
    }
    frames.push(
      numberFrame(
        refId,
        {
          name: 'missed',
          nullable: true,
          labels: cronLabels(cron),
          config: { unit: 'none', displayNameFromDS: `${cronKey(cron)} missed` },
          value: reason ? null : report.counts.missed,
        },
        custom(report, reason)
      )
    );
  }
  const notices: Notice[] = [
    ...(empty.capped.length
      ? [{ severity: 'warning' as const, text: T.missedCapped(namedCrons(empty.capped), maxTicks) }]
      : []),
    ...(empty.unknown.length
      ? [{ severity: 'warning' as const, text: T.missedUnknown(namedCrons(empty.unknown)) }]
      : []),
  ];
  return { frames, notices };
}

function noCount(report: CronDriftReport): NoMissedCount | undefined {
  if (report.cron.rejected) {
    return 'specError';
  }
  if (report.cron.schedules.length === 0) {
    return 'notScheduled';
  }
  if (!report.cron.schedules.some((s) => s.cron !== undefined)) {
    return 'noFixedTicks';
  }
  if (report.cron.conditional) {
    return 'conditional';
  }
  return report.capped ? 'capped' : undefined;
}

function custom(report: CronDriftReport, reason: NoMissedCount | undefined): Record<string, unknown> {
  const { counts } = report;
  const window = { evaluatedFrom: isoTime(report.evaluated.fromMs), evaluatedTo: isoTime(report.evaluated.toMs) };
  const numbers = {
    ticks: counts.ticks,
    ran: counts.ran,
    pending: counts.pending,
    late: counts.late,
    skippedForbid: counts.skippedForbid,
    suspended: counts.suspended,
  };
  const argo = report.cron.argoVersion;
  if (!reason) {
    return { missed: counts.missed, ...numbers, argo };
  }
  if (reason === 'capped') {
    return { missed: null, reason, missedAtLeast: counts.missed, ...window, ...numbers, argo };
  }
  // The cron's own first error says what Argo does with it (the notices list them all).
  const first = report.problems.find((p) => p.level === 'error') ?? report.problems.find((p) => p.level === 'warning');
  return { missed: null, reason, problem: first ? `${first.field} ${first.message}` : undefined, argo };
}

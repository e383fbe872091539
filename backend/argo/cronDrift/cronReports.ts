import type { Notice } from '../../frames/frame';
import type { CronWorkflow } from '../client/argoTypes';
import {
  cronDrift,
  type CronDriftOptions,
  type CronDriftReport,
  type RunSummary,
  type TimeRange,
} from '../cron/cronDrift';
import { cronKey } from './cronHistory';
import { problemNotices, type CronMessage } from './cronNotices';

/** The drift report of one CronWorkflow, with the namespace and name its frames are labelled with. */
export interface CronReport {
  namespace: string;
  cron: string;
  report: CronDriftReport;
}

export interface CronReports {
  reports: CronReport[];
  /** The reports' problems and notes, one notice per distinct message. */
  notices: Notice[];
}

export interface CronReportOptions extends CronDriftOptions {
  /** Keep each report's ticks and runs (the delay and runs views); without, only counts and the last success. */
  detail?: boolean;
}

/**
 * Runs the drift report per cron, each on its own: its ticks, its cap (options.maxTicks, per cron) and its
 * numbers depend on that cron and its runs only. cronDrift never throws for bad objects (it reports
 * problems); should it throw anyway, that cron is left out with an error notice and the others still answer.
 */
export function cronReports(
  crons: CronWorkflow[],
  runs: Map<string, RunSummary[]>,
  range: TimeRange,
  nowMs: number,
  { detail = true, ...options }: CronReportOptions
): CronReports {
  const reports: CronReport[] = [];
  const messages: CronMessage[] = [];
  for (const cron of crons) {
    const key = cronKey(cron);
    const namespace = cron.metadata?.namespace ?? '';
    const name = cron.metadata?.name ?? '';
    try {
      const report = cronDrift(cron, runs.get(key) ?? [], range, nowMs, options);
      reports.push({
        namespace,
        cron: name,
        report: detail ? report : { ...report, ticks: [], runs: [], manualRuns: [] },
      });
      messages.push(...report.problems.map((p) => ({ cron: key, level: p.level, field: p.field, message: p.message })));
      messages.push(
        ...report.notes.map((n) => ({ cron: key, level: 'info' as const, field: n.field, message: n.message }))
      );
    } catch (error) {
      messages.push({
        cron: key,
        level: 'error',
        field: 'cron',
        message: `could not be read (${(error as Error)?.message ?? String(error)}); it is left out`,
      });
    }
  }
  return { reports, notices: problemNotices(messages) };
}

import type { Notice } from '../../frames/frame';
import type { CronWorkflow } from '../client/argoTypes';
import { abortError } from '../client/callBudget';
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
  /** The query's: once aborted, the reports stop (AbortError). */
  signal?: AbortSignal;
}

/** Work between two returns to the event loop: other queries and a cancellation get through. */
const SLICE_MS = 20;

/**
 * Runs the drift report per cron, each on its own: its ticks, its cap (options.maxTicks, per cron) and its
 * numbers depend on that cron and its runs only, so the work of a query grows with its crons, at most
 * maxTicks ticks each; it gives the event loop back every few milliseconds and stops when the query is
 * cancelled. cronDrift never throws for bad objects (it reports problems); should it throw anyway, that
 * cron is left out with an error notice and the others still answer.
 */
export async function cronReports(
  crons: CronWorkflow[],
  runs: Map<string, RunSummary[]>,
  range: TimeRange,
  nowMs: number,
  { detail = true, signal, ...options }: CronReportOptions
): Promise<CronReports> {
  const reports: CronReport[] = [];
  const messages: CronMessage[] = [];
  let sliceStart = Date.now();
  for (const cron of crons) {
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
    if (signal?.aborted) {
      throw abortError(signal);
    }
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

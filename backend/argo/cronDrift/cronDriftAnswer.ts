import type { CronDriftQuery } from '../../../src/query/cronDriftQuery';
import type { Frame, Notice } from '../../frames/frame';
import { finishNumericFrames } from '../../frames/numericFrames';
import { finishSeriesFrames } from '../../frames/timeSeriesFrames';
import { QueryError } from '../../errors/queryError';
import type { QueryInput } from '../../queries/queryInput';
import { readCronHistory, cronKey, type CronHistory } from './cronHistory';
import type { TimeRange } from '../cron/cronTypes';
import { argoCronRules } from '../cron/argoCronRules';
import { CRON_DRIFT_TEXT as T } from './cronDriftText';
import { sinceSuccessFrames } from './cronNumbers';
import { missedFrames } from './missedFrames';
import { sinceSuccessPeriodsFrames } from './periodsFrames';
import { cronReports } from './cronReports';
import { cronRunsTable } from './cronRunsTable';
import { delayFrames } from './delayFrames';
import { runsByCron } from './runSummaries';

const DAY_MS = 86_400_000;
/** Runs that started this long before the range are read too: one still running there blocks (Forbid) or is replaced by (Replace) a tick in it. */
export const ACTIVE_LOOKBACK_MS = DAY_MS;

/**
 * cronDrift over the Argo Server, judged at `nowMs`: now, or the end of the range when that is in the past
 * (a past range shows what was known at its end, and the answer does not change between refreshes).
 * Runs are read from the start of the range minus a lookback (ACTIVE_LOOKBACK_MS, or lookbackDays for
 * sinceSuccess) to its end.
 */
export async function cronDriftAnswer(query: CronDriftQuery, input: QueryInput, nowMs: number): Promise<Frame[]> {
  const success = query.view === 'sinceSuccess' || query.view === 'sinceSuccessPeriods';
  const lookbackMs = success ? query.lookbackDays * DAY_MS : ACTIVE_LOOKBACK_MS;
  const maxDays = input.instance.settings.maxRangeDays;
  if (success && query.lookbackDays > maxDays) {
    throw new QueryError(
      `lookbackDays: ${query.lookbackDays} days is longer than this datasource allows (${maxDays} days); shorten the lookback, or raise "Longest time range" (maxRangeDays) in the datasource settings`
    );
  }
  const windowStartMs = input.fromMs - lookbackMs;
  const history = await readCronHistory(input.instance, {
    namespaces: query.filters.namespaces ?? [],
    crons: query.filters.crons ?? [],
    fromMs: windowStartMs,
    toMs: input.toMs,
    signal: input.context.signal,
  });
  return cronDriftFrames(query, history, {
    range: { fromMs: input.fromMs, toMs: input.toMs },
    windowStartMs,
    nowMs,
    argoUrl: input.instance.settings.argo?.url,
    signal: input.context.signal,
  });
}

export interface CronDriftWindow {
  /** The query's time range. */
  range: TimeRange;
  /** Where the runs read begin: the range's start minus the lookback. */
  windowStartMs: number;
  nowMs: number;
  /** The Argo UI's address, for links to runs. */
  argoUrl?: string;
  signal: AbortSignal;
}

/** The frames of a cronDrift query from what the Argo Server holds (everything after the listing). */
export async function cronDriftFrames(
  query: CronDriftQuery,
  history: CronHistory,
  window: CronDriftWindow
): Promise<Frame[]> {
  const runs = runsByCron(history.runs, history.crons.map(cronKey));
  const { reports, notices: reportNotices } = await cronReports(history.crons, runs, window.range, window.nowMs, {
    graceMs: query.graceSeconds * 1000,
    prunedHistory: history.liveOnly,
    argoVersion: history.argoVersion,
    // The number views need each cron's counts only: its ticks and runs are dropped once counted.
    detail: query.view === 'delay' || query.view === 'runs' || query.view === 'sinceSuccessPeriods',
    signal: window.signal,
  });
  const assumption = history.crons.length > 0 ? argoCronRules(history.argoVersion).assumption : undefined;
  const notices: Notice[] = [
    ...history.notices,
    ...(assumption ? [{ severity: 'info' as const, text: T.argoVersion(assumption) }] : []),
    ...(history.liveOnly ? [{ severity: 'warning' as const, text: T.liveOnly }] : []),
    ...(history.crons.length === 0 ? [{ severity: 'info' as const, text: noCronsText(query) }] : []),
    ...reportNotices,
  ];
  const { refId } = query;
  switch (query.view) {
    case 'delay':
      return finishSeriesFrames(refId, delayFrames(refId, reports), history.executed, notices);
    case 'runs': {
      const table = cronRunsTable(refId, reports, query.limit, window.argoUrl);
      const own = table.meta?.notices ?? [];
      table.meta = { ...table.meta, executedQueryString: history.executed, notices: [...notices, ...own] };
      return [table];
    }
    case 'missed': {
      const answer = missedFrames(refId, reports);
      return finishNumericFrames(refId, answer.frames, history.executed, [...notices, ...answer.notices]);
    }
    case 'sinceSuccess':
    case 'sinceSuccessPeriods': {
      const frames = query.view === 'sinceSuccess' ? sinceSuccessFrames : sinceSuccessPeriodsFrames;
      const answer = frames(refId, reports, window.windowStartMs);
      return finishNumericFrames(refId, answer.frames, history.executed, [...notices, ...answer.notices]);
    }
  }
}

function noCronsText(query: CronDriftQuery): string {
  const where = query.filters.namespaces?.length
    ? `namespace ${query.filters.namespaces.join(', ')}`
    : 'any namespace the token may read';
  const which = query.filters.crons?.length ? ` named ${query.filters.crons.join(', ')}` : '';
  return `No CronWorkflows${which} found in ${where}.`;
}

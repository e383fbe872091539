import type { LiveQuery } from '../../../src/query/liveQuery';
import type { Frame } from '../../frames/frame';
import type { QueryInput } from '../../queries/queryInput';
import { liveClock } from './liveClock';
import { liveRow, longestFirst } from './liveRows';
import { liveTableFrame } from './liveTable';
import { overrunFrames } from './overrunFrames';
import { ACTIVE_SELECTOR, runningWorkflows } from './runningWorkflows';
import { fewRunsNotice, templateBaselines, templateKey } from './templateP95';

/**
 * live: the workflows running now (the dashboard's time range is not used), each with its elapsed
 * time, Argo's estimate, progress, and overrun against the estimate and the p95 of its template's
 * recent runs. The baseline is only listed when the answer needs it (the table, or overrun vs p95).
 */
const DAY_MS = 24 * 3_600_000;

export async function liveWorkflows(query: LiveQuery, input: QueryInput): Promise<Frame[]> {
  const nowMs = liveClock.nowMs();
  const { signal } = input.context;
  const list = await runningWorkflows(input.instance, query.filters, signal);
  const templates = new Set(list.running.map((running) => templateKey(running.doc)));
  const needsP95 = query.view === 'table' || query.against === 'p95';
  const baselines =
    needsP95 && templates.size > 0
      ? await templateBaselines(input.instance, {
          namespaces: query.filters.namespaces ?? [],
          fromMs: nowMs - query.baselineDays * DAY_MS,
          toMs: nowMs,
          templates,
          signal,
        })
      : undefined;
  const rows = list.running.map((running) => liveRow(running, nowMs, baselines?.byTemplate)).sort(longestFirst);
  const executedQueryString =
    `Argo Server: ${list.listed} workflows listed with labelSelector ${ACTIVE_SELECTOR} at ${new Date(nowMs).toISOString()}` +
    (baselines
      ? `; ${baselines.listed} runs (live and archived) over the last ${query.baselineDays} days for the p95`
      : '');
  const notices = [...list.notices, ...(baselines?.notices ?? [])];
  if (query.view === 'overrun') {
    return overrunFrames({ query, rows, executedQueryString, notices });
  }
  const few = baselines ? fewRunsNotice(baselines, query.baselineDays) : [];
  return [
    liveTableFrame({
      query,
      rows,
      argoUrl: input.instance.settings.argo?.url,
      executedQueryString,
      notices: [...notices, ...few],
    }),
  ];
}

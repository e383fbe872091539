import type { LiveQuery } from '../../../src/query/liveQuery';
import type { Frame, Notice } from '../../frames/frame';
import { finishNumericFrames, numberFrame } from '../../frames/numericFrames';
import { limitRows, namedRows } from '../../frames/rowLimits';
import { longestRunningCut, type LiveRow } from './liveRows';
import { MIN_BASELINE_RUNS } from './templateP95';

/**
 * The overrun view: dataplane numeric-multi, one number per running workflow (elapsed ÷ the reference
 * the query names), labelled namespace, workflow (the run), template and against, so an alert rule gets
 * one instance per run. Runs without that reference are left out and named in an info notice; with no
 * number at all the answer is the typed empty frame, which alerting reads as "no data".
 */
export interface OverrunInput {
  query: LiveQuery;
  /** Sorted, longest-running first. */
  rows: LiveRow[];
  executedQueryString: string;
  notices: Notice[];
}

function missingReference(query: LiveQuery, names: string[]): Notice[] {
  if (names.length === 0) {
    return [];
  }
  const why =
    query.against === 'estimate'
      ? 'no estimated duration from Argo (it estimates from the last successful run of the same template or cron)'
      : `no p95: their workflow template has fewer than ${MIN_BASELINE_RUNS} finished runs in the last ${query.baselineDays} days`;
  const subject = names.length === 1 ? '1 running workflow has' : `${names.length} running workflows have`;
  return [{ severity: 'info', text: `${subject} ${why}, so no overrun ratio: ${namedRows(names)}.` }];
}

export function overrunFrames({ query, rows, executedQueryString, notices }: OverrunInput): Frame[] {
  const reference = (row: LiveRow) => (query.against === 'estimate' ? row.estimate : row.p95);
  const withReference = rows.filter((row) => reference(row) !== null);
  const leftOut = rows.filter((row) => reference(row) === null).map((row) => `${row.namespace}/${row.name}`);
  const { rows: shown, notices: cut } = limitRows(withReference, query.limit, longestRunningCut);
  const referenceName = query.against === 'estimate' ? 'Argo estimate' : 'p95';
  const frames = shown.map((row) =>
    numberFrame(
      query.refId,
      {
        name: 'overrun',
        nullable: false,
        labels: { namespace: row.namespace, workflow: row.name, template: row.template, against: query.against },
        config: { unit: 'none', decimals: 2, displayNameFromDS: `${row.name} elapsed ÷ ${referenceName}` },
        value: row.elapsed / reference(row)!,
      },
      { elapsed: row.elapsed, reference: reference(row), started: row.startedMs, progress: row.progress }
    )
  );
  return finishNumericFrames(query.refId, frames, executedQueryString, [
    ...notices,
    ...missingReference(query, leftOut),
    ...cut,
  ]);
}

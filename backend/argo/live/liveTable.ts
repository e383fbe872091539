import type { LiveQuery } from '../../../src/query/liveQuery';
import type { Field, Frame, Notice } from '../../frames/frame';
import { longestRunningCut, type LiveRow } from './liveRows';
import { argoLink } from '../../frames/argoLink';
import { limitRows, secondsField } from '../../frames/rowLimits';
import { tableFrame } from '../../frames/tableFrame';

/**
 * The live table: one row per running workflow, longest-running first, cut at the query's limit with
 * a notice. The workflow column links to the run in the Argo UI.
 */

export interface LiveTableInput {
  query: LiveQuery;
  /** Sorted, longest-running first. */
  rows: LiveRow[];
  argoUrl: string | undefined;
  executedQueryString: string;
  notices: Notice[];
}

export function liveTableFrame({ query, rows: all, argoUrl, executedQueryString, notices }: LiveTableInput): Frame {
  const { rows, notices: cut } = limitRows(all, query.limit, longestRunningCut);
  const ratio = (name: string, pick: (row: LiveRow) => number | null): Field => ({
    name,
    type: 'number',
    nullable: true,
    config: { unit: 'none', decimals: 2 },
    values: rows.map(pick),
  });
  const fields: Field[] = [
    { name: 'workflow', type: 'string', nullable: false, config: argoLink(argoUrl), values: rows.map((r) => r.name) },
    { name: 'namespace', type: 'string', nullable: false, values: rows.map((r) => r.namespace) },
    { name: 'template', type: 'string', nullable: false, values: rows.map((r) => r.template) },
    { name: 'phase', type: 'string', nullable: false, values: rows.map((r) => r.phase) },
    { name: 'started', type: 'time', nullable: false, values: rows.map((r) => r.startedMs) },
    { ...secondsField('elapsed', rows, (r) => r.elapsed), nullable: false },
    secondsField('estimate', rows, (r) => r.estimate),
    { name: 'progress', type: 'string', nullable: true, values: rows.map((r) => r.progress) },
    {
      name: 'progress_fraction',
      type: 'number',
      nullable: true,
      config: { unit: 'percentunit', min: 0, max: 1 },
      values: rows.map((r) => r.progressFraction),
    },
    ratio('vs_estimate', (r) => r.vsEstimate),
    secondsField('p95', rows, (r) => r.p95),
    ratio('vs_p95', (r) => r.vsP95),
  ];
  const allNotices = [...notices, ...cut];
  return tableFrame(query.refId, fields, executedQueryString, allNotices);
}

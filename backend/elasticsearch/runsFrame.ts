import type { RunsQuery } from '../../src/query/runsQuery';
import type { Field, Frame } from '../frames/frame';
import { groupKey, type RunsBaseline } from './runsBaselineAnswer';
import { baselineGroupOf } from './runsBaselineSearch';
import type { RunRow } from './runsSearch';
import { argoLink } from '../frames/argoLink';
import { limitRows, secondsField } from '../frames/rowLimits';
import { tableFrame } from '../frames/tableFrame';

/**
 * The runs table: one row per run (or step), newest first. `vs_baseline` is the duration ÷ the median
 * duration of the run's group over the baseline window; the workflow column links to the Argo UI.
 */
const text = (value: string | undefined) => value ?? null;


function vsBaseline(row: RunRow, query: RunsQuery, baseline: RunsBaseline): number | null {
  const keys = baselineGroupOf(row, query.level, baseline.groupColumns);
  const median = keys ? baseline.medianMs.get(groupKey(keys)) : undefined;
  return row.durationMs === undefined || !median ? null : row.durationMs / median;
}

export interface RunsFrameInput {
  query: RunsQuery;
  /** The search's hits: up to limit + 1, newest first. */
  docs: RunRow[];
  baseline: RunsBaseline;
  argoUrl: string | undefined;
  executedQueryString: string;
}

export function runsFrame({ query, docs, baseline, argoUrl, executedQueryString }: RunsFrameInput): Frame {
  const { rows, notices } = limitRows(
    docs,
    query.limit,
    (limit) => `Only the ${limit} newest runs are shown; raise Limit in the query to see older ones.`
  );
  const nodeLevel = query.level === 'node';
  const fields: Field[] = [
    { name: 'start', type: 'time', nullable: false, values: rows.map((d) => d.startMs ?? null) },
    { name: 'end', type: 'time', nullable: true, values: rows.map((d) => d.endMs ?? null) },
    secondsField('duration', rows, (d) => (d.durationMs === undefined ? null : d.durationMs / 1000)),
    { name: 'phase', type: 'string', nullable: true, values: rows.map((d) => text(d.phase)) },
    { name: 'namespace', type: 'string', nullable: true, values: rows.map((d) => text(d.namespace)) },
    {
      name: 'workflow',
      type: 'string',
      nullable: true,
      config: argoLink(argoUrl),
      values: rows.map((d) => text(d.workflowName)),
    },
    ...(nodeLevel
      ? ([
          { name: 'task', type: 'string', nullable: true, values: rows.map((d) => text(d.task)) },
          { name: 'template', type: 'string', nullable: true, values: rows.map((d) => text(d.nodeTemplate)) },
          {
            name: 'retry_attempt',
            type: 'number',
            nullable: true,
            config: { unit: 'none' },
            values: rows.map((d) => d.retryAttempt ?? null),
          },
        ] satisfies Field[])
      : []),
    { name: 'message', type: 'string', nullable: true, values: rows.map((d) => text(d.message)) },
    {
      name: 'vs_baseline',
      type: 'number',
      nullable: true,
      config: { unit: 'none', decimals: 2 },
      values: rows.map((d) => vsBaseline(d, query, baseline)),
    },
    ...(nodeLevel || !baseline.retries
      ? []
      : ([
          {
            name: 'retries',
            type: 'number',
            nullable: false,
            config: { unit: 'none' },
            values: rows.map((d) => baseline.retries?.get(d.workflowUid ?? '') ?? 0),
          },
        ] satisfies Field[])),
  ];
  return tableFrame(query.refId, fields, executedQueryString, notices);
}

import type { RunsQuery } from '../../src/query/runsQuery';
import type { Field, FieldConfig, Frame, Notice } from '../frames/frame';
import { groupKey, type RunsBaseline } from './runsBaselineAnswer';
import { baselineGroupOf } from './runsBaselineSearch';
import type { RunDoc } from './runsSearch';

/**
 * The runs table: one row per run (or step), newest first. `vs_baseline` is the duration ÷ the median
 * duration of the run's group over the baseline window; the workflow column links to the Argo UI.
 */
const time = (text: string | undefined) => (text === undefined ? null : Date.parse(text));
const text = (value: string | undefined) => value ?? null;

/** A data link to the run in the Argo UI, or none without an Argo Server URL. */
function argoLink(argoUrl: string | undefined): FieldConfig {
  if (!argoUrl) {
    return {};
  }
  const base = argoUrl.replace(/\/+$/, '');
  return { links: [{ title: 'Open in Argo', url: `${base}/workflows/\${__data.fields.namespace}/\${__value.raw}`, targetBlank: true }] };
}

function vsBaseline(doc: RunDoc, query: RunsQuery, baseline: RunsBaseline): number | null {
  const keys = baselineGroupOf(doc, query.level);
  const median = keys ? baseline.medianMs.get(groupKey(keys)) : undefined;
  return doc.duration_ms === undefined || !median ? null : doc.duration_ms / median;
}

export interface RunsFrameInput {
  query: RunsQuery;
  /** The search's hits: up to limit + 1, newest first. */
  docs: RunDoc[];
  baseline: RunsBaseline;
  argoUrl: string | undefined;
  executedQueryString: string;
}

export function runsFrame({ query, docs, baseline, argoUrl, executedQueryString }: RunsFrameInput): Frame {
  const rows = docs.slice(0, query.limit);
  const notices: Notice[] = [];
  if (docs.length > query.limit) {
    notices.push({ severity: 'info', text: `Only the ${query.limit} newest runs are shown; raise Limit in the query to see older ones.` });
  }
  const nodeLevel = query.level === 'node';
  const fields: Field[] = [
    { name: 'start', type: 'time', nullable: false, values: rows.map((d) => time(d['@timestamp'])) },
    { name: 'end', type: 'time', nullable: true, values: rows.map((d) => time(d.end)) },
    { name: 'duration', type: 'number', nullable: true, config: { unit: 's' }, values: rows.map((d) => (d.duration_ms === undefined ? null : d.duration_ms / 1000)) },
    { name: 'phase', type: 'string', nullable: true, values: rows.map((d) => text(d.phase)) },
    { name: 'namespace', type: 'string', nullable: true, values: rows.map((d) => text(d.namespace)) },
    { name: 'workflow', type: 'string', nullable: true, config: argoLink(argoUrl), values: rows.map((d) => text(d.workflow?.name)) },
    ...(nodeLevel
      ? ([
          { name: 'task', type: 'string', nullable: true, values: rows.map((d) => text(d.node?.display_name)) },
          { name: 'template', type: 'string', nullable: true, values: rows.map((d) => text(d.node?.template)) },
          { name: 'retry_attempt', type: 'number', nullable: true, config: { unit: 'none' }, values: rows.map((d) => d.node?.retry_attempt ?? null) },
        ] satisfies Field[])
      : []),
    { name: 'message', type: 'string', nullable: true, values: rows.map((d) => text(d.message)) },
    { name: 'vs_baseline', type: 'number', nullable: true, config: { unit: 'none', decimals: 2 }, values: rows.map((d) => vsBaseline(d, query, baseline)) },
    ...(nodeLevel
      ? []
      : ([
          { name: 'retries', type: 'number', nullable: false, config: { unit: 'none' }, values: rows.map((d) => baseline.retries.get(d.workflow?.uid ?? '') ?? 0) },
        ] satisfies Field[])),
  ];
  return {
    refId: query.refId,
    fields,
    meta: { type: 'table', preferredVisualisationType: 'table', executedQueryString, ...(notices.length ? { notices } : {}) },
  };
}

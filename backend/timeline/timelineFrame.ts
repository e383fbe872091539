import type { TimelineMeta } from '../../src/query/timelineQuery';
import type { Field, Frame, Notice } from '../frames/frame';
import { urlWithoutCredentials } from '../net/urlCredentials';
import type { TimelineRow } from './timelineRows';

export interface TimelineFrameInput {
  refId: string;
  rows: TimelineRow[];
  meta: TimelineMeta;
  /** The Argo UI's base URL; links are left out without one. */
  argoUrl: string | undefined;
  notices: Notice[];
  executedQueryString: string;
}

const strings = (name: string, rows: TimelineRow[], value: (r: TimelineRow) => string | null, nullable = true): Field => ({
  name,
  type: 'string',
  nullable,
  values: rows.map(value),
});
const numbers = (name: string, rows: TimelineRow[], value: (r: TimelineRow) => number | null, unit?: string): Field => ({
  name,
  type: 'number',
  nullable: true,
  ...(unit ? { config: { unit } } : {}),
  values: rows.map(value),
});
const times = (name: string, rows: TimelineRow[], value: (r: TimelineRow) => number | null): Field => ({ name, type: 'time', nullable: true, values: rows.map(value) });

/** The timeline frame of docs/timeline.md and the contract with the run timeline panel, fields in order. */
export function timelineFrame({ refId, rows, meta, argoUrl, notices, executedQueryString }: TimelineFrameInput): Frame {
  // A browser follows the link: never with the user and password a URL may carry.
  const base = argoUrl ? urlWithoutCredentials(argoUrl).replace(/\/+$/, '') : undefined;
  const namespace = encodeURIComponent(meta.run.namespace ?? '');
  const run = encodeURIComponent(meta.run.name);
  return {
    name: 'timeline',
    refId,
    fields: [
      strings('step', rows, (r) => r.step, false),
      strings('stepName', rows, (r) => r.stepName, false),
      strings('template', rows, (r) => r.template, false),
      strings('group', rows, (r) => r.group, false),
      numbers('attempt', rows, (r) => r.attempt),
      strings('phase', rows, (r) => r.phase, false),
      times('start', rows, (r) => r.startMs),
      times('end', rows, (r) => r.endMs),
      numbers('duration', rows, (r) => r.durationS, 's'),
      { name: 'critical', type: 'boolean', nullable: false, values: rows.map((r) => r.critical) },
      numbers('slack', rows, (r) => r.slackS, 's'),
      strings('pod', rows, (r) => r.pod),
      strings('host', rows, (r) => r.host),
      strings('message', rows, (r) => r.message),
      numbers('cpu', rows, (r) => r.cpu, 'suffix: core·s'),
      numbers('memory', rows, (r) => r.memory, 'suffix: MiB·s'),
      strings('nodeId', rows, (r) => r.nodeId, false),
      strings('argoUrl', rows, (r) => (base ? `${base}/workflows/${namespace}/${run}?nodeId=${encodeURIComponent(r.nodeId)}` : null)),
    ],
    meta: { type: 'table', preferredVisualisationType: 'table', executedQueryString, notices, custom: meta },
  };
}

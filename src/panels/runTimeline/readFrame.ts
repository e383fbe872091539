import { FieldType, type DataFrame, type Field } from '@grafana/data';

import type { TimelineMeta } from '../../query/timelineQuery';
import { TEXT } from './text';
import type { RunInfo, StepAttempt, Timeline } from './types';

type Kind = 'string' | 'number' | 'time' | 'boolean';

/** The frame's fields the panel reads (timeline contract); required ones must be there to draw a bar. */
const FIELDS: Record<keyof StepAttempt, { kind: Kind; required: boolean }> = {
  step: { kind: 'string', required: true },
  stepName: { kind: 'string', required: false },
  template: { kind: 'string', required: false },
  group: { kind: 'string', required: false },
  attempt: { kind: 'number', required: false },
  phase: { kind: 'string', required: true },
  start: { kind: 'time', required: true },
  end: { kind: 'time', required: true },
  duration: { kind: 'number', required: false },
  critical: { kind: 'boolean', required: true },
  slack: { kind: 'number', required: false },
  pod: { kind: 'string', required: false },
  host: { kind: 'string', required: false },
  message: { kind: 'string', required: false },
  nodeId: { kind: 'string', required: true },
  argoUrl: { kind: 'string', required: false },
};

const KIND_NAMES: Record<Kind, string> = { string: 'text', number: 'a number', time: 'a time', boolean: 'true/false' };
// Times may come as numbers (ms) from a frame built outside the datasource.
const ACCEPTED: Record<Kind, FieldType[]> = {
  string: [FieldType.string],
  number: [FieldType.number],
  time: [FieldType.time, FieldType.number],
  boolean: [FieldType.boolean],
};

export type ReadResult = { timeline: Timeline } | { problem: string };

/** The timeline frame of the panel's data (by name, else the first with a `step` field), checked field by field. */
export function readTimeline(series: DataFrame[] | undefined): ReadResult {
  if (!series?.length) {
    return { problem: TEXT.noData };
  }
  const frame =
    series.find((candidate) => candidate.name === 'timeline') ??
    series.find((candidate) => candidate.fields.some((f) => f.name === 'step')) ??
    series[0];
  const byName = new Map(frame.fields.map((field) => [field.name, field]));
  const missing = Object.entries(FIELDS)
    .filter(([name, spec]) => spec.required && !byName.has(name))
    .map(([name]) => name);
  if (missing.length) {
    return { problem: TEXT.missingFields(missing) };
  }
  for (const [name, spec] of Object.entries(FIELDS)) {
    const field = byName.get(name);
    if (field && !ACCEPTED[spec.kind].includes(field.type)) {
      return { problem: TEXT.wrongType(name, KIND_NAMES[spec.kind], field.type) };
    }
  }
  const custom = (frame.meta?.custom ?? {}) as Partial<TimelineMeta>;
  const run: RunInfo = custom.run ?? {};
  const attempts = rowsOf(byName, frame.length ?? byName.get('step')?.values.length ?? 0, run.name ?? '');
  return { timeline: { attempts, run, criticalPath: custom.criticalPath } };
}

function rowsOf(fields: Map<string, Field>, length: number, runName: string): StepAttempt[] {
  const column = (name: keyof StepAttempt) => fields.get(name)?.values;
  const [step, stepName, template, group, attempt, phase, start, end] = (
    ['step', 'stepName', 'template', 'group', 'attempt', 'phase', 'start', 'end'] as const
  ).map(column);
  const [duration, critical, slack, pod, host, message, nodeId, argoUrl] = (
    ['duration', 'critical', 'slack', 'pod', 'host', 'message', 'nodeId', 'argoUrl'] as const
  ).map(column);
  const text = (values: unknown[] | undefined, i: number) =>
    values?.[i] == null || values[i] === '' ? null : String(values[i]);
  const num = (values: unknown[] | undefined, i: number) =>
    typeof values?.[i] === 'number' && Number.isFinite(values[i]) ? (values[i] as number) : null;
  const rows: StepAttempt[] = [];
  for (let i = 0; i < length; i++) {
    const name = text(step, i) ?? text(nodeId, i) ?? `#${i + 1}`;
    rows.push({
      step: name,
      stepName: text(stepName, i) ?? name,
      template: text(template, i) ?? '',
      group: text(group, i) ?? runName,
      attempt: num(attempt, i),
      phase: text(phase, i) ?? 'Unknown',
      start: num(start, i),
      end: num(end, i),
      duration: num(duration, i),
      critical: critical?.[i] === true,
      slack: num(slack, i),
      pod: text(pod, i),
      host: text(host, i),
      message: text(message, i),
      nodeId: text(nodeId, i) ?? name,
      argoUrl: text(argoUrl, i),
    });
  }
  return rows;
}

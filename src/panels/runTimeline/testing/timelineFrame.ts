import { createDataFrame, FieldType, type DataFrame } from '@grafana/data';

import type { StepAttempt } from '../types';

/** A step attempt for a test frame: what the test names, the rest as a plain finished step. */
export type StepSpec = Partial<StepAttempt> & { step: string; cpu?: number | null; memory?: number | null };

const FIELD_TYPES: Array<[keyof StepAttempt | 'cpu' | 'memory', FieldType, string?]> = [
  ['step', FieldType.string],
  ['stepName', FieldType.string],
  ['template', FieldType.string],
  ['group', FieldType.string],
  ['attempt', FieldType.number],
  ['phase', FieldType.string],
  ['start', FieldType.time],
  ['end', FieldType.time],
  ['duration', FieldType.number, 's'],
  ['critical', FieldType.boolean],
  ['slack', FieldType.number, 's'],
  ['pod', FieldType.string],
  ['host', FieldType.string],
  ['message', FieldType.string],
  ['cpu', FieldType.number],
  ['memory', FieldType.number],
  ['nodeId', FieldType.string],
  ['argoUrl', FieldType.string],
];

export interface RunSpec {
  name: string;
  namespace?: string;
  phase?: string;
  start: number;
  end: number | null;
  criticalPath?: { seconds: number; steps: number };
}

/** A frame as the timeline contract describes it (name `timeline`, fields in order, meta.custom.run). */
export function timelineFrame(steps: StepSpec[], run: RunSpec): DataFrame {
  const rows = steps.map((spec, index) => ({
    stepName: spec.step.replace(/\(.*$/, ''),
    template: spec.step.replace(/\(.*$/, ''),
    group: run.name,
    attempt: null,
    phase: 'Succeeded',
    start: null,
    end: null,
    duration: spec.start != null && spec.end != null ? (spec.end - spec.start) / 1000 : null,
    critical: false,
    slack: null,
    pod: null,
    host: null,
    message: null,
    nodeId: `${run.name}-${index}`,
    argoUrl: null,
    ...spec,
  }));
  return createDataFrame({
    name: 'timeline',
    refId: 'A',
    meta: {
      custom: {
        run: {
          uid: `uid-${run.name}`,
          name: run.name,
          namespace: run.namespace ?? 'ml-training',
          phase: run.phase ?? 'Succeeded',
          start: run.start,
          end: run.end,
        },
        source: 'argo-live',
        ...(run.criticalPath ? { criticalPath: run.criticalPath } : {}),
      },
    },
    fields: FIELD_TYPES.map(([name, type, unit]) => ({
      name,
      type,
      config: unit ? { unit } : {},
      values: rows.map((row) => (row as Record<string, unknown>)[name] ?? null),
    })),
  });
}

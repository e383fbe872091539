/**
 * Data frames as Grafana's SDK defines them (data.Frame): named, typed fields of equal length with
 * labels and display config, plus frame meta. The Arrow encoder turns them into bytes Grafana reads.
 */
export type FieldType = 'time' | 'number' | 'string' | 'boolean';

export interface FieldConfig {
  displayName?: string;
  displayNameFromDS?: string;
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  links?: Array<{ title: string; url: string; targetBlank?: boolean }>;
}

interface FieldBase {
  name: string;
  labels?: Record<string, string>;
  config?: FieldConfig;
  /** Whether null is allowed. Time fields of time series must not be nullable. */
  nullable?: boolean;
}

export interface TimeField extends FieldBase {
  type: 'time';
  /** Epoch milliseconds (fractions allowed); encoded as nanoseconds. */
  values: Array<number | null>;
}
export interface NumberField extends FieldBase {
  type: 'number';
  values: Array<number | null>;
}
export interface StringField extends FieldBase {
  type: 'string';
  values: Array<string | null>;
}
export interface BooleanField extends FieldBase {
  type: 'boolean';
  values: Array<boolean | null>;
}
export type Field = TimeField | NumberField | StringField | BooleanField;

export type NoticeSeverity = 'info' | 'warning' | 'error';
export interface Notice {
  severity: NoticeSeverity;
  text: string;
  link?: string;
  /** 0 none, 1 meta, 2 error, 3 data, 4 stats (an integer on the wire). */
  inspect?: 0 | 1 | 2 | 3 | 4;
}

export type FrameType =
  | 'timeseries-multi'
  | 'timeseries-wide'
  | 'timeseries-long'
  | 'numeric-multi'
  | 'numeric-wide'
  | 'numeric-long'
  | 'heatmap-cells'
  | 'table';

export interface FrameMeta {
  type?: FrameType;
  typeVersion?: [number, number];
  notices?: Notice[];
  executedQueryString?: string;
  preferredVisualisationType?: 'graph' | 'table' | 'logs' | 'trace' | 'nodeGraph' | 'flamegraph';
  custom?: unknown;
}

export interface Frame {
  name?: string;
  refId?: string;
  fields: Field[];
  meta?: FrameMeta;
}

/** Dataplane frame types are version 0.1. */
export const DATAPLANE_VERSION: [number, number] = [0, 1];

import type { DataTransformerConfig, Panel } from '@grafana/schema';

import runTimelinePlugin from '../../panels/runTimeline/plugin.json';
import { DEFAULT_OPTIONS as RUN_TIMELINE_OPTIONS, type RunTimelineOptions } from '../../panels/runTimeline/options';
import { DATASOURCE_REF } from './datasource';
import { fieldConfigOf, type FieldSpec } from './fieldConfig';
import type { Sized } from './layout';
import { withRefIds, type TargetDraft } from './targets';

/** What every data panel has: a title, a description that says what it shows, its queries, its size. */
export interface PanelSpec extends FieldSpec {
  title: string;
  description: string;
  targets: TargetDraft[];
  w?: number;
  h?: number;
  options?: Record<string, unknown>;
  transformations?: DataTransformerConfig[];
  maxDataPoints?: number;
  /** Smallest time bucket Grafana asks for (e.g. 1d for daily percentiles). */
  interval?: string;
}

const DEFAULT_SIZE = { w: 12, h: 8 };

function dataPanel(type: string, spec: PanelSpec, defaults: { options?: Record<string, unknown>; custom?: Record<string, unknown> } = {}): Sized {
  const panel: Panel = {
    type,
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE_REF,
    targets: withRefIds(spec.targets),
    fieldConfig: fieldConfigOf({ ...spec, custom: { ...defaults.custom, ...spec.custom } }),
    options: { ...defaults.options, ...spec.options },
    ...(spec.transformations?.length ? { transformations: spec.transformations } : {}),
    ...(spec.maxDataPoints ? { maxDataPoints: spec.maxDataPoints } : {}),
    ...(spec.interval ? { interval: spec.interval } : {}),
  };
  return { panel, w: spec.w ?? DEFAULT_SIZE.w, h: spec.h ?? DEFAULT_SIZE.h };
}

const legend = { showLegend: true, displayMode: 'table', placement: 'right', calcs: ['mean', 'max'] };
const tooltip = { mode: 'multi', sort: 'desc' };

/** Lines over time; thresholds are drawn as dashed lines when given. */
export const timeseries = (spec: PanelSpec & { bars?: boolean; stacked?: boolean }) =>
  dataPanel('timeseries', spec, {
    options: { legend, tooltip },
    custom: {
      drawStyle: spec.bars ? 'bars' : 'line',
      lineWidth: 1,
      fillOpacity: spec.bars ? 80 : 10,
      pointSize: 4,
      showPoints: 'auto',
      spanNulls: false,
      stacking: { mode: spec.stacked ? 'normal' : 'none', group: 'A' },
      thresholdsStyle: { mode: spec.thresholds?.length ? 'dashed' : 'off' },
    },
  });

export const table = (spec: PanelSpec & { sortBy?: { displayName: string; desc: boolean } }) =>
  dataPanel('table', spec, {
    options: { showHeader: true, cellHeight: 'sm', footer: { show: false, reducer: ['sum'], fields: '' }, ...(spec.sortBy ? { sortBy: [spec.sortBy] } : {}) },
    custom: { align: 'auto', filterable: true, cellOptions: { type: 'auto' } },
  });

export const stat = (spec: PanelSpec & { reduce?: 'lastNotNull' | 'sum' | 'mean' | 'max' }) =>
  dataPanel('stat', spec, {
    options: {
      reduceOptions: { calcs: [spec.reduce ?? 'lastNotNull'], fields: '', values: false },
      colorMode: 'value',
      graphMode: 'none',
      textMode: 'auto',
      justifyMode: 'auto',
      orientation: 'auto',
    },
  });

/** Bars per group of one number each (numeric-multi answers, reduced rows). */
export const bargauge = (spec: PanelSpec & { reduce?: 'lastNotNull' | 'sum' | 'mean' | 'max' }) =>
  dataPanel('bargauge', spec, {
    options: {
      reduceOptions: { calcs: [spec.reduce ?? 'lastNotNull'], fields: '', values: false },
      orientation: 'horizontal',
      displayMode: 'gradient',
      showUnfilled: true,
      valueMode: 'color',
      namePlacement: 'auto',
      minVizHeight: 16,
      maxVizHeight: 24,
      sizing: 'manual',
    },
  });

/** A bar chart of a table (one bar per row, x = a string column). */
export const barchart = (spec: PanelSpec & { xField: string; horizontal?: boolean }) =>
  dataPanel('barchart', spec, {
    options: {
      xField: spec.xField,
      orientation: spec.horizontal ? 'horizontal' : 'auto',
      showValue: 'auto',
      legend: { showLegend: false, displayMode: 'list', placement: 'bottom', calcs: [] },
      tooltip: { mode: 'single', sort: 'none' },
      barWidth: 0.8,
      groupWidth: 0.7,
    },
    custom: { fillOpacity: 80, lineWidth: 1, gradientMode: 'none' },
  });

/** Pre-bucketed heatmap cells (the heatmap query answers heatmap-cells with yMin/yMax in seconds). */
export const heatmap = (spec: PanelSpec & { yUnit: string }) =>
  dataPanel('heatmap', spec, {
    options: {
      calculate: false,
      yAxis: { axisPlacement: 'left', unit: spec.yUnit, reverse: false },
      rowsFrame: { layout: 'auto' },
      color: { mode: 'scheme', scheme: 'Oranges', scale: 'exponential', exponent: 0.5, steps: 64, fill: 'dark-orange', reverse: false },
      cellGap: 1,
      cellValues: { unit: 'short' },
      filterValues: { le: 1e-9 },
      tooltip: { mode: 'single', yHistogram: true, showColorScale: false },
      legend: { show: true },
      exemplars: { color: 'rgba(255,0,255,0.7)' },
    },
  });

/** One run step by step: this app's run timeline panel (src/panels/runTimeline) on a timeline query. */
export const runTimeline = (spec: PanelSpec & { options?: Partial<RunTimelineOptions> }) =>
  dataPanel(runTimelinePlugin.id, spec, { options: { ...RUN_TIMELINE_OPTIONS } });

/** Markdown: what a dashboard or row shows and how it is computed. */
export function text(spec: { title: string; content: string; w?: number; h?: number }): Sized {
  const panel: Panel = { type: 'text', title: spec.title, options: { mode: 'markdown', content: spec.content, code: { language: 'markdown', showLineNumbers: false, showMiniMap: false } } };
  return { panel, w: spec.w ?? 24, h: spec.h ?? 3 };
}

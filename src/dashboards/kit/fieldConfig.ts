import type { FieldConfigSource, MatcherConfig } from '@grafana/schema';

import type { DataLink } from './links';

/** A threshold step above the base (green): a value and the colour from there on. */
export interface Step {
  value: number;
  color: string;
}

/** What a panel shows its values as: the unit, limits, thresholds, links and overrides per field. */
export interface FieldSpec {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  thresholds?: Step[];
  /** Colour below the first threshold (green unless given: e.g. red below a good success rate). */
  thresholdBase?: string;
  /** Links on every field (for tables: every cell). */
  links?: DataLink[];
  displayName?: string;
  noValue?: string;
  custom?: Record<string, unknown>;
  overrides?: Override[];
}

export interface Override {
  matcher: MatcherConfig;
  properties: Array<{ id: string; value?: unknown }>;
}

/** Properties for one field, by name (`byName('duration', { unit: 's' })`). */
export function byName(name: string, props: Omit<FieldSpec, 'overrides' | 'custom'> & { width?: number; cell?: Record<string, unknown> }): Override {
  return { matcher: { id: 'byName', options: name }, properties: propertiesOf(props) };
}

/** Properties for the fields whose name matches a regular expression. */
export function byRegexp(pattern: string, props: Omit<FieldSpec, 'overrides' | 'custom'>): Override {
  return { matcher: { id: 'byRegexp', options: pattern }, properties: propertiesOf(props) };
}

function propertiesOf(props: Omit<FieldSpec, 'overrides' | 'custom'> & { width?: number; cell?: Record<string, unknown> }) {
  const properties: Array<{ id: string; value?: unknown }> = [];
  const add = (id: string, value: unknown) => value !== undefined && properties.push({ id, value });
  add('unit', props.unit);
  add('decimals', props.decimals);
  add('min', props.min);
  add('max', props.max);
  add('displayName', props.displayName);
  add('noValue', props.noValue);
  add('thresholds', props.thresholds && thresholdsOf(props.thresholds, props.thresholdBase));
  add('links', props.links);
  add('custom.width', props.width);
  add('custom.cellOptions', props.cell);
  return properties;
}

export function thresholdsOf(steps: Step[], base = 'green') {
  return { mode: 'absolute' as const, steps: [{ color: base, value: null }, ...steps] };
}

export function fieldConfigOf(spec: FieldSpec): FieldConfigSource {
  return {
    defaults: {
      ...(spec.unit ? { unit: spec.unit } : {}),
      ...(spec.decimals !== undefined ? { decimals: spec.decimals } : {}),
      ...(spec.min !== undefined ? { min: spec.min } : {}),
      ...(spec.max !== undefined ? { max: spec.max } : {}),
      ...(spec.displayName ? { displayName: spec.displayName } : {}),
      ...(spec.noValue ? { noValue: spec.noValue } : {}),
      thresholds: thresholdsOf(spec.thresholds ?? [], spec.thresholdBase) as FieldConfigSource['defaults']['thresholds'],
      ...(spec.links?.length ? { links: spec.links } : {}),
      custom: spec.custom ?? {},
    },
    overrides: spec.overrides ?? [],
  };
}

/** A series named by its group's labels: shorter than the backend's series name, which repeats the stat. */
export const labelsName = (keys: readonly string[], separator = ' · ') => keys.map((key) => `\${__field.labels.${key}}`).join(separator);

import type { DataTransformerConfig } from '@grafana/schema';

/**
 * Grafana transformations the dashboards use to turn one series per group into one row per group.
 * Ids and options are Grafana's own (public/app/features/transformers, @grafana/data).
 */
export const transform = {
  /** One row per series with its labels as columns and the chosen calculations. */
  seriesToRows: (reducers: string[]): DataTransformerConfig => ({
    id: 'reduce',
    options: { mode: 'seriesToRows', reducers, labelsToFields: true, includeTimeField: false },
  }),
  /** Frames with the same labels joined into one row (several measures of one group side by side). */
  joinByLabels: (value: string, join: string[]): DataTransformerConfig => ({ id: 'joinByLabels', options: { value, join } }),
  /** All frames as one table. */
  merge: (): DataTransformerConfig => ({ id: 'merge', options: {} }),
  sortBy: (field: string, desc: boolean): DataTransformerConfig => ({ id: 'sortBy', options: { fields: {}, sort: [{ field, desc }] } }),
  limit: (limit: number): DataTransformerConfig => ({ id: 'limit', options: { limitField: limit } }),
  /** Hides, orders and renames columns. */
  organize: (spec: { exclude?: string[]; rename?: Record<string, string>; order?: string[] }): DataTransformerConfig => ({
    id: 'organize',
    options: {
      excludeByName: Object.fromEntries((spec.exclude ?? []).map((name) => [name, true])),
      renameByName: spec.rename ?? {},
      indexByName: Object.fromEntries((spec.order ?? []).map((name, index) => [name, index])),
    },
  }),
  /** Series from labels: a name built from the group labels. */
  renameByRegex: (regex: string, renamePattern: string): DataTransformerConfig => ({ id: 'renameByRegex', options: { regex, renamePattern } }),
};

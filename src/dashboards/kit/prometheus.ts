import type { DataSourceRef, VariableModel } from '@grafana/schema';

import type { Sized } from './layout';

/**
 * Optional Prometheus panels beside ours: a datasource variable of type prometheus (empty when the
 * Grafana has none, so its panels show no data and their row says why), and PromQL targets on it.
 */
export const PROMETHEUS_VARIABLE = 'prometheus';
export const PROMETHEUS_REF: DataSourceRef = { type: 'prometheus', uid: `\${${PROMETHEUS_VARIABLE}}` };

export function prometheusVariable(): VariableModel {
  return {
    name: PROMETHEUS_VARIABLE,
    label: 'Prometheus (optional)',
    type: 'datasource',
    query: 'prometheus',
    description: 'A Prometheus with cAdvisor and kube-state-metrics, for measured use per step pod; leave empty without one.',
    options: [],
    refresh: 1,
    regex: '',
    hide: 0,
  };
}

/** A panel of the kit turned into one that reads Prometheus with the given PromQL (legend per expression). */
export function onPrometheus(sized: Sized, queries: Array<{ expr: string; legendFormat: string }>): Sized {
  const targets = queries.map((query, index) => ({
    refId: String.fromCharCode(65 + index),
    datasource: PROMETHEUS_REF,
    expr: query.expr,
    legendFormat: query.legendFormat,
    range: true,
    editorMode: 'code',
  }));
  return { ...sized, panel: { ...sized.panel, datasource: PROMETHEUS_REF, targets } };
}

import type { VariableModel } from '@grafana/schema';

import type { ResourceKind } from '../../datasource/resources';
import { DATASOURCE_REF } from './datasource';

/** The variables built from our resource lists (docs/contracts.md, "Resource calls"). */
export interface ResourceVariableSpec {
  name: string;
  label: string;
  kind: Extract<ResourceKind, 'namespaces' | 'workflows' | 'templates' | 'tasks' | 'crons'>;
  /** Narrow the list to the namespace variable's values (`workflows?namespace=$namespace`). */
  inNamespace?: boolean;
  /** Read the Argo Server instead of Elasticsearch (crons that never ran are listed there). */
  fromArgo?: boolean;
  /** List what steps hold (templates of steps rather than of workflows). */
  level?: 'node';
  description: string;
}

/** Multi-value with All, refreshed when the time range changes (lists come from the runs in the range). */
export function resourceVariable(spec: ResourceVariableSpec): VariableModel {
  const params = [spec.inNamespace ? 'namespace=$namespace' : '', spec.fromArgo ? 'source=argo' : '', spec.level ? `level=${spec.level}` : ''].filter(Boolean);
  const query = params.length ? `${spec.kind}?${params.join('&')}` : spec.kind;
  return {
    name: spec.name,
    label: spec.label,
    description: spec.description,
    type: 'query',
    datasource: DATASOURCE_REF,
    query,
    multi: true,
    includeAll: true,
    current: { text: ['All'], value: ['$__all'] },
    options: [],
    refresh: 2,
    sort: 1,
    regex: '',
    hide: 0,
  };
}

/** A fixed list of choices (e.g. a metric name), single-valued. */
export function customVariable(spec: { name: string; label: string; description: string; values: string[] }): VariableModel {
  const [first] = spec.values;
  return {
    name: spec.name,
    label: spec.label,
    description: spec.description,
    type: 'custom',
    query: spec.values.join(','),
    multi: false,
    includeAll: false,
    current: { text: first, value: first },
    options: spec.values.map((value) => ({ text: value, value, selected: value === first })),
    hide: 0,
  };
}

/** The usual set: namespace, then lists narrowed to it. */
export const VARIABLES = {
  namespace: () =>
    resourceVariable({ name: 'namespace', label: 'Namespace', kind: 'namespaces', description: 'Kubernetes namespaces with runs in the time range.' }),
  workflow: () =>
    resourceVariable({
      name: 'workflow',
      label: 'Workflow',
      kind: 'workflows',
      inNamespace: true,
      description: 'Workflows as people name them (WorkflowTemplate, CronWorkflow or the name without its generated suffix).',
    }),
  template: () =>
    resourceVariable({ name: 'template', label: 'Step template', kind: 'templates', inNamespace: true, level: 'node', description: 'Templates the steps ran (a step template shared by several workflows shows up once).' }),
  task: () => resourceVariable({ name: 'task', label: 'Step', kind: 'tasks', inNamespace: true, description: 'Step (task) names.' }),
  cron: () =>
    resourceVariable({ name: 'cron', label: 'CronWorkflow', kind: 'crons', inNamespace: true, fromArgo: true, description: 'CronWorkflows the Argo Server holds.' }),
};

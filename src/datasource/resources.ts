import { LIMITS, textProblem } from '../query/inputLimits';
import { LEVELS, SOURCES, type Level } from '../query/model';
import { quoteValue } from '../query/validationMessage';

/**
 * The backend's resource calls that list values for template variables and editor options
 * (docs/contracts.md): GET <kind>[?namespace=<ns>] answers {"values": [...]}.
 */
export const RESOURCE_KINDS = ['namespaces', 'workflows', 'templates', 'tasks', 'crons', 'labels', 'runs'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number] | 'values' | 'keys';

export interface ResourceAnswer {
  values?: unknown;
}

export type VariableQuery =
  | { kind: ResourceKind; namespace?: string; key?: string; source?: 'argo'; level?: Level; workflow?: string }
  | { error: string };

export function isResourceKind(value: string): value is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(value) || value === 'values';
}

/**
 * A dashboard variable's query, written like the resource path: a list (`workflows`), optionally
 * limited to one namespace (`workflows?namespace=$namespace`); `labels` lists label keys, and
 * `values?key=label:team` the values of one group key (a label, phase, ...); `&source=argo` reads the
 * Argo Server instead of Elasticsearch; `&level=node` lists what steps hold (`templates?level=node`: the
 * steps' templates rather than the workflows'); `runs?namespace=$namespace&workflow=$workflow` lists run names, newest first (`&level=node`: the most steps first).
 */
export function parseVariableQuery(query: string): VariableQuery {
  const [kind, search = ''] = query.trim().split('?', 2);
  if (!isResourceKind(kind)) {
    return {
      error: `variable query: ${quoteValue(kind)} is not a list this datasource offers; use one of ${RESOURCE_KINDS.join(', ')}, optionally followed by ?namespace=<namespace>, or values?key=label:<key>`,
    };
  }
  const params = new URLSearchParams(search);
  const namespace = params.get('namespace')?.trim();
  const key = params.get('key')?.trim();
  const source = params.get('source')?.trim();
  const level = params.get('level')?.trim();
  const workflow = params.get('workflow')?.trim();
  if (level && !(LEVELS as readonly string[]).includes(level)) {
    return { error: `variable query: level ${quoteValue(level)} is unknown; use level=workflow or level=node` };
  }
  if (source && !(SOURCES as readonly string[]).includes(source)) {
    return { error: `variable query: source ${quoteValue(source)} is unknown; use source=argo or source=elasticsearch` };
  }
  // The backend refuses these too; saying so here names the variable query's own parameter.
  const problem =
    (namespace && textProblem(namespace, LIMITS.namespace) && `namespace: ${textProblem(namespace, LIMITS.namespace)}`) ||
    (key && textProblem(key, LIMITS.groupKey) && `key: ${textProblem(key, LIMITS.groupKey)}`) ||
    (workflow && textProblem(workflow, LIMITS.text) && `workflow: ${textProblem(workflow, LIMITS.text)}`);
  if (problem) {
    return { error: `variable query: ${problem}` };
  }
  if (kind === 'values' && !key) {
    return { error: 'variable query: values needs a key, for example values?key=label:team or values?key=phase' };
  }
  return { kind, ...(namespace ? { namespace } : {}), ...(kind === 'values' ? { key } : {}), ...(source === 'argo' ? { source } : {}), ...(level ? { level: level as Level } : {}), ...(kind === 'runs' && workflow ? { workflow } : {}) };
}

/** The strings of a resource answer; anything else the backend might send is ignored. */
export function valuesOf(answer: ResourceAnswer | undefined): string[] {
  return Array.isArray(answer?.values)
    ? answer.values.filter((value): value is string => typeof value === 'string')
    : [];
}

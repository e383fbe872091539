/**
 * The backend's resource calls that list values for template variables and editor options
 * (docs/contracts.md): GET <kind>[?namespace=<ns>] answers {"values": [...]}.
 */
export const RESOURCE_KINDS = ['namespaces', 'workflows', 'templates', 'tasks', 'crons'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface ResourceAnswer {
  values?: unknown;
}

export type VariableQuery = { kind: ResourceKind; namespace?: string } | { error: string };

export function isResourceKind(value: string): value is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(value);
}

/**
 * A dashboard variable's query: a resource kind, optionally limited to one namespace, written like
 * the resource path: `workflows` or `workflows?namespace=$namespace`.
 */
export function parseVariableQuery(query: string): VariableQuery {
  const [kind, search = ''] = query.trim().split('?', 2);
  if (!isResourceKind(kind)) {
    return {
      error: `variable query: "${kind}" is not a list this datasource offers; use one of ${RESOURCE_KINDS.join(', ')}, optionally followed by ?namespace=<namespace>`,
    };
  }
  const namespace = new URLSearchParams(search).get('namespace')?.trim();
  return namespace ? { kind, namespace } : { kind };
}

/** The strings of a resource answer; anything else the backend might send is ignored. */
export function valuesOf(answer: ResourceAnswer | undefined): string[] {
  return Array.isArray(answer?.values)
    ? answer.values.filter((value): value is string => typeof value === 'string')
    : [];
}

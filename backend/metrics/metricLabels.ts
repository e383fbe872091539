import { QUERY_TYPES } from '../../src/query/model';

/**
 * Label values for the metrics, each from a fixed list: a path or query type that is not on it is
 * `other` (or `invalid`), so what a user types or a setting holds (index names, namespaces, workflow
 * names, URLs) never becomes a label.
 */
export const INVALID_QUERY = 'invalid';
export const OTHER = 'other';

/** The query type of a query that parsed; `invalid` for one that did not (its queryType may be anything). */
export function queryTypeLabel(queryType: string | undefined): string {
  return (QUERY_TYPES as readonly string[]).includes(queryType ?? '') ? queryType! : INVALID_QUERY;
}

/** The resource list asked for (namespaces, tasks, values, ...), from those the backend serves. */
export function resourceLabel(path: string, served: readonly string[]): string {
  return served.includes(path) ? path : OTHER;
}

const ELASTICSEARCH_OPERATIONS: Record<string, string> = {
  _search: 'search',
  _field_caps: 'field_caps',
  _resolve: 'resolve_index',
  _mapping: 'mapping',
  _count: 'count',
};

/** The Elasticsearch API a request path calls: `/my-index-*\/_search` is `search`, `/` is `info`. */
export function elasticsearchOperation(path: string): string {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) {
    return 'info';
  }
  const api = segments.find((segment) => segment.startsWith('_'));
  return (api && ELASTICSEARCH_OPERATIONS[api]) ?? OTHER;
}

/** Path segments after api/v1/<resource> that a list has (namespaced resources have one). */
const ARGO_LIST_DEPTH: Record<string, number> = {
  workflows: 1,
  'cron-workflows': 1,
  'workflow-templates': 1,
  'archived-workflows': 0,
  version: 0,
  info: 0,
};

/** The Argo Server endpoint kind of an API path: `workflows_list`, `workflows_get`, `version`, ... */
export function argoEndpoint(path: string): string {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  if (segments[0] !== 'api' || segments[1] !== 'v1' || !(segments[2] in ARGO_LIST_DEPTH)) {
    return OTHER;
  }
  const resource = segments[2];
  const depth = ARGO_LIST_DEPTH[resource];
  const extra = segments.length - 3;
  if (resource === 'version' || resource === 'info') {
    return extra === 0 ? resource : OTHER;
  }
  const name = resource.replace(/-/g, '_');
  // A namespaced list without its namespace (api/v1/workflows/) lists every namespace.
  return extra <= depth ? `${name}_list` : extra === depth + 1 ? `${name}_get` : OTHER;
}

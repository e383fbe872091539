import type { Workflow } from '../argo/client/argoTypes';

/** A bad request, answered in grpc-gateway's shape: `{ code, message }` (3 = InvalidArgument). */
export class BadRequest extends Error {}

type Requirement = (labels: Record<string, string>) => boolean;

/** Kubernetes label selectors: `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, joined by commas. */
export function labelSelector(text: string): Requirement {
  const parts = text.match(/[^,(]+(\([^)]*\))?/g)?.map((p) => p.trim()).filter(Boolean) ?? [];
  const requirements = parts.map((part): Requirement => {
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (set) {
      const values = set[3].split(',').map((v) => v.trim());
      return set[2] === 'in' ? (l) => values.includes(l[set[1]]) : (l) => !values.includes(l[set[1]]);
    }
    const equal = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    if (equal) {
      return equal[2] === '!=' ? (l) => l[equal[1]] !== equal[3] : (l) => l[equal[1]] === equal[3];
    }
    if (/^!?[\w./-]+$/.test(part)) {
      return part.startsWith('!') ? (l) => l[part.slice(1)] === undefined : (l) => l[part] !== undefined;
    }
    throw new BadRequest(`unable to parse requirement: "${part}"`);
  });
  return (labels) => requirements.every((r) => r(labels));
}

/** What a workflow list asks for: Argo's BuildListOptions (label and field selectors, limit, offset). */
export interface ListRequest {
  namespace: string;
  matches(workflow: Workflow): boolean;
  limit: number;
  offset: number;
  remainingCount: boolean;
}

function time(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new BadRequest(`parsing time "${text}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
  }
  return ms;
}

export function listRequest(query: URLSearchParams, namespace: string): ListRequest {
  const labels = labelSelector(query.get('listOptions.labelSelector') ?? '');
  let after = -Infinity;
  let before = Infinity;
  let name: string | undefined;
  let remainingCount = false;
  for (const selector of (query.get('listOptions.fieldSelector') ?? '').split(',').filter(Boolean)) {
    const [, key, value] = /^(metadata\.namespace|metadata\.name|spec\.startedAt|ext\.showRemainingItemCount)(?:==?|>|<)(.*)$/.exec(selector) ?? [];
    if (key === 'metadata.namespace') {
      namespace = value;
    } else if (key === 'metadata.name') {
      name = value;
    } else if (key === 'spec.startedAt') {
      selector.includes('>') ? (after = time(value)) : (before = time(value));
    } else if (key === 'ext.showRemainingItemCount') {
      remainingCount = value === 'true';
    } else {
      throw new BadRequest(`unsupported requirement ${selector}`);
    }
  }
  const limit = Number(query.get('listOptions.limit') ?? '0');
  const offset = Number(query.get('listOptions.continue') || '0');
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new BadRequest('listOptions.limit and listOptions.continue must be whole numbers');
  }
  return {
    namespace,
    limit,
    offset,
    remainingCount,
    matches(workflow) {
      const { metadata, status } = workflow;
      const started = Date.parse(status?.startedAt ?? '');
      return (
        (!namespace || metadata.namespace === namespace) &&
        (name === undefined || metadata.name === name) &&
        labels(metadata.labels ?? {}) &&
        started >= after &&
        started <= before
      );
    },
  };
}

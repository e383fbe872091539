/**
 * Kubernetes label selectors as the Argo Server evaluates them: `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k` (exists) and `!k` (does not exist), joined by commas.
 */
export type LabelRequirement =
  { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | '!exists' };

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    }
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function checkKey(key: string, requirement: string): string {
  if (!KEY.test(key)) {
    throw new Error(`unable to parse requirement: invalid label key "${key}" in "${requirement}"`);
  }
  return key;
}

/** Parses a selector; throws with a Kubernetes-like message when it is malformed. */
export function parseLabelSelector(selector: string | undefined | null): LabelRequirement[] {
  return splitTopLevel(selector ?? '').map((part): LabelRequirement => {
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (set) {
      return {
        key: checkKey(set[1], part),
        op: set[2] as 'in' | 'notin',
        values: set[3].split(',').map((v) => v.trim()),
      };
    }
    if (part.startsWith('!')) {
      return { key: checkKey(part.slice(1).trim(), part), op: '!exists' };
    }
    const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    if (eq) {
      return { key: checkKey(eq[1], part), op: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3]] };
    }
    return { key: checkKey(part, part), op: 'exists' };
  });
}

/** Whether the labels satisfy every requirement. */
export function matchesLabels(requirements: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  return requirements.every((r) => {
    const value = labels?.[r.key];
    switch (r.op) {
      case 'exists':
        return value !== undefined;
      case '!exists':
        return value === undefined;
      case 'in':
        return value !== undefined && r.values.includes(value);
      case 'notin':
        return value === undefined || !r.values.includes(value);
    }
  });
}

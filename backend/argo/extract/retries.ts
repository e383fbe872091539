import { type JsonObject, isObject } from './argoFields';

/**
 * Retries in Argo: a node whose template has a retryStrategy becomes a `Retry` node (no pod) whose
 * children are the attempts, named `<retry node name>(<n>)` with n from 0. A Retry node's children
 * can also hold its lifecycle hooks (`<name>.onExit`), so an attempt is recognised by its name, not by
 * its position among the children. `(0:item)` suffixes of loops are not retry suffixes.
 */

/** Where a trailing retry suffix `(<digits>)` starts in `text`, or -1 when there is none. */
export function retrySuffixStart(text: string): number {
  const last = text.length - 1;
  if (last < 2 || text.charCodeAt(last) !== 41 /* ) */) {
    return -1;
  }
  let i = last - 1;
  while (i >= 0) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      break;
    }
    i--;
  }
  const count = last - 1 - i;
  // Something before the suffix, and at most six digits: an attempt number fits ES's integer.
  return i > 0 && count >= 1 && count <= 6 && text.charCodeAt(i) === 40 /* ( */ ? i : -1;
}

/** The number in a retry suffix that starts at `start` (see retrySuffixStart). */
function suffixNumber(text: string, start: number): number {
  return Number(text.slice(start + 1, -1));
}

/** The attempt number of `name` when it is `<parentName>(<n>)`, else -1. */
function attemptOf(name: string, parentName: string): number {
  const start = retrySuffixStart(name);
  return start === parentName.length && name.startsWith(parentName) ? suffixNumber(name, start) : -1;
}

/** Attempt number by node id, for every child of a Retry node that is an attempt. */
export function retryAttempts(nodes: JsonObject): Map<string, number> {
  const attempts = new Map<string, number>();
  for (const id in nodes) {
    const parent = nodes[id];
    if (!isObject(parent) || parent.type !== 'Retry' || typeof parent.name !== 'string' || !Array.isArray(parent.children)) {
      continue;
    }
    for (const childId of parent.children) {
      const child = typeof childId === 'string' ? nodes[childId] : undefined;
      if (isObject(child) && typeof child.name === 'string') {
        const attempt = attemptOf(child.name, parent.name);
        if (attempt >= 0) {
          attempts.set(childId as string, attempt);
        }
      }
    }
  }
  return attempts;
}

/**
 * The attempt number of a node whose Retry parent is not in the map (a truncated object) but that
 * Argo flagged as a retry (`nodeFlag.retried`), from its name's suffix; else undefined.
 */
export function flaggedAttempt(node: JsonObject, name: string): number | undefined {
  const flag = node.nodeFlag;
  if (!isObject(flag) || flag.retried !== true) {
    return undefined;
  }
  const start = retrySuffixStart(name);
  return start < 0 ? undefined : suffixNumber(name, start);
}

/** A display name without its retry suffix: `train(1)` → `train`, `B(0:x)(2)` → `B(0:x)`. */
export function withoutRetrySuffix(displayName: string): string {
  const start = retrySuffixStart(displayName);
  return start < 0 ? displayName : displayName.slice(0, start);
}

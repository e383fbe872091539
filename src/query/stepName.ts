/**
 * The step name people use for a node: its display name without the loop item suffix `(n:item)` and the
 * retry suffix `(n)`. Argo step and task names cannot hold "(", so the first "(" starts the suffixes.
 * The `tasks` list offers these names, and a `tasks` filter on one matches every item of its loop.
 * (backend/elasticsearch/stepNames.ts lists and filters them in Elasticsearch.)
 */
export function stepName(displayName: string): string {
  const open = displayName.indexOf('(');
  return open > 0 && displayName.endsWith(')') ? displayName.slice(0, open) : displayName;
}

/** Whether a `tasks` filter value picks this node: its display name, or its step name (every loop item). */
export function taskFilterMatches(value: string, displayName: string): boolean {
  return value === displayName || value === stepName(displayName);
}

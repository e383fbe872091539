import { LIMITS, textProblem } from './inputLimits';
import { quoteValue } from './validationMessage';

/**
 * What a query can group by. `label:<key>` groups by a workflow label (for example
 * `label:team`). The backend maps each key to a document field through the datasource's field mapping.
 * `step` is the step name every loop item and retry shares (node.step); `task` is one node's display
 * name, so a loop over 9,000 items gives 9,000 tasks but one step.
 */
export const GROUP_KEYS = ['namespace', 'workflow', 'template', 'step', 'task', 'cron', 'node', 'phase'] as const;
export type PlainGroupKey = (typeof GROUP_KEYS)[number];

/** Keys only node documents have: workflow runs have no step, task or node. */
export const NODE_ONLY_GROUP_KEYS: readonly string[] = ['step', 'task', 'node'];
export type GroupKey = PlainGroupKey | `label:${string}`;

const LABEL_KEY = /^label:[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?$/;

export function groupKeyProblem(key: string): string | undefined {
  const textIssue = textProblem(key, LIMITS.groupKey);
  if (textIssue) {
    return textIssue;
  }
  if ((GROUP_KEYS as readonly string[]).includes(key) || LABEL_KEY.test(key)) {
    return undefined;
  }
  return `${quoteValue(key)} cannot be grouped by; use one of ${GROUP_KEYS.join(', ')} or label:<workflow label key>`;
}

/** The label name a group key gets on a series (label:team → team). */
export function labelNameOf(key: GroupKey): string {
  return key.startsWith('label:') ? key.slice('label:'.length) : key;
}

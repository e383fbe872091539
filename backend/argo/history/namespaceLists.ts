import type { Notice } from '../../frames/frame';
import { LABELS, type ObjectMeta } from '../client/argoTypes';
import type { ListOutcome } from '../client/listPages';
import { argoCall } from './argoCall';

/**
 * One Argo Server list per namespace (in parallel), joined: the namespaces asked for, or every namespace
 * the token may list when none is asked. A list that may be incomplete gets a warning notice.
 */
type Outcome = Pick<ListOutcome, 'complete' | 'incompleteReason'>;

/** The namespaces to list: those asked for, or '' (every namespace the token may list). */
export function namespacesToList(namespaces: readonly string[] | undefined): string[] {
  return namespaces?.length ? [...namespaces] : [''];
}

/** The warning for a list that may be incomplete; `what` names the list ("cron runs"), if anything. */
export function incompleteNotices(outcome: Outcome, what?: string): Notice[] {
  return outcome.complete
    ? []
    : [
        {
          severity: 'warning',
          text: `The Argo Server's list${what ? ` of ${what}` : ''} may be incomplete: ${outcome.incompleteReason ?? 'it stopped early'}.`,
        },
      ];
}

/** The items of every namespace's list, in namespace order, and a notice per list that may be incomplete. */
export async function listPerNamespace<T>(
  namespaces: readonly string[] | undefined,
  list: (namespace: string) => Promise<{ items: T[]; outcome: Outcome }>,
  what?: string
): Promise<{ items: T[]; notices: Notice[] }> {
  const lists = await Promise.all(namespacesToList(namespaces).map((namespace) => argoCall(() => list(namespace))));
  return {
    items: lists.flatMap((one) => one.items),
    notices: lists.flatMap((one) => incompleteNotices(one.outcome, what)),
  };
}

/**
 * The items in order, each uid once (namespace/name without a uid): a namespace asked for twice is listed
 * twice. Items `keep` refuses are skipped without taking their uid.
 */
export function uniqueByUid<T extends { metadata?: ObjectMeta }>(
  items: readonly T[],
  keep: (item: T) => boolean = () => true
): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const item of items) {
    const key = item.metadata?.uid ?? `${item.metadata?.namespace}/${item.metadata?.name}`;
    if (!seen.has(key) && keep(item)) {
      seen.add(key);
      unique.push(item);
    }
  }
  return unique;
}

/** Whether an object came from (or was copied to) the workflow archive: the list marks archived rows; GETs of them say Persisted. */
export function isArchived(workflow: { metadata?: ObjectMeta }): boolean {
  const status = workflow.metadata?.labels?.[LABELS.archivingStatus];
  return status === 'Archived' || status === 'Persisted';
}

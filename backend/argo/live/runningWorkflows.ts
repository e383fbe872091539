import type { Filters } from '../../../src/query/model';
import type { Notice } from '../../frames/frame';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import { LABELS, type Workflow } from '../client/argoTypes';
import type { WorkflowDocument } from '../extract/documents';
import { extractWorkflow } from '../extract/extractWorkflow';
import { matchesFilters } from '../history/documentKeys';
import { listPerNamespace, uniqueByUid } from '../history/namespaceLists';

/**
 * The workflows running (or pending) now, from the Argo Server's live list. Every supported server
 * evaluates a label selector on the list (Kubernetes up to v3.5.6, Argo's own SQL from v3.5.7), so the
 * phase label narrows the list on the server; the phase is checked again in memory, because the label
 * is only as fresh as the last update and a proxy could drop the parameter.
 */
export const ACTIVE_PHASES: readonly string[] = ['Pending', 'Running'];
export const ACTIVE_SELECTOR = `${LABELS.phase} in (${ACTIVE_PHASES.join(',')})`;

export interface RunningWorkflow {
  /** The extracted run document (what the filters read). */
  doc: WorkflowDocument;
  object: Workflow;
}

export interface RunningList {
  running: RunningWorkflow[];
  /** Objects the server listed, before the phase check and the filters. */
  listed: number;
  notices: Notice[];
}

/** Running and pending workflows in the filters' namespaces (all the token may list when none) that pass the filters. */
export async function runningWorkflows(
  instance: DatasourceInstance,
  filters: Filters,
  signal: AbortSignal
): Promise<RunningList> {
  const client = argoClient(instance);
  const lists = await listPerNamespace(
    filters.namespaces,
    (namespace) => client.listWorkflows({ namespace, labelSelector: ACTIVE_SELECTOR }, { signal }),
    'running workflows'
  );
  const notices: Notice[] = lists.notices;
  const running: RunningWorkflow[] = [];
  let unreadable = 0;
  for (const object of uniqueByUid(lists.items, (item) => ACTIVE_PHASES.includes(item.status?.phase ?? ''))) {
    const doc = extractWorkflow(object).workflow;
    if (!doc) {
      unreadable++;
    } else if (matchesFilters(doc, filters, 'workflow')) {
      running.push({ doc, object });
    }
  }
  if (unreadable > 0) {
    notices.push({
      severity: 'warning',
      text: `${unreadable} running workflow${unreadable === 1 ? '' : 's'} from the Argo Server had no name or start time and ${unreadable === 1 ? 'was' : 'were'} left out.`,
    });
  }
  return { running, listed: lists.items.length, notices };
}

import type { Filters } from '../../../src/query/model';
import type { Notice } from '../../frames/frame';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import { LABELS, type Workflow } from '../client/argoTypes';
import type { WorkflowDocument } from '../extract/documents';
import { extractWorkflow } from '../extract/extractWorkflow';
import { argoCall } from '../history/argoCall';
import { matchesFilters } from '../history/documentKeys';

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

async function listNamespace(instance: DatasourceInstance, namespace: string, signal: AbortSignal) {
  const client = argoClient(instance);
  return argoCall(() => client.listWorkflows({ namespace, labelSelector: ACTIVE_SELECTOR }, { signal }));
}

/** Running and pending workflows in the filters' namespaces (all the token may list when none) that pass the filters. */
export async function runningWorkflows(
  instance: DatasourceInstance,
  filters: Filters,
  signal: AbortSignal
): Promise<RunningList> {
  const namespaces = filters.namespaces?.length ? filters.namespaces : [''];
  const lists = await Promise.all(namespaces.map((namespace) => listNamespace(instance, namespace, signal)));
  const notices: Notice[] = [];
  const seen = new Set<string>();
  const running: RunningWorkflow[] = [];
  let listed = 0;
  let unreadable = 0;
  for (const { items, outcome } of lists) {
    if (!outcome.complete) {
      notices.push({
        severity: 'warning',
        text: `The Argo Server's list of running workflows may be incomplete: ${outcome.incompleteReason ?? 'it stopped early'}.`,
      });
    }
    for (const object of items) {
      listed++;
      const key = object.metadata?.uid ?? `${object.metadata?.namespace}/${object.metadata?.name}`;
      if (seen.has(key) || !ACTIVE_PHASES.includes(object.status?.phase ?? '')) {
        continue;
      }
      seen.add(key);
      const doc = extractWorkflow(object).workflow;
      if (!doc) {
        unreadable++;
      } else if (matchesFilters(doc, filters, 'workflow')) {
        running.push({ doc, object });
      }
    }
  }
  if (unreadable > 0) {
    notices.push({
      severity: 'warning',
      text: `${unreadable} running workflow${unreadable === 1 ? '' : 's'} from the Argo Server had no name or start time and ${unreadable === 1 ? 'was' : 'were'} left out.`,
    });
  }
  return { running, listed, notices };
}

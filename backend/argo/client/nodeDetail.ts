import { hasKeys } from '../extract/argoFields';
import { LABELS, type Workflow } from './argoTypes';

/**
 * Where a listed workflow's nodes are. The live list leaves nodes out of archived rows (slim items),
 * sends `compressedNodes` for large workflows, and may send only `offloadNodeStatusVersion` when nodes
 * live in the server's database. A single GET hydrates all of these.
 */
export type NodeSource = 'inline' | 'compressed' | 'offloaded' | 'absent' | 'none yet';

/** How this item carries its nodes. */
export function nodeSource(workflow: Workflow): NodeSource {
  const status = workflow.status;
  if (status?.nodes && hasKeys(status.nodes)) {
    return 'inline';
  }
  if (status?.compressedNodes) {
    return 'compressed';
  }
  if (status?.offloadNodeStatusVersion) {
    return 'offloaded';
  }
  // A workflow that has not started has no nodes anywhere.
  return !status?.phase || status.phase === 'Pending' ? 'none yet' : 'absent';
}

/** Whether a GET is needed for nodes (compressed ones only when the caller cannot decompress them). */
export function needsNodeFetch(workflow: Workflow, fetchCompressed = false): boolean {
  const source = nodeSource(workflow);
  return source === 'offloaded' || source === 'absent' || (fetchCompressed && source === 'compressed');
}

/** Archive rows carry the Persisted label; their GET is by uid on the archive. */
export function isArchiveRow(workflow: Workflow): boolean {
  return workflow.metadata.labels?.[LABELS.archivingStatus] === 'Persisted';
}

import type { ArgoDocument, NodeDocument, WorkflowDocument } from '../argo/extract/documents';

/** One document to index, with its deterministic index and id. */
export interface IndexOperation {
  index: string;
  id: string;
  document: ArgoDocument;
}

/**
 * Where each document goes and under which id, chosen only from what never changes for a run: its uid,
 * its node ids and the month it started in. So a re-run, an overlapping run or a second collector
 * writes the same ids into the same indices, and a finished run replaces what was written while it ran.
 */
export function documentId(doc: ArgoDocument, uid: string): string {
  return doc.doc_kind === 'workflow' ? uid : `${uid}/${doc.node.id}`;
}

/** `<prefix>-YYYY.MM` of the run's start (UTC); every document of a run goes to its run's index. */
export function dataIndexFor(prefix: string, run: WorkflowDocument): string {
  const started = new Date(run['@timestamp']);
  const month = String(started.getUTCMonth() + 1).padStart(2, '0');
  return `${prefix}-${started.getUTCFullYear()}.${month}`;
}

/** The uid a run's documents are keyed by; the name and start time when Argo gave no uid (hand-made objects). */
export function runKey(run: WorkflowDocument): string {
  return run.workflow.uid ?? `${run.namespace ?? ''}/${run.workflow.name}/${run['@timestamp']}`;
}

/** A run's documents as index operations: the run first, then its nodes, all in the run's index. */
export function operationsOf(indexPrefix: string, run: WorkflowDocument, nodes: NodeDocument[]): IndexOperation[] {
  const uid = runKey(run);
  const index = dataIndexFor(indexPrefix, run);
  return [run, ...nodes].map((document) => ({ index, id: documentId(document, uid), document }));
}

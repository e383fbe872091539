import { isObject, readObject, readRequiredString } from './argoFields';
import type { NodeDocument, WorkflowDocument } from './documents';
import { addNodeMetrics } from './metricOutputs';
import { nodeDocuments } from './nodeDocuments';
import { nodeStatusMap } from './nodeStatusMap';
import { Problems, shown } from './problems';
import { metadataOf, runFieldsOf } from './runFields';
import { workflowDocument } from './workflowDocument';

export interface ExtractOptions {
  /** Written as `collected_at` on every document; left out when not given. */
  collectedAt?: Date;
}

export interface Extraction {
  /** Undefined only when the object has no name, or nothing that says when it started. */
  workflow: WorkflowDocument | undefined;
  /** One per step or task execution (see nodeKinds.ts); empty while the nodes are not in the object. */
  nodes: NodeDocument[];
  /** What could not be read, one line per field; never thrown. */
  problems: string[];
}

function collectedAtOf(options: ExtractOptions | undefined, problems: Problems): string | undefined {
  const date = options?.collectedAt;
  if (date === undefined) {
    return undefined;
  }
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    problems.add('options.collectedAt', `${shown(date)} is not a valid Date`);
    return undefined;
  }
  return date.toISOString();
}

/**
 * Turns one Argo Workflow object (as the Argo Server returns it) into the documents of
 * docs/document-model.md: the run's document and one per node execution. Never throws: whatever is
 * missing or of the wrong type is skipped and named in `problems`.
 */
export function extractWorkflow(workflow: unknown, options?: ExtractOptions): Extraction {
  const problems = new Problems();
  if (!isObject(workflow)) {
    problems.add('workflow', `${shown(workflow)} is not an object`);
    return { workflow: undefined, nodes: [], problems: problems.done() };
  }
  const metadata = metadataOf(workflow, problems);
  const name = readRequiredString(metadata?.name, 'metadata.name', problems);
  if (name === undefined) {
    return { workflow: undefined, nodes: [], problems: problems.done() };
  }
  const status = readObject(workflow.status, 'status', problems);
  if (workflow.status === undefined || workflow.status === null) {
    problems.add('status', 'missing');
  }
  const nodes = status && nodeStatusMap(status, problems);
  const run = runFieldsOf(name, metadata, workflow.spec, collectedAtOf(options, problems), problems);
  const workflowDoc = workflowDocument(run, metadata, workflow.spec, status, nodes, problems);
  const nodeDocs = nodes ? nodeDocuments(nodes, run, problems) : [];
  if (workflowDoc !== undefined) {
    addNodeMetrics(workflowDoc, nodeDocs);
  }
  return { workflow: workflowDoc, nodes: nodeDocs, problems: problems.done() };
}

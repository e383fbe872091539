import { ANNOTATIONS } from '../client/argoTypes';
import { type JsonObject, isObject, readObject, readString, readTime } from './argoFields';
import { documentTime, parseArgoTime } from './argoTime';
import type { WorkflowDocument } from './documents';
import { phaseOf, setFinish } from './finishAndPhase';
import { metricsFromParameters } from './metricOutputs';
import type { RunFields } from './runFields';
import { FAILED_PHASES } from './nodeKinds';
import { type Problems, shown } from './problems';
import { resourcesFromArgo } from './resourceUnits';
import { parametersFromArgo } from './stringMaps';

/** The earliest node start, for a hand-made object that has nodes but no start of its own. */
function earliestNodeStart(nodes: JsonObject | undefined): [ms: number, text: string] | undefined {
  let earliest: [number, string] | undefined;
  for (const id in nodes) {
    const startedAt = (nodes[id] as { startedAt?: unknown } | null)?.startedAt;
    const ms = typeof startedAt === 'string' ? parseArgoTime(startedAt) : NaN;
    if (!Number.isNaN(ms) && (earliest === undefined || ms < earliest[0])) {
      earliest = [ms, startedAt as string];
    }
  }
  return earliest;
}

interface Start {
  ms: number;
  text: string;
  /** False when the start stands in for a missing `status.startedAt`: then there is no duration. */
  real: boolean;
}

/**
 * `status.startedAt`; before the controller starts a run (phase Pending or none) its creation time;
 * for objects that lack both, the earliest node start (with a problem).
 */
function startOf(status: JsonObject | undefined, metadata: JsonObject | undefined, nodes: JsonObject | undefined, problems: Problems): Start | undefined {
  const startedAt = status?.startedAt;
  const ms = readTime(startedAt, 'status.startedAt', problems);
  if (ms !== undefined) {
    return { ms, text: startedAt as string, real: true };
  }
  const created = metadata?.creationTimestamp;
  const createdMs = readTime(created, 'metadata.creationTimestamp', problems);
  const pending = status?.phase === undefined || status.phase === '' || status.phase === 'Pending';
  if (createdMs !== undefined) {
    if (!pending) {
      problems.add('status.startedAt', `missing on a ${shown(status?.phase)} workflow; @timestamp is metadata.creationTimestamp`);
    }
    return { ms: createdMs, text: created as string, real: false };
  }
  const earliest = earliestNodeStart(nodes);
  if (earliest !== undefined) {
    problems.add('status.startedAt', 'missing; @timestamp is the earliest node start');
    return { ms: earliest[0], text: earliest[1], real: false };
  }
  problems.add('status.startedAt', 'missing, and no creationTimestamp or node start stands in: no workflow document');
  return undefined;
}

function scheduledAt(metadata: JsonObject | undefined, problems: Problems): string | undefined {
  const annotations = readObject(metadata?.annotations, 'metadata.annotations', problems);
  const value = annotations?.[ANNOTATIONS.scheduledTime];
  const field = `metadata.annotations[${JSON.stringify(ANNOTATIONS.scheduledTime)}]`;
  const ms = readTime(value, field, problems);
  return ms === undefined ? undefined : documentTime(value as string, ms);
}

/** The workflow-run document, or undefined (with a problem) when the run cannot be placed in time. */
export function workflowDocument(
  run: RunFields,
  metadata: JsonObject | undefined,
  spec: unknown,
  status: JsonObject | undefined,
  nodes: JsonObject | undefined,
  problems: Problems
): WorkflowDocument | undefined {
  const start = startOf(status, metadata, nodes, problems);
  if (start === undefined) {
    return undefined;
  }
  // Filled in the model's field order, so that stored documents read like its examples.
  const doc = { doc_kind: 'workflow', '@timestamp': documentTime(start.text, start.ms) } as WorkflowDocument;
  const endMs = setFinish(doc, start.ms, status?.finishedAt, 'status.finishedAt', start.real, problems);
  const phase = phaseOf(status?.phase, start.real, endMs !== undefined, 'status.phase', problems);
  if (phase !== undefined) {
    doc.phase = phase;
  }
  if (run.namespace !== undefined) {
    doc.namespace = run.namespace;
  }
  doc.workflow = run.workflow;
  const resources = resourcesFromArgo(status?.resourcesDuration, 'status.resourcesDuration', problems);
  if (resources !== undefined) {
    doc.resources = resources;
  }
  if (run.labels !== undefined) {
    doc.labels = run.labels;
  }
  const args = isObject(spec) ? readObject(spec.arguments, 'spec.arguments', problems) : undefined;
  const parameters = parametersFromArgo(args?.parameters, 'spec.arguments.parameters', problems);
  if (parameters !== undefined) {
    doc.parameters = parameters;
  }
  const scheduled = scheduledAt(metadata, problems);
  if (scheduled !== undefined) {
    doc.scheduled_at = scheduled;
  }
  if (phase !== undefined && FAILED_PHASES.has(phase)) {
    const message = readString(status?.message, 'status.message', problems);
    if (message !== undefined) {
      doc.message = message;
    }
  }
  // Global outputs; names they lack are filled from the node documents later (addNodeMetrics).
  const outputs = readObject(status?.outputs, 'status.outputs', problems);
  const metrics = metricsFromParameters(outputs?.parameters, 'status.outputs.parameters', problems);
  if (metrics !== undefined) {
    doc.metrics = metrics;
  }
  if (run.collectedAt !== undefined) {
    doc.collected_at = run.collectedAt;
  }
  return doc;
}

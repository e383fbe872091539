import { type JsonObject, isObject, readString, readTime } from './argoFields';
import { documentTime } from './argoTime';
import type { NodeDocument, NodeRef } from './documents';
import { phaseOf, setFinish } from './finishAndPhase';
import { FAILED_PHASES, GROUPING_NODE_TYPES, NOT_RUN_PHASES, RESOURCE_NODE_TYPE } from './nodeKinds';
import { type Problems, shown } from './problems';
import { resourcesFromArgo } from './resourceUnits';
import { metricsFromParameters } from './metricOutputs';
import { flaggedAttempt, retryAttempts, withoutRetrySuffix } from './retries';
import type { RunFields } from './runFields';
import { parametersFromArgo } from './stringMaps';
import { stepName } from '../../../src/query/stepName';
import { stepLinks, type StepLinks } from '../../timeline/stepGraph';

function templateOf(node: JsonObject): string | undefined {
  if (typeof node.templateName === 'string' && node.templateName !== '') {
    return node.templateName;
  }
  const ref = node.templateRef;
  return isObject(ref) && typeof ref.template === 'string' && ref.template !== '' ? ref.template : undefined;
}

/** The document of one node, or undefined when it gets none (nodeKinds.ts) or cannot be placed in time. */
function nodeDocument(
  id: string,
  node: JsonObject,
  knownAttempt: number | undefined,
  links: StepLinks | undefined,
  run: RunFields,
  problems: Problems
): NodeDocument | undefined {
  const type = node.type;
  if (typeof type !== 'string' || type === '') {
    problems.add('type', `${shown(type)} is not a node type`);
    return undefined;
  }
  const name = node.name;
  if (typeof name !== 'string' || name === '') {
    problems.add('name', `${shown(name)} is not a node name`);
    return undefined;
  }
  const attempt = knownAttempt ?? flaggedAttempt(node, name);
  if (attempt === undefined && GROUPING_NODE_TYPES.has(type)) {
    return undefined;
  }
  const startMs = readTime(node.startedAt, 'startedAt', problems);
  if (startMs === undefined) {
    if (node.startedAt === undefined || node.startedAt === null) {
      problems.add('startedAt', 'missing, so the node has no document');
    }
    return undefined;
  }
  let displayName = node.displayName;
  if (typeof displayName !== 'string' || displayName === '') {
    problems.add('displayName', `${shown(displayName)} is not a name; using the node's name`);
    displayName = name;
  }
  const task = attempt === undefined ? (displayName as string) : withoutRetrySuffix(displayName as string);
  const doc = { doc_kind: 'node', '@timestamp': documentTime(node.startedAt as string, startMs) } as NodeDocument;
  const rawPhase = node.phase;
  const ranAtAll = typeof rawPhase !== 'string' || !NOT_RUN_PHASES.has(rawPhase);
  const endMs = setFinish(doc, startMs, node.finishedAt, 'finishedAt', ranAtAll, problems);
  const phase = phaseOf(rawPhase, true, endMs !== undefined, 'phase', problems);
  if (phase !== undefined) {
    doc.phase = phase;
  }
  if (run.namespace !== undefined) {
    doc.namespace = run.namespace;
  }
  doc.workflow = run.workflow;
  // In the model's field order: id, name, display_name, step, template, type, retry_attempt, host, group, after, feeds.
  // step: the name every loop item and retry shares, so grouping by it gives one group per step.
  const ref = { id, name, display_name: task, step: stepName(task) } as NodeRef;
  const template = templateOf(node);
  if (template !== undefined) {
    ref.template = template;
  }
  ref.type = type;
  ref.retry_attempt = attempt ?? 0;
  const host = readString(node.hostNodeName, 'hostNodeName', problems);
  if (host !== undefined) {
    ref.host = host;
  }
  if (links !== undefined) {
    ref.group = links.group;
    ref.after = links.after;
    if (links.feeds.length > 0) {
      ref.feeds = links.feeds;
    }
  }
  doc.node = ref;
  if (type === RESOURCE_NODE_TYPE && node.resourcesDuration !== undefined) {
    const resources = resourcesFromArgo(node.resourcesDuration, 'resourcesDuration', problems);
    if (resources !== undefined) {
      doc.resources = resources;
    }
  }
  if (run.labels !== undefined) {
    doc.labels = run.labels;
  }
  const inputs = node.inputs;
  if (isObject(inputs) && inputs.parameters !== undefined) {
    const parameters = parametersFromArgo(inputs.parameters, 'inputs.parameters', problems);
    if (parameters !== undefined) {
      doc.parameters = parameters;
    }
  }
  if (phase !== undefined && FAILED_PHASES.has(phase)) {
    const message = readString(node.message, 'message', problems);
    if (message !== undefined) {
      doc.message = message;
    }
  }
  const outputs = node.outputs;
  if (isObject(outputs) && outputs.parameters !== undefined) {
    const metrics = metricsFromParameters(outputs.parameters, 'outputs.parameters', problems);
    if (metrics !== undefined) {
      doc.metrics = metrics;
    }
  }
  if (run.collectedAt !== undefined) {
    doc.collected_at = run.collectedAt;
  }
  return doc;
}

/** One document per step or task execution in a `status.nodes` map (which ones: nodeKinds.ts). */
export function nodeDocuments(nodes: JsonObject, run: RunFields, problems: Problems): NodeDocument[] {
  const attempts = retryAttempts(nodes);
  const links = stepLinks(nodes, run.workflow.name);
  const docs: NodeDocument[] = [];
  for (const id in nodes) {
    const node = nodes[id];
    if (!isObject(node)) {
      problems.add(`status.nodes[${JSON.stringify(id)}]`, `${shown(node)} is not a node`);
      continue;
    }
    problems.nodeId = id;
    const doc = nodeDocument(id, node, attempts.get(id), links.get(id), run, problems);
    problems.nodeId = undefined;
    if (doc !== undefined) {
      docs.push(doc);
    }
  }
  return docs;
}

import type { NodeDocument } from './documents';
import { extractWorkflow } from './extractWorkflow';
import { mappingViolations } from './templateConformance';
import { corpusWorkflows } from './testCorpus';

/**
 * Every real Workflow object through the extraction, each checked against values computed here,
 * straight from the JSON with Date.parse and regular expressions, not with the code under test.
 */
type Json = Record<string, any>;

// The node types that group other nodes and get no document unless they are a retry attempt
// (the rule of nodeKinds.ts, restated here on purpose).
const GROUPING = ['Steps', 'StepGroup', 'DAG', 'TaskGroup', 'Retry', 'Container'];

/** Attempt number by node id: children of a Retry node named `<retry node name>(<n>)`. */
function attemptsIn(nodes: Record<string, Json>): Map<string, number> {
  const attempts = new Map<string, number>();
  for (const parent of Object.values(nodes)) {
    if (parent.type !== 'Retry') {
      continue;
    }
    for (const childId of parent.children ?? []) {
      const child = nodes[childId];
      const suffix = child?.name?.startsWith(parent.name) ? /^\((\d+)\)$/.exec(child.name.slice(parent.name.length)) : null;
      if (suffix) {
        attempts.set(childId, Number(suffix[1]));
      }
    }
  }
  return attempts;
}

function expectedNode(id: string, node: Json, attempt: number | undefined): Partial<NodeDocument> & { node: Json } {
  const start = Date.parse(node.startedAt);
  const finish = typeof node.finishedAt === 'string' ? Date.parse(node.finishedAt) : NaN;
  const finished = finish >= start;
  const ran = node.phase !== 'Skipped' && node.phase !== 'Omitted';
  const rd = node.resourcesDuration;
  const params = node.inputs?.parameters?.filter((p: Json) => p.value !== undefined);
  const displayName = attempt === undefined ? node.displayName : node.displayName.replace(/\(\d+\)$/, '');
  return {
    '@timestamp': node.startedAt,
    end: finished ? node.finishedAt : undefined,
    duration_ms: finished && ran ? finish - start : undefined,
    phase: node.phase ?? (finished ? undefined : 'Running'),
    node: {
      id,
      name: node.name,
      display_name: displayName,
      // The step every loop item (and retry) shares: the name before a trailing `(...)` suffix.
      step: displayName.replace(/^([^(]+)\(.*\)$/, '$1'),
      template: node.templateName ?? node.templateRef?.template,
      type: node.type,
      retry_attempt: attempt ?? 0,
      host: node.hostNodeName,
    },
    resources: node.type === 'Pod' && rd ? { cpu_core_seconds: rd.cpu, memory_mib_seconds: rd.memory * 100 } : undefined,
    parameters: params?.length ? Object.fromEntries(params.map((p: Json) => [p.name, String(p.value)])) : undefined,
    message: ['Failed', 'Error'].includes(node.phase) && node.message ? node.message : undefined,
  };
}

/** The document's fields that expectedNode covers, with absent ones as undefined. */
function comparable(doc: NodeDocument): Json {
  // The step graph's fields (group, after, feeds) have their own tests (backend/timeline).
  const { group: _group, after: _after, feeds: _feeds, ...node } = doc.node;
  return {
    '@timestamp': doc['@timestamp'],
    end: doc.end,
    duration_ms: doc.duration_ms,
    phase: doc.phase,
    node: { ...node, template: node.template, host: node.host },
    resources: doc.resources,
    parameters: doc.parameters,
    message: doc.message,
  };
}

/** Frozen input: the extraction must not write to the object it reads (it would throw here). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe.each(corpusWorkflows())('$file', ({ object }) => {
  const wf = deepFreeze(object as Json);
  const nodes: Record<string, Json> = wf.status.nodes;
  const attempts = attemptsIn(nodes);
  const result = extractWorkflow(wf, { collectedAt: new Date('2026-01-02T03:04:05Z') });
  const docsById = new Map(result.nodes.map((doc) => [doc.node.id, doc]));

  it('gives one document per step or task execution, with times, phase, task and resources from its node', () => {
    const expectedIds = Object.keys(nodes).filter((id) => !GROUPING.includes(nodes[id].type) || attempts.has(id));
    expect([...docsById.keys()].sort()).toEqual(expectedIds.sort());
    for (const id of expectedIds) {
      expect({ id, ...comparable(docsById.get(id)!) }).toEqual({ id, ...expectedNode(id, nodes[id], attempts.get(id)) });
    }
  });

  it('links each attempt only to documents of the run, or to junctions that documents feed', () => {
    const junctions = new Set(result.nodes.flatMap((doc) => doc.node.feeds ?? []));
    for (const doc of result.nodes.filter((d) => !GROUPING.includes(d.node.type))) {
      expect(typeof doc.node.group).toBe('string');
      for (const id of doc.node.after!) {
        expect(docsById.has(id) || junctions.has(id) || !(id in nodes) ? id : `${id} has no document`).toBe(id);
      }
    }
  });

  it('counts the retries: attempts (n > 0) under a Retry parent', () => {
    const retried = Object.values(nodes).filter((node) => /\(([1-9]\d*)\)$/.test(node.name) && Object.values(nodes).some((p) => p.type === 'Retry' && (p.children ?? []).includes(node.id)));
    expect(result.nodes.filter((doc) => doc.node.retry_attempt > 0)).toHaveLength(retried.length);
  });

  it('never gives a negative duration', () => {
    for (const doc of [result.workflow!, ...result.nodes]) {
      expect(doc.duration_ms === undefined || doc.duration_ms >= 0).toBe(true);
    }
  });

  it('gives the run its own start, finish, phase and resources', () => {
    const status = wf.status;
    const doc = result.workflow!;
    const start = status.startedAt ?? wf.metadata.creationTimestamp ?? Object.values(nodes).map((node) => node.startedAt).sort()[0];
    const duration = status.startedAt && status.finishedAt ? Date.parse(status.finishedAt) - Date.parse(status.startedAt) : undefined;
    const rd = status.resourcesDuration;
    expect(doc['@timestamp']).toBe(start);
    expect(doc.end).toBe(status.finishedAt ?? undefined);
    expect(doc.duration_ms).toBe(duration);
    expect(doc.phase).toBe(status.phase ?? (status.finishedAt ? undefined : status.startedAt ? 'Running' : 'Pending'));
    expect(doc.resources).toEqual(rd ? { cpu_core_seconds: rd.cpu, memory_mib_seconds: rd.memory * 100 } : undefined);
    expect(doc.workflow.name).toBe(wf.metadata.name);
    expect(doc.namespace).toBe(wf.metadata.namespace);
    expect(doc.labels).toEqual(wf.metadata.labels);
    expect(doc.collected_at).toBe('2026-01-02T03:04:05.000Z');
  });

  it('repeats the run on every node document', () => {
    for (const doc of result.nodes) {
      expect(doc.workflow).toEqual(result.workflow!.workflow);
      expect(doc.namespace).toBe(result.workflow!.namespace);
      expect(doc.labels).toEqual(result.workflow!.labels);
    }
  });

  it('gives documents the index template accepts', () => {
    for (const doc of [result.workflow, ...result.nodes]) {
      expect(mappingViolations(doc)).toEqual([]);
    }
  });

  it('reports a problem only for fields that are really missing or wrong', () => {
    const allowed = [/^metadata\.(uid|namespace): missing$/, /^status\.startedAt: missing; @timestamp is the earliest node start$/, /is before startedAt/, /^status\.phase: missing although finishedAt is set$/];
    for (const problem of result.problems) {
      expect(allowed.some((pattern) => pattern.test(problem)) ? problem : `unexpected: ${problem}`).toBe(problem);
    }
  });
});

/**
 * Test support for the collector tests (not a test itself): the documents a history should produce,
 * computed from the generated Argo objects without the extraction code, and what Elasticsearch holds.
 */
import type { Client } from '@elastic/elasticsearch';

import type { Workflow } from '../argo/client/argoTypes';
import type { ArgoHistory } from '../test/argoServer/workflowHistory';
import { elasticsearchUrl } from '../test/elasticsearch';
import { runCollectorCli } from './cli';

/** Node types that group others and get no document unless they are a retry attempt (docs/document-model.md). */
const GROUPING = new Set(['Steps', 'StepGroup', 'DAG', 'TaskGroup', 'Retry', 'Container']);

interface RawNode {
  id: string;
  name: string;
  type: string;
  startedAt?: string | null;
  children?: string[];
}

/** `_id`s of the node documents of one workflow object: started nodes that run work, and every retry attempt. */
export function expectedNodeIds(workflow: Workflow): string[] {
  const nodes = Object.values((workflow.status?.nodes ?? {}) as Record<string, RawNode>);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const attempts = new Set<string>();
  for (const parent of nodes.filter((n) => n.type === 'Retry')) {
    for (const childId of parent.children ?? []) {
      const child = byId.get(childId);
      if (child && new RegExp(`^${escape(parent.name)}\\(\\d+\\)$`).test(child.name)) {
        attempts.add(childId);
      }
    }
  }
  return nodes.filter((n) => n.startedAt && (!GROUPING.has(n.type) || attempts.has(n.id))).map((n) => `${workflow.metadata.uid}/${n.id}`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `<prefix>-YYYY.MM` of a time, from its text: the month of the run's start. */
export function monthIndex(prefix: string, startedAt: string): string {
  return `${prefix}-${startedAt.slice(0, 4)}.${startedAt.slice(5, 7)}`;
}

/** Every expected `_id` → its index, for the runs that started in [fromMs, toMs). */
export function expectedDocuments(history: ArgoHistory, prefix: string, fromMs: number, toMs: number): Map<string, string> {
  const expected = new Map<string, string>();
  for (const { workflow } of history.workflows) {
    const startedAt = workflow.status?.startedAt;
    const start = startedAt ? Date.parse(startedAt) : NaN;
    if (!(start >= fromMs && start < toMs)) {
      continue;
    }
    const index = monthIndex(prefix, startedAt!);
    expected.set(workflow.metadata.uid!, index);
    for (const id of expectedNodeIds(workflow)) {
      expected.set(id, index);
    }
  }
  return expected;
}

export interface StoredDocument {
  index: string;
  id: string;
  source: Record<string, unknown>;
}

/** Every document of `<prefix>-*` (refreshed first), in _id order. */
export async function storedDocuments(client: Client, prefix: string, withSource = true): Promise<StoredDocument[]> {
  await client.indices.refresh({ index: `${prefix}-*`, allow_no_indices: true });
  const out: StoredDocument[] = [];
  let response = await client.search({
    index: `${prefix}-*`,
    allow_no_indices: true,
    scroll: '1m',
    size: 5000,
    _source: withSource,
    query: { match_all: {} },
  });
  while (response.hits.hits.length > 0) {
    for (const hit of response.hits.hits) {
      out.push({ index: hit._index, id: hit._id!, source: (hit._source ?? {}) as Record<string, unknown> });
    }
    response = await client.scroll({ scroll_id: response._scroll_id!, scroll: '1m' });
  }
  if (response._scroll_id) {
    await client.clearScroll({ scroll_id: response._scroll_id }, { ignore: [404] });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index.localeCompare(b.index)));
}

/** A document without the field that records when it was written. */
export function withoutCollectedAt(source: Record<string, unknown>): Record<string, unknown> {
  const { collected_at: _collectedAt, ...rest } = source;
  return rest;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The last JSON log line's fields (the summary). */
  summary: Record<string, unknown>;
}

/** Runs the collector in this process with JSON logs, capturing its output. */
export async function runCollector(args: string[], env: NodeJS.ProcessEnv = {}, signal = new AbortController().signal): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = { write: (text: string) => ((stdout += text), true), once: () => undefined } as unknown as NodeJS.WritableStream;
  const code = await runCollectorCli([...args, '--json-logs'], {
    env,
    stdout: out,
    writeErr: (text) => (stderr += text),
    isTty: false,
    signal,
  });
  const lines = stderr.trim().split('\n').filter((l) => l.startsWith('{'));
  const summary = lines.length ? (JSON.parse(lines[lines.length - 1]) as Record<string, unknown>) : {};
  return { code, stdout, stderr, summary };
}

/**
 * A running copy of a finished run, as Argo held it at `atMs`: nodes not yet started are absent, nodes
 * still running have no finish; the run itself is Running without finishedAt.
 */
export function runningCopy(workflow: Workflow, atMs: number): Workflow {
  const copy = structuredClone(workflow);
  const nodes = (copy.status!.nodes ?? {}) as Record<string, RawNode & { phase?: string; finishedAt?: string | null }>;
  for (const [id, node] of Object.entries(nodes)) {
    if (!node.startedAt || Date.parse(node.startedAt) > atMs) {
      delete nodes[id];
    } else if (!node.finishedAt || Date.parse(node.finishedAt) > atMs) {
      node.phase = 'Running';
      node.finishedAt = null;
    }
  }
  for (const node of Object.values(nodes)) {
    node.children = node.children?.filter((id) => id in nodes);
  }
  copy.metadata.labels = { ...copy.metadata.labels, 'workflows.argoproj.io/phase': 'Running', 'workflows.argoproj.io/completed': 'false' };
  delete copy.metadata.labels['workflows.argoproj.io/workflow-archiving-status'];
  copy.status = { ...copy.status, phase: 'Running', finishedAt: null };
  return copy;
}

/** The indices of one test file: index prefixes `<tag>-<name>-<stamp>` and a state index `<tag>-state-<stamp>`. */
export class CollectorTestIndices {
  readonly stateIndex: string;
  private readonly stamp = Date.now();
  private readonly prefixes: string[] = [];

  constructor(private readonly tag: string) {
    this.stateIndex = `${tag}-state-${this.stamp}`;
  }

  prefix(name: string): string {
    const p = `${this.tag}-${name}-${this.stamp}`;
    this.prefixes.push(p);
    return p;
  }

  /** Removes what the collectors wrote: `<prefix>-*` indices, their templates and policies, and the state index. */
  async remove(client: Client): Promise<void> {
    for (const p of this.prefixes) {
      await client.indices.delete({ index: `${p}-*`, allow_no_indices: true });
      await client.indices.deleteIndexTemplate({ name: p }, { ignore: [404] });
      await client.ilm.deleteLifecycle({ name: p }, { ignore: [400, 404] });
    }
    await client.indices.delete({ index: this.stateIndex }, { ignore: [404] });
  }
}

/** The options that point a collector at an Argo Server and at the test node's indices. */
export function targetArgs(argoUrl: string, indexPrefix: string, stateIndex: string): string[] {
  return ['--argo-url', argoUrl, '--es-url', elasticsearchUrl(), '--index-prefix', indexPrefix, '--state-index', stateIndex];
}

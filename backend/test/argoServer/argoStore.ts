import { gzipSync } from 'node:zlib';

import { LABELS, type CronWorkflow, type Workflow } from '../../argo/client/argoTypes';
import { loadCorpus } from './corpus';
import { matchesFilter, type ListFilter } from './listFilter';
import { byStartedAtDesc } from './listPages';
import { fnv32a } from './nodeIds';
import type { ArgoQuirks } from './versionQuirks';
import type { ArgoHistory } from './workflowHistory';

/**
 * What the test server knows: live Workflows (as Kubernetes holds them), archived rows (the full object as
 * the controller stored it), and CronWorkflows. Node storage quirks (compressed, offloaded) are applied when
 * an object is served, so one store serves every quirk.
 */
export class ArgoStore {
  readonly live: Workflow[] = [];
  readonly archive: Workflow[] = [];
  readonly cronWorkflows: CronWorkflow[] = [];
  private readonly compressed = new Map<string, string>();
  private readonly archiveRows = new WeakSet<Workflow>();
  private readonly liveByName = new ArrayIndex((w) => `${w.metadata.namespace}/${w.metadata.name}`);
  private readonly archiveByUid = new ArrayIndex((w) => w.metadata.uid ?? '');
  private readonly archiveJson = new WeakMap<Workflow, string>();
  private archiveViews = { rows: 0, views: new Map<string, Workflow[]>() };

  /** Adds a generated history: live, archive-only, or both (live with the Archived label). */
  addHistory(history: ArgoHistory): this {
    for (const { workflow, storage } of history.workflows) {
      if (storage !== 'archived') {
        this.live.push(workflow);
      }
      if (storage !== 'live') {
        const row = archivedCopy(workflow);
        this.archive.push(row);
        this.archiveRows.add(row);
      }
    }
    this.cronWorkflows.push(...history.cronWorkflows);
    return this;
  }

  /** Adds the real objects from backend/test/fixtures/argo/ as live objects. */
  addCorpus(dir?: string): this {
    const corpus = loadCorpus(dir);
    this.live.push(...corpus.workflows);
    this.cronWorkflows.push(...corpus.cronWorkflows);
    return this;
  }

  /**
   * Archive rows that pass the filter, newest start first. Remembered per filter (paging and the
   * time bounds aside from limit and continue) until a row is added: the archive is append-only, as
   * Argo's is, so a long walk over it does not filter and sort the whole archive for every page.
   */
  archiveMatching(filter: ListFilter): Workflow[] {
    const { limit, continueToken, showRemainingItemCount, ...rest } = filter;
    const key = JSON.stringify(rest);
    if (this.archiveViews.rows !== this.archive.length) {
      this.archiveViews = { rows: this.archive.length, views: new Map() };
    }
    let view = this.archiveViews.views.get(key);
    if (!view) {
      view = this.archive.filter((w) => matchesFilter(w, filter)).sort(byStartedAtDesc);
      this.archiveViews.views.set(key, view);
    }
    return view;
  }

  /** An archive row as JSON text, made once: rows never change once archived (see archiveMatching). */
  archivedJson(row: Workflow): string {
    let text = this.archiveJson.get(row);
    if (text === undefined) {
      text = JSON.stringify(row);
      this.archiveJson.set(row, text);
    }
    return text;
  }

  /** Whether the object is an archive row (not a live object). */
  isArchiveRow(workflow: Workflow): boolean {
    return this.archiveRows.has(workflow);
  }

  liveWorkflow(namespace: string, name: string): Workflow | undefined {
    return this.liveByName.find(this.live, `${namespace}/${name}`);
  }

  /** An archived row by uid, or else the newest (by startedAt) with that namespace and name. */
  archivedWorkflow(uid: string, namespace?: string, name?: string): Workflow | undefined {
    if (uid) {
      return this.archiveByUid.find(this.archive, uid);
    }
    return this.archive
      .filter((w) => w.metadata.namespace === namespace && w.metadata.name === name)
      .sort((a, b) => String(b.status?.startedAt).localeCompare(String(a.status?.startedAt)))[0];
  }

  /** How a live object's nodes are stored under the given quirks. */
  nodeStorage(workflow: Workflow, quirks: ArgoQuirks): 'inline' | 'compressed' | 'offloaded' {
    const hash = fnv32a(workflow.metadata.uid ?? '');
    if (!workflow.status?.nodes) {
      return 'inline';
    }
    if (quirks.offloadEvery > 0 && hash % quirks.offloadEvery === 0) {
      return 'offloaded';
    }
    return quirks.compressEvery > 0 && (hash >>> 8) % quirks.compressEvery === 0 ? 'compressed' : 'inline';
  }

  /** A live object as Kubernetes holds it: nodes inline, compressed, or offloaded (none). */
  stored(workflow: Workflow, quirks: ArgoQuirks, fillOffloaded: boolean): Workflow {
    if (this.isArchiveRow(workflow)) {
      return workflow;
    }
    const storage = this.nodeStorage(workflow, quirks);
    if (storage === 'inline' || (storage === 'offloaded' && fillOffloaded)) {
      return workflow;
    }
    const { nodes, ...status } = workflow.status!;
    if (storage === 'offloaded') {
      return { ...workflow, status: { ...status, offloadNodeStatusVersion: `fnv:${fnv32a(JSON.stringify(nodes))}` } };
    }
    const uid = workflow.metadata.uid!;
    if (!this.compressed.has(uid)) {
      this.compressed.set(uid, gzipSync(JSON.stringify(nodes)).toString('base64'));
    }
    return { ...workflow, status: { ...status, compressedNodes: this.compressed.get(uid) } };
  }
}

/**
 * A lookup into an array that tests change freely (push, splice, edit in place): a hit is used only when
 * the array still holds that object at that position under that key; anything else rebuilds the map
 * (the first match wins, as Array.find would). A key not present costs a rebuild, which only 404s pay.
 */
class ArrayIndex {
  private positions = new Map<string, number>();

  constructor(private readonly keyOf: (workflow: Workflow) => string) {}

  find(array: Workflow[], key: string): Workflow | undefined {
    const hit = this.lookup(array, key);
    if (hit) {
      return hit;
    }
    this.positions = new Map();
    array.forEach((workflow, i) => {
      const k = this.keyOf(workflow);
      if (!this.positions.has(k)) {
        this.positions.set(k, i);
      }
    });
    return this.lookup(array, key);
  }

  private lookup(array: Workflow[], key: string): Workflow | undefined {
    const i = this.positions.get(key);
    const workflow = i === undefined ? undefined : array[i];
    return workflow && this.keyOf(workflow) === key ? workflow : undefined;
  }
}

function archivedCopy(workflow: Workflow): Workflow {
  const labels = { ...workflow.metadata.labels, [LABELS.archivingStatus]: 'Persisted' };
  return { ...workflow, metadata: { ...workflow.metadata, labels } };
}

/** The archive list's row for a workflow: v3.4 minimal, v3.5.0–3.5.5 the full object, v3.5.6+ slim. */
export function archiveListItem(workflow: Workflow, shape: ArgoQuirks['archiveItems']): Workflow {
  const { metadata, spec, status } = workflow;
  if (shape === 'full') {
    return workflow;
  }
  if (shape === 'minimal') {
    return {
      metadata: {
        name: metadata.name,
        namespace: metadata.namespace,
        uid: metadata.uid,
        creationTimestamp: status?.startedAt ?? null,
      },
      spec: { arguments: {} },
      status: { phase: status?.phase, startedAt: status?.startedAt ?? null, finishedAt: status?.finishedAt ?? null },
    };
  }
  const optional = <T>(key: string, value: T | undefined) => (value ? { [key]: value } : {});
  return {
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      creationTimestamp: metadata.creationTimestamp,
      labels: metadata.labels,
      annotations: metadata.annotations ?? {},
    },
    spec: {
      arguments: (spec?.arguments as Record<string, unknown> | undefined) ?? {},
      ...optional('suspend', spec?.suspend),
    },
    status: {
      phase: status?.phase,
      startedAt: status?.startedAt ?? null,
      finishedAt: status?.finishedAt ?? null,
      ...optional('progress', status?.progress),
      ...optional('message', status?.message),
      ...optional('estimatedDuration', status?.estimatedDuration),
      resourcesDuration: status?.resourcesDuration ?? {},
    },
  };
}

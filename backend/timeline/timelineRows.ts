import { stepName } from '../../src/query/stepName';
import type { NodeDocument } from '../argo/extract/documents';
import { GROUPING_NODE_TYPES, NOT_RUN_PHASES } from '../argo/extract/nodeKinds';
import { retrySuffixStart } from '../argo/extract/retries';
import { criticalPath, type PathVertex } from './criticalPath';
import { podName } from './podName';

/** One executed step attempt of the timeline frame (docs/timeline.md). */
export interface TimelineRow {
  step: string;
  stepName: string;
  template: string;
  group: string;
  attempt: number | null;
  phase: string;
  startMs: number | null;
  endMs: number | null;
  durationS: number | null;
  critical: boolean;
  slackS: number | null;
  pod: string | null;
  host: string | null;
  message: string | null;
  cpu: number | null;
  memory: number | null;
  nodeId: string;
}

export interface TimelineRows {
  rows: TimelineRow[];
  /** Undefined when the documents carry no graph (before document model 3) or nothing ran. */
  path?: { seconds: number; steps: number };
  /** Whether the documents carry the step graph (node.after). */
  hasGraph: boolean;
}

const time = (text: string | undefined) => {
  const ms = text === undefined ? NaN : Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
};

/** The attempt number when the node is an attempt of a retried step (`name(n)`), else null. */
function attemptOf(doc: NodeDocument): number | null {
  const name = doc.node.name;
  const start = retrySuffixStart(name);
  return start >= 0 && Number(name.slice(start + 1, -1)) === doc.node.retry_attempt ? doc.node.retry_attempt : null;
}

/** Documents written by hand or damaged may lack what a row needs: they are left out, not a failure. */
function readable(doc: NodeDocument): boolean {
  const node = doc?.node as Partial<NodeDocument['node']> | undefined;
  return typeof node === 'object' && node !== null && typeof node.id === 'string' && typeof node.name === 'string' && typeof node.type === 'string' && typeof node.display_name === 'string';
}

function rowOf(doc: NodeDocument, runName: string, nowMs: number): TimelineRow {
  const node = doc.node;
  const attempt = attemptOf(doc);
  const ran = doc.phase === undefined || !NOT_RUN_PHASES.has(doc.phase);
  const startMs = ran ? time(doc['@timestamp']) : null;
  const endMs = ran ? time(doc.end) : null;
  return {
    step: attempt === null ? node.display_name : `${node.display_name}(${attempt})`,
    stepName: node.step ?? stepName(node.display_name),
    template: node.template ?? '',
    group: node.group ?? runName,
    attempt,
    phase: doc.phase ?? (endMs === null ? 'Running' : ''),
    startMs,
    endMs,
    durationS: startMs === null ? null : Math.max(0, (endMs ?? nowMs) - startMs) / 1000,
    critical: false,
    slackS: null,
    pod: node.type === 'Pod' ? podName(runName, node.name, node.template) : null,
    host: node.host ?? null,
    message: doc.message ?? null,
    cpu: doc.resources?.cpu_core_seconds ?? null,
    memory: doc.resources?.memory_mib_seconds ?? null,
    nodeId: node.id,
  };
}

/** The path's vertices: attempts (timed when they ran; running ones end now) and the junctions they feed. */
function vertices(docs: NodeDocument[], rows: TimelineRow[], nowMs: number): PathVertex[] {
  const junctions = new Map<string, string[]>();
  const out: PathVertex[] = docs.map((doc, i) => {
    for (const junction of doc.node.feeds ?? []) {
      const members = junctions.get(junction);
      members ? members.push(doc.node.id) : junctions.set(junction, [doc.node.id]);
    }
    const { startMs, endMs } = rows[i];
    return startMs === null ? { id: doc.node.id, after: doc.node.after ?? [] } : { id: doc.node.id, startMs, endMs: endMs ?? Math.max(nowMs, startMs), after: doc.node.after ?? [] };
  });
  for (const [id, after] of junctions) {
    out.push({ id, after });
  }
  return out;
}

/**
 * The rows of one run's node documents, in start order, with the critical path and slack when the
 * documents carry the step graph (and `withPath`: every step was read). `nowMs` ends running attempts.
 */
export function timelineRows(all: NodeDocument[], run: { name: string; startMs?: number }, nowMs: number, withPath = true): TimelineRows {
  const docs = all.filter((doc) => readable(doc) && !GROUPING_NODE_TYPES.has(doc.node.type));
  const rows = docs.map((doc) => rowOf(doc, run.name, nowMs));
  const hasGraph = docs.length > 0 && docs.every((doc) => Array.isArray(doc.node.after));
  let path: TimelineRows['path'];
  if (hasGraph && withPath) {
    const starts = rows.flatMap((r) => (r.startMs === null ? [] : [r.startMs]));
    const runStart = run.startMs ?? starts.reduce((min, start) => Math.min(min, start), nowMs);
    const answer = criticalPath(vertices(docs, rows, nowMs), runStart);
    if (answer !== undefined) {
      const byId = new Map(rows.map((row) => [row.nodeId, row]));
      for (const row of rows) {
        const slack = answer.slackMs.get(row.nodeId);
        row.slackS = slack === undefined ? null : slack / 1000;
      }
      let seconds = 0;
      for (const id of answer.path) {
        const row = byId.get(id)!;
        row.critical = true;
        seconds += row.durationS ?? 0;
      }
      path = { seconds, steps: answer.path.length };
    }
  }
  rows.sort((a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || a.nodeId.localeCompare(b.nodeId));
  return { rows, path, hasGraph };
}

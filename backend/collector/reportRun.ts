import { ArgoRequestError } from '../argo/client/argoErrors';
import type { Workflow } from '../argo/client/argoTypes';
import { isObject, type JsonObject } from '../argo/extract/argoFields';
import { parseArgoTime } from '../argo/extract/argoTime';
import type { WorkflowDocument } from '../argo/extract/documents';
import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { nodeStatusMap } from '../argo/extract/nodeStatusMap';
import { Problems } from '../argo/extract/problems';
import { writeOperations } from './collectRange';
import { sync, type CommandContext } from './collectorCommands';
import type { FinalStatus } from './collectorOptions';
import { operationsOf, type IndexOperation } from './documentIds';

/**
 * `collector report`: what a workflow's exit handler runs to report its own run (docs/collector.md,
 * "Self-reporting"). While the exit handler runs, Argo still holds the workflow as Running without a
 * finish; only the exit handler knows the outcome (`{{workflow.status}}`). So the report
 *   1. syncs the namespace from its checkpoint (earlier runs, and reports that were missed), then
 *   2. reads this one workflow and writes it as finished: the run document with phase = --status and
 *      the end of reportEnd(), and the documents of its finished nodes. Nodes still running (the exit
 *      handler's own) are not written, and the running documents step 1 may just have written for them
 *      are deleted by id; the next sync, which still reads this run (the checkpoint stays at its start),
 *      writes them and the run with Argo's final values under the same ids.
 * A workflow Argo already holds as finished is written as it is, keeping its own phase and finish.
 */

/** The run documents a report writes, and the node documents it leaves out. */
export interface ReportedRun {
  run: WorkflowDocument;
  /** The run document first, then the documents of the nodes that have finished. */
  operations: IndexOperation[];
  /** Where documents of nodes still running would be: a report deletes what a sync wrote there. */
  stillRunning: Array<{ index: string; id: string }>;
  /** Argo already holds the run as finished: its own phase and finish are kept, --status is not used. */
  alreadyFinished: boolean;
}

const SECOND = 1000;

/** `2026-01-31T10:00:05Z`: Argo's form of a time, whole seconds. */
function argoTime(ms: number): string {
  return new Date(Math.floor(ms / SECOND) * SECOND).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const timeOf = (value: unknown): number => (typeof value === 'string' ? parseArgoTime(value) : NaN);

/**
 * Whether a node belongs to the workflow's exit handler: Argo names that node `<workflow>.onExit`
 * (for `spec.onExit` and `spec.hooks.exit` alike) and every node under it `<workflow>.onExit` followed
 * by `[`, `.` or `(`.
 */
export function inExitHandler(nodeName: unknown, workflowName: string): boolean {
  const exit = `${workflowName}.onExit`;
  if (typeof nodeName !== 'string' || !nodeName.startsWith(exit)) {
    return false;
  }
  const next = nodeName[exit.length];
  return next === undefined || next === '[' || next === '.' || next === '(';
}

/**
 * The end a report gives a run Argo still holds as running: the latest `finishedAt` among its nodes that
 * are not part of the exit handler (the main work's end, normally the entry node's finish). When no
 * such node has finished, or the latest finished before the run started (nodes kept from before a manual
 * retry), the time of the report. Whole seconds, like Argo's own times, and never before the run's start.
 */
export function reportEnd(workflow: Workflow, reportedAtMs: number): string {
  const name = workflow?.metadata?.name ?? '';
  const status = workflow?.status as JsonObject | undefined;
  const nodes = isObject(status) ? nodeStatusMap(status, new Problems()) : undefined;
  let latest: { ms: number; text: string } | undefined;
  for (const id in nodes) {
    const node = nodes[id];
    if (!isObject(node) || inExitHandler(node.name, name)) {
      continue;
    }
    const ms = timeOf(node.finishedAt);
    if (!Number.isNaN(ms) && (latest === undefined || ms > latest.ms)) {
      latest = { ms, text: node.finishedAt as string };
    }
  }
  const startMs = timeOf(status?.startedAt);
  if (latest !== undefined && !(latest.ms < startMs)) {
    return latest.text;
  }
  const reportedMs = Math.floor(reportedAtMs / SECOND) * SECOND;
  return argoTime(Number.isNaN(startMs) ? reportedMs : Math.max(reportedMs, startMs));
}

/**
 * The documents a report writes for one workflow object, by extractWorkflow() of the object with the
 * outcome filled in (status.phase = --status, status.finishedAt = reportEnd()), so the run and node
 * documents are exactly what a sync writes once Argo holds those values. Undefined when the object
 * gives no run document (then nothing of it is written; the problems say why).
 */
export function reportedRun(
  workflow: Workflow,
  status: FinalStatus,
  reportedAtMs: number,
  indexPrefix: string
): { reported?: ReportedRun; problems: string[] } {
  const alreadyFinished = !Number.isNaN(timeOf(workflow?.status?.finishedAt));
  const finalView: Workflow = alreadyFinished || !isObject(workflow)
    ? workflow
    : { ...workflow, status: { ...workflow.status, phase: status, finishedAt: reportEnd(workflow, reportedAtMs) } };
  const { workflow: run, nodes, problems } = extractWorkflow(finalView, { collectedAt: new Date(reportedAtMs) });
  if (!run) {
    return { problems };
  }
  const operations: IndexOperation[] = [];
  const stillRunning: ReportedRun['stillRunning'] = [];
  for (const operation of operationsOf(indexPrefix, run, nodes)) {
    if (alreadyFinished || operation.document.end !== undefined || operation.document === run) {
      operations.push(operation);
    } else {
      stillRunning.push({ index: operation.index, id: operation.id });
    }
  }
  return { reported: { run, operations, stillRunning, alreadyFinished }, problems };
}

/** The report command: a sync of the namespace, then this run written as finished. */
export async function report(context: CommandContext): Promise<void> {
  await sync(context);
  await reportThisRun(context);
}

async function reportThisRun(context: CommandContext): Promise<void> {
  const { argo, options, log, stats, sink, signal } = context;
  const target = options.report!;
  const namespace = options.namespaces[0];
  const label = `${namespace}/${target.workflow}`;
  const workflow = await argo.getWorkflow(namespace, target.workflow, { signal }, { uid: target.uid }).catch((error: unknown) => {
    if (error instanceof ArgoRequestError && error.kind === 'notFound') {
      const check = target.uid === undefined ? '--namespace and --workflow' : '--namespace, --workflow and --uid';
      const which = target.uid === undefined ? '' : ` (--uid ${target.uid})`;
      throw new Error(`workflow ${label}${which} is not on the Argo Server (${error.message}): check ${check}; the run is not reported`);
    }
    throw error;
  });
  stats.workflowsRead++;
  const uid = workflow?.metadata?.uid;
  if (target.uid !== undefined && uid !== target.uid) {
    throw new Error(
      `the Argo Server's workflow ${label} has uid ${uid ?? '(none)'}, not --uid ${target.uid}: another run of that name, so it is not reported`
    );
  }
  const reportedAtMs = context.now?.() ?? Date.now();
  const { reported, problems } = reportedRun(workflow, target.status, reportedAtMs, options.indexPrefix);
  if (!reported) {
    stats.workflowsSkipped++;
    throw new Error(`workflow ${label} has no usable run document (${problems.join('; ')}); nothing of it was written`);
  }
  const { run, operations, stillRunning, alreadyFinished } = reported;
  if (alreadyFinished && run.phase !== target.status) {
    log.warn(`workflow ${label} has already finished as ${run.phase ?? 'no phase'}: its own phase and finish are written, not --status ${target.status}`, {
      uid,
    });
  }
  await writeOperations(oneBatch(operations), context);
  if (sink.kind === 'dryRun') {
    sink.out.write(stillRunning.map(({ index, id }) => `${JSON.stringify({ delete: { _index: index, _id: id } })}\n`).join(''));
  } else {
    for (const { index, id } of stillRunning) {
      await sink.client.delete({ index, id }, { ignore: [404], signal });
    }
  }
  log.info(`reported workflow ${label} as ${run.phase ?? 'no phase'}`, {
    uid,
    end: run.end,
    duration_ms: run.duration_ms,
    nodes_written: operations.length - 1,
    nodes_still_running: stillRunning.length,
    already_finished: alreadyFinished,
  });
}

/** The run's operations as the one batch of one run. */
async function* oneBatch<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}

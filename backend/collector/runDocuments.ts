import type { ArgoClient } from '../argo/client/argoClient';
import { extractWorkflow } from '../argo/extract/extractWorkflow';
import type { CollectorLog } from './collectorLog';
import type { CollectorStats } from './collectorStats';
import { operationsOf, type IndexOperation } from './documentIds';

/** Runs of one namespace that started in [from, to] (inclusive, whole seconds), as the Argo Server lists them. */
export interface RunRange {
  namespace: string;
  from: Date;
  to?: Date;
}

/** What a walk over a range learnt besides its documents. */
export interface RangeScan {
  /** Start (ms) of the earliest run still running: a sync must read from there again. */
  earliestUnfinishedMs?: number;
}

/**
 * The documents of every run in the range, one batch per run (its run document first, then its nodes),
 * page by page (one page of workflows with nodes in memory at a time). A run whose object gives no run
 * document is skipped whole and counted, never written in part.
 * Throws when the Argo Server fails or the list ends incomplete, so no checkpoint is written past it.
 */
export async function* runDocuments(
  argo: ArgoClient,
  range: RunRange,
  context: { indexPrefix: string; stats: CollectorStats; log: CollectorLog; scan: RangeScan; signal?: AbortSignal }
): AsyncGenerator<IndexOperation[]> {
  const { stats, log, scan } = context;
  const pages = argo.listWorkflowPagesWithNodes(
    { namespace: range.namespace, startedAfter: range.from, startedBefore: range.to, includeArchive: true },
    { signal: context.signal }
  );
  for await (const page of readAhead(pages)) {
    const collectedAt = new Date();
    for (const item of page.items) {
      stats.workflowsRead++;
      const { workflow, nodes, problems } = extractWorkflow(item, { collectedAt });
      if (!workflow) {
        stats.workflowsSkipped++;
        log.warn('skipped a workflow that has no usable run document; none of its documents is written', {
          namespace: item?.metadata?.namespace,
          name: item?.metadata?.name,
          uid: item?.metadata?.uid,
          problems: problems.join('; '),
        });
        continue;
      }
      if (!workflow.end) {
        stats.workflowsRunning++;
        const started = Date.parse(workflow['@timestamp']);
        scan.earliestUnfinishedMs = Math.min(scan.earliestUnfinishedMs ?? started, started);
      }
      yield operationsOf(context.indexPrefix, workflow, nodes);
    }
  }
  const outcome = pages.outcome;
  if (outcome && !outcome.complete) {
    throw new Error(`the Argo Server's list of workflows ended incomplete (${outcome.incompleteReason ?? 'no reason given'}); the range will be read again`);
  }
}

/** Asks for the next page as soon as one arrives, so the Argo Server works while this page is written. */
export async function* readAhead<T>(pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        return;
      }
      next = iterator.next();
      // Its failure is the reader's, when it asks for that page: not an unhandled rejection while the
      // reader still holds this one (or has given the reading up).
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // Stopped early (an error downstream): let the pending request settle, then end the list walk.
    await next.catch(() => undefined);
    await iterator.return?.();
  }
}

import type { Client } from '@elastic/elasticsearch';

import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { BulkPacer } from '../collector/bulkPacer';
import { bulkWrite } from '../collector/bulkWrite';
import type { CollectorLog } from '../collector/collectorLog';
import { CollectorStats } from '../collector/collectorStats';
import { operationsOf, type IndexOperation } from '../collector/documentIds';
import { pacedClient } from '../collector/elasticsearchWriter';
import { prepareIndices } from '../collector/templateCheck';
import { COLLECTOR_DEFAULTS } from '../collector/usage';
import { DEMO_LABEL } from './catalog';
import { writeDemoHeartbeat } from './demoHeartbeat';
import type { Workflow } from '../argo/client/argoTypes';
import type { DemoHistory } from './demoHistory';

/** Where the demo writes: its documents under `<indexPrefix>-*`, its heartbeat in `stateIndex`. */
export interface DemoTarget {
  indexPrefix: string;
  stateIndex: string;
}

export interface DemoWriteSummary {
  runs: number;
  documents: number;
  /** Documents of an earlier demo load that this one no longer holds, deleted. */
  replaced: number;
  seconds: number;
}

/**
 * The collector's own path from Argo objects to Elasticsearch: the extraction (collected_at = the
 * history's end, so a load is reproducible), the collector's ids and indices, its paced bulk writer.
 */
async function* operations(workflows: Workflow[], collectedAtMs: number, indexPrefix: string, stats: CollectorStats): AsyncGenerator<IndexOperation[]> {
  const collectedAt = new Date(collectedAtMs);
  for (const object of workflows) {
    stats.workflowsRead++;
    const { workflow, nodes } = extractWorkflow(object, { collectedAt });
    if (!workflow) {
      stats.workflowsSkipped++;
      continue;
    }
    if (!workflow.end) {
      stats.workflowsRunning++;
    }
    yield operationsOf(indexPrefix, workflow, nodes);
  }
}

/**
 * Writes the history (after installing or checking the index template, as the collector does), deletes
 * earlier loads' documents, then beats the demo collector's heartbeat at the history's end.
 */
export async function writeDemoHistory(es: Client, history: DemoHistory, target: DemoTarget, log: CollectorLog): Promise<DemoWriteSummary> {
  const template = await prepareIndices(es, target.indexPrefix, true);
  log.info(`index template ${template}`, { prefix: target.indexPrefix });
  const summary = await writeDemoRuns(es, history.workflows, history.endMs, target.indexPrefix, log);
  const replaced = await deleteEarlierLoads(es, target.indexPrefix, history.endMs);
  await writeDemoHeartbeat(es, target.stateIndex, target.indexPrefix, history.endMs);
  return { ...summary, replaced };
}

/**
 * Writes runs with collected_at = collectedAtMs, deleting nothing: a live advance writes its new and
 * changed runs so (ids from the runs: a run written again replaces itself, never duplicates).
 */
export async function writeDemoRuns(es: Client, workflows: Workflow[], collectedAtMs: number, indexPrefix: string, log: CollectorLog): Promise<DemoWriteSummary> {
  const stats = new CollectorStats();
  const pacer = new BulkPacer({ flushBytes: COLLECTOR_DEFAULTS.flushBytes, concurrency: 2 });
  const client = pacedClient(es, pacer, (count) => {
    stats.documentsWritten += count;
    log.progress(stats);
  });
  await bulkWrite(client, operations(workflows, collectedAtMs, indexPrefix, stats), { pacer, stats, log });
  log.done();
  if (stats.documentsRejected > 0 || stats.workflowsSkipped > 0) {
    throw new Error(`Elasticsearch rejected ${stats.documentsRejected} documents and ${stats.workflowsSkipped} runs gave none; see the errors above`);
  }
  return { runs: stats.workflowsRead, documents: stats.documentsWritten, replaced: 0, seconds: (Date.now() - stats.startedMs) / 1000 };
}

/**
 * A load for another --end (or seed) writes other runs: the demo documents this load did not write
 * (their collected_at differs: an earlier load's end, or the times an earlier live demo advanced to)
 * are deleted, so the indices hold one demo history, never two. Only a load deletes: a live advance
 * writes after it, with later collected_at, and deletes nothing. Read with a
 * scroll and deleted by id in bulk (delete-by-query is a module that not every node has).
 */
async function deleteEarlierLoads(es: Client, indexPrefix: string, endMs: number): Promise<number> {
  await es.indices.refresh({ index: `${indexPrefix}-*`, allow_no_indices: true });
  const query = {
    bool: {
      filter: [{ term: { [`labels.${DEMO_LABEL.key}`]: DEMO_LABEL.value } }],
      must_not: [{ term: { collected_at: new Date(endMs).toISOString() } }],
    },
  };
  let deleted = 0;
  for await (const page of es.helpers.scrollSearch({ index: `${indexPrefix}-*`, allow_no_indices: true, size: 5_000, _source: false, query })) {
    const hits = page.body.hits.hits;
    if (hits.length > 0) {
      await es.bulk({ refresh: false, operations: hits.map((hit) => ({ delete: { _index: hit._index, _id: hit._id! } })) });
      deleted += hits.length;
    }
  }
  await es.indices.refresh({ index: `${indexPrefix}-*`, allow_no_indices: true });
  return deleted;
}

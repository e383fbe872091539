import type { Client } from '@elastic/elasticsearch';

import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { installIndexTemplate } from '../elasticsearch/installIndexTemplate';
import { largeRun } from '../timeline/timelineTestKit';

/**
 * The timeline's run for the query benchmark: the documents the collector extracts from a 9,000-item
 * run with retries (the integration test's run), in an index of their own, indexed once and reused.
 */
/** Bump the suffix when the documents change, so an old index is not reused. */
export const BENCH_TIMELINE_INDEX = 'argoperf-bench-timeline-v1';
export const BENCH_TIMELINE_NAMESPACE = 'ml-training';
const START = Date.UTC(2026, 10, 3, 8);
const run = () => largeRun('large-benchmark-rk672', BENCH_TIMELINE_NAMESPACE, 9000, START);

export interface BenchTimeline {
  run: string;
  fromMs: number;
  toMs: number;
  documents: number;
}

export async function ensureBenchTimeline(client: Client): Promise<BenchTimeline> {
  const { workflow } = run();
  const answer = { run: workflow.metadata.name!, fromMs: START - 3_600_000, toMs: START + 86_400_000 };
  const count = async () => (await client.count({ index: BENCH_TIMELINE_INDEX })).count;
  if (await client.indices.exists({ index: BENCH_TIMELINE_INDEX })) {
    const mapping = await client.indices.getMapping({ index: BENCH_TIMELINE_INDEX });
    if (mapping[BENCH_TIMELINE_INDEX]?.mappings._meta?.complete) {
      return { ...answer, documents: await count() };
    }
    await client.indices.delete({ index: BENCH_TIMELINE_INDEX });
  }
  await installIndexTemplate(client, { name: BENCH_TIMELINE_INDEX, indexPatterns: [BENCH_TIMELINE_INDEX] }, { manageRetention: false });
  try {
    await client.indices.create({ index: BENCH_TIMELINE_INDEX, settings: { number_of_replicas: 0 } });
  } finally {
    await client.indices.deleteIndexTemplate({ name: BENCH_TIMELINE_INDEX });
  }
  const extracted = extractWorkflow(workflow);
  const documents = [extracted.workflow!, ...extracted.nodes];
  const result = await client.helpers.bulk({ datasource: documents as unknown as Array<Record<string, unknown>>, onDocument: () => ({ index: { _index: BENCH_TIMELINE_INDEX } }) });
  if (result.failed > 0) {
    throw new Error(`${result.failed} timeline documents failed to index`);
  }
  await client.indices.refresh({ index: BENCH_TIMELINE_INDEX });
  await client.indices.forcemerge({ index: BENCH_TIMELINE_INDEX, max_num_segments: 1 });
  const meta = (await client.indices.getMapping({ index: BENCH_TIMELINE_INDEX }))[BENCH_TIMELINE_INDEX]?.mappings._meta;
  await client.indices.putMapping({ index: BENCH_TIMELINE_INDEX, _meta: { ...meta, complete: true } });
  return { ...answer, documents: await count() };
}

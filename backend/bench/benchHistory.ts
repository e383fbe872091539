import { Readable } from 'node:stream';

import type { Client } from '@elastic/elasticsearch';

import { installIndexTemplate } from '../elasticsearch/installIndexTemplate';
import { seededRandom } from '../test/history';

/**
 * A large history for the query benchmark: 200 workflows in 10 namespaces, each run every few hours
 * over 30 days with 5–40 steps, about 1,000,000 node documents plus the workflow documents.
 */
/** Bump the suffix when the documents change, so an old index is not reused. */
export const BENCH_INDEX = 'argoperf-bench-history-v2';
const DAY = 24 * 3_600_000;

export interface BenchHistory {
  fromMs: number;
  toMs: number;
  nodeDocs: number;
  workflowDocs: number;
}

function* documents(fromMs: number, toMs: number, targetNodes: number): Generator<Record<string, unknown>> {
  const random = seededRandom(7);
  const workflows = Array.from({ length: 200 }, (_, i) => ({
    name: `pipeline-${i}`,
    namespace: `team-${i % 10}`,
    cron: i % 3 === 0 ? undefined : `pipeline-${i}`,
    steps: 5 + Math.floor(random() * 36),
    baseSeconds: 30 + Math.floor(random() * 1800),
  }));
  const stepsPerRound = workflows.reduce((sum, w) => sum + w.steps, 0);
  const rounds = Math.ceil(targetNodes / stepsPerRound);
  const every = (toMs - fromMs) / rounds;
  for (let round = 0; round < rounds; round++) {
    for (const wf of workflows) {
      const start = fromMs + round * every + Math.floor(random() * every * 0.5);
      const uid = `${wf.name}-${round}`;
      let cursor = start;
      const phase = random() < 0.08 ? 'Failed' : 'Succeeded';
      let cpu = 0;
      let memory = 0;
      for (let step = 0; step < wf.steps; step++) {
        const ms = Math.round(((wf.baseSeconds * 1000) / wf.steps) * (0.5 + random()));
        const resources = { cpu_core_seconds: Math.round((ms / 1000) * (0.5 + random())), memory_mib_seconds: Math.round((ms / 1000) * 512 * (0.5 + random())) };
        cpu += resources.cpu_core_seconds;
        memory += resources.memory_mib_seconds;
        yield {
          doc_kind: 'node',
          '@timestamp': new Date(cursor).toISOString(),
          end: new Date(cursor + ms).toISOString(),
          duration_ms: ms,
          phase: step === wf.steps - 1 ? phase : 'Succeeded',
          namespace: wf.namespace,
          workflow: { name: wf.name, uid, template: wf.name, cron: wf.cron },
          node: { id: `${uid}-${step}`, name: `${uid}.step-${step}`, display_name: `step-${step}`, template: `step-${step % 8}`, type: 'Pod', retry_attempt: 0 },
          labels: { team: wf.namespace },
          resources,
        };
        cursor += ms;
      }
      yield {
        doc_kind: 'workflow',
        '@timestamp': new Date(start).toISOString(),
        end: new Date(cursor).toISOString(),
        duration_ms: cursor - start,
        phase,
        namespace: wf.namespace,
        workflow: { name: wf.name, uid, template: wf.name, cron: wf.cron },
        labels: { team: wf.namespace },
        resources: { cpu_core_seconds: cpu, memory_mib_seconds: memory },
        metrics: { rows_processed: Math.round((cursor - start) / 10) },
      };
    }
  }
}

/** Indexes the history once; later runs find the index complete and reuse it. */
export async function ensureBenchHistory(client: Client, targetNodes = 1_000_000): Promise<BenchHistory> {
  const toMs = Date.UTC(2026, 9, 31);
  const fromMs = toMs - 30 * DAY;
  const count = async (kind: string) => (await client.count({ index: BENCH_INDEX, query: { term: { doc_kind: kind } } })).count;
  if (await client.indices.exists({ index: BENCH_INDEX })) {
    // reused only when made complete for the same size (the size is noted in the mapping's _meta)
    const mapping = await client.indices.getMapping({ index: BENCH_INDEX });
    if (mapping[BENCH_INDEX]?.mappings._meta?.complete_for_target_nodes === targetNodes) {
      return { fromMs, toMs, nodeDocs: await count('node'), workflowDocs: await count('workflow') };
    }
    await client.indices.delete({ index: BENCH_INDEX });
  }
  await installIndexTemplate(client, { name: BENCH_INDEX, indexPatterns: [BENCH_INDEX] }, { manageRetention: false });
  await client.indices.create({ index: BENCH_INDEX, settings: { number_of_replicas: 0, refresh_interval: '-1' } });
  await client.indices.deleteIndexTemplate({ name: BENCH_INDEX });
  const started = Date.now();
  const result = await client.helpers.bulk({
    datasource: Readable.from(documents(fromMs, toMs, targetNodes)),
    onDocument: () => ({ index: { _index: BENCH_INDEX } }),
    flushBytes: 4_000_000,
    concurrency: 2,
  });
  if (result.failed > 0) {
    throw new Error(`${result.failed} documents failed to index`);
  }
  await client.indices.putSettings({ index: BENCH_INDEX, settings: { refresh_interval: '1s' } });
  await client.indices.refresh({ index: BENCH_INDEX });
  await client.indices.forcemerge({ index: BENCH_INDEX, max_num_segments: 1 });
  const meta = (await client.indices.getMapping({ index: BENCH_INDEX }))[BENCH_INDEX]?.mappings._meta;
  await client.indices.putMapping({ index: BENCH_INDEX, _meta: { ...meta, complete_for_target_nodes: targetNodes } });
  process.stderr.write(`indexed ${result.successful} documents in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { fromMs, toMs, nodeDocs: await count('node'), workflowDocs: await count('workflow') };
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Client } from '@elastic/elasticsearch';

import { queryData } from '../handlers/queryData';
import { createHistoryIndex, elasticsearchUrl } from '../test/elasticsearch';
import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { generateHistory, type HistoryDoc } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';

/**
 * Golden frames per query type: every query type answers a fixed history on the real Elasticsearch
 * node, and its Arrow bytes must equal testdata/<case>-<n>.arrow. The Go host check decodes the same
 * files with Grafana's SDK and checks each case's dataplane kind. UPDATE_GOLDEN=1 rewrites them.
 */
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 24 * HOUR;
const INDEX = 'argoperf-golden-frames';
const TESTDATA = join(__dirname, 'testdata');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

export const GOLDEN_CASES: Record<string, object> = {
  durations: { queryType: 'durations', groupBy: ['workflow'], stats: ['p95', 'max', 'count'] },
  'durations-tasks': { queryType: 'durations', level: 'node', groupBy: ['workflow', 'task'], stats: ['avg'], limit: 3 },
  outcomes: { queryType: 'outcomes', groupBy: ['namespace'] },
  'outcomes-reasons': { queryType: 'outcomes', level: 'node', view: 'reasons', groupBy: ['workflow'] },
  heatmap: { queryType: 'heatmap', level: 'node' },
  runs: { queryType: 'runs', limit: 10 },
  resources: { queryType: 'resources', level: 'node', groupBy: ['task'], resources: ['cpu', 'avg_cores', 'avg_memory'], limit: 2 },
  metrics: { queryType: 'metrics', metric: 'images_processed', aggregation: 'max', groupBy: ['workflow'] },
  baseline: { queryType: 'baseline', groupBy: ['workflow'], stat: 'p95', currentMinutes: 360 },
  timeline: { queryType: 'timeline', run: 'reproduce-bug-9tpfr', filters: { namespaces: ['golden'] } },
};

/**
 * The run of the timeline case: a real Argo object (a loop of retried tasks), extracted as the collector
 * does. It ran in 2020, outside every other case's time range, so their answers do not change.
 */
function timelineRun(): HistoryDoc[] {
  const workflow = JSON.parse(readFileSync(join(__dirname, '../test/fixtures/argo/workflows/dag_test_L2462_reproduce-bug-9tpfr.json'), 'utf8'));
  workflow.metadata = { ...workflow.metadata, namespace: 'golden', uid: 'golden-timeline' };
  const { workflow: run, nodes } = extractWorkflow(workflow);
  return [run!, ...nodes] as unknown as HistoryDoc[];
}

/** testdata/<name>-<n>.arrow, and not the files of a case whose name starts with this one. */
function goldenFiles(name: string): string[] {
  return existsSync(TESTDATA) ? readdirSync(TESTDATA).filter((file) => new RegExp(`^${name}-\\d+\\.arrow$`).test(file)) : [];
}

let client: Client;
beforeAll(async () => {
  const es = await import('@elastic/elasticsearch');
  const admin = new es.Client({ node: elasticsearchUrl() });
  await admin.indices.delete({ index: INDEX, ignore_unavailable: true });
  await admin.close();
  client = await createHistoryIndex(INDEX, [...generateHistory(FROM, TO, 7), ...timelineRun()]);
});
afterAll(async () => {
  await client.indices.delete({ index: INDEX });
  await client.close();
});

describe('golden frames per query type', () => {
  it.each(Object.keys(GOLDEN_CASES))('%s answers the golden bytes', async (name) => {
    const query = { ...dataQuery('A', GOLDEN_CASES[name], { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: 6 * HOUR };
    const answer = (
      await queryData(
        { pluginContext: pluginContext({ elasticsearch: { url: elasticsearchUrl(), index: INDEX } }), headers: {}, queries: [query] },
        new AbortController().signal
      )
    ).responses.A;
    expect(answer.error).toBeUndefined();
    const frames = answer.frames!.map((bytes) => Buffer.from(bytes));
    if (UPDATE) {
      if (!existsSync(TESTDATA)) {
        mkdirSync(TESTDATA);
      }
      goldenFiles(name).forEach((file) => rmSync(join(TESTDATA, file)));
      frames.forEach((bytes, i) => writeFileSync(join(TESTDATA, `${name}-${i}.arrow`), bytes));
    }
    const golden = goldenFiles(name);
    expect(frames).toHaveLength(golden.length);
    frames.forEach((bytes, i) => expect(bytes.equals(readFileSync(join(TESTDATA, `${name}-${i}.arrow`)))).toBe(true));
  });
});

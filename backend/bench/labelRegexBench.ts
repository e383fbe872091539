import { Readable } from 'node:stream';

import { Client } from '@elastic/elasticsearch';

import { installIndexTemplate } from '../elasticsearch/installIndexTemplate';
import { queryData } from '../handlers/queryData';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { seededRandom } from '../test/history';

/**
 * What a regular expression on a label (a flattened key: values listed first, then a terms filter)
 * costs against the same filter written as =| and against no filter, on 1,000,000 documents over 30
 * days: labels team (10 values), owner (300) and run (one per run, 50,000). QueryData in process over
 * 30 days and over the last day, request cache off, interleaved runs, medians.
 *
 *   ES_URL=... node scripts/run-ts.mjs backend/bench/labelRegexBench.ts [runs]
 */
const RUNS = Number(process.argv[2] ?? 11);
const INDEX = 'argoperf-bench-labels-v1';
const DAY = 86_400_000;
const TO = Date.UTC(2026, 9, 31);
const FROM = TO - 30 * DAY;
const WORKFLOW_RUNS = 50_000;
const STEPS = 19;

function* documents(): Generator<Record<string, unknown>> {
  const random = seededRandom(11);
  for (let run = 0; run < WORKFLOW_RUNS; run++) {
    const start = FROM + Math.floor((run / WORKFLOW_RUNS) * 30 * DAY);
    const name = `pipeline-${run % 200}`;
    const uid = `run-${run}`;
    const labels = { team: `team-${run % 10}`, owner: `owner-${(run * 7) % 300}`, run: uid };
    const common = { namespace: `ns-${run % 10}`, workflow: { name: `${name}-${run}`, uid, template: name }, labels };
    let cursor = start;
    for (let step = 0; step < STEPS; step++) {
      const ms = 1000 + Math.floor(random() * 60_000);
      yield { ...common, doc_kind: 'node', '@timestamp': new Date(cursor).toISOString(), duration_ms: ms, phase: 'Succeeded', node: { id: `${uid}-${step}`, name: `${uid}.s${step}`, display_name: `s${step}`, template: `s${step}`, type: 'Pod' } };
      cursor += ms;
    }
    yield { ...common, doc_kind: 'workflow', '@timestamp': new Date(start).toISOString(), duration_ms: cursor - start, phase: random() < 0.1 ? 'Failed' : 'Succeeded' };
  }
}

async function ensureIndex(client: Client): Promise<void> {
  if (await client.indices.exists({ index: INDEX })) {
    return;
  }
  await installIndexTemplate(client, { name: INDEX, indexPatterns: [INDEX] }, { manageRetention: false });
  await client.indices.create({ index: INDEX, settings: { number_of_replicas: 0, refresh_interval: '-1' } });
  await client.indices.deleteIndexTemplate({ name: INDEX });
  const result = await client.helpers.bulk({ datasource: Readable.from(documents()), onDocument: () => ({ index: { _index: INDEX } }), flushBytes: 4_000_000, concurrency: 2 });
  if (result.failed > 0) {
    throw new Error(`${result.failed} documents failed to index`);
  }
  await client.indices.putSettings({ index: INDEX, settings: { refresh_interval: '1s', 'index.requests.cache.enable': false } });
  await client.indices.refresh({ index: INDEX });
  await client.indices.forcemerge({ index: INDEX, max_num_segments: 1 });
}

const CASES: Array<{ name: string; adhoc: object[] }> = [
  { name: 'no filter', adhoc: [] },
  { name: 'label:team =| team-1, team-2, team-3', adhoc: [{ key: 'label:team', operator: '=|', value: '', values: ['team-1', 'team-2', 'team-3'] }] },
  { name: 'label:team =~ team-[1-3]', adhoc: [{ key: 'label:team', operator: '=~', value: 'team-[1-3]' }] },
  { name: 'label:owner !~ owner-1.* (111 of 300 values)', adhoc: [{ key: 'label:owner', operator: '!~', value: 'owner-1.*' }] },
  { name: 'label:run =~ run-4[0-9]{3} (1,000 of 50,000 values)', adhoc: [{ key: 'label:run', operator: '=~', value: 'run-4[0-9]{3}' }] },
  { name: 'label:run =~ run-[1-9][0-9]{3} (9,000 values)', adhoc: [{ key: 'label:run', operator: '=~', value: 'run-[1-9][0-9]{3}' }] },
];
const LEVELS = ['workflow', 'node'] as const;
/** The whole index, and a day of it (the values are listed over the query's own time range). */
const RANGES = [{ name: '30 d', fromMs: FROM }, { name: '1 d', fromMs: TO - DAY }];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const url = process.env.ES_URL;
  if (!url) {
    throw new Error('ES_URL is not set (scripts/elasticsearch/start.sh)');
  }
  const client = new Client({ node: url });
  await ensureIndex(client);
  const context = pluginContext({ elasticsearch: { url, index: INDEX } });
  const times = new Map<string, number[]>();
  for (let run = 0; run < RUNS + 1; run++) {
    for (const range of RANGES) {
      for (const level of LEVELS) {
        for (const { name, adhoc } of CASES) {
          const json = { queryType: 'durations', level, groupBy: ['workflow'], stats: ['p95', 'count'], limit: 50, filters: { adhoc } };
          const started = performance.now();
          const response = await queryData({ pluginContext: context, headers: {}, queries: [{ ...dataQuery('A', json, { fromEpochMS: range.fromMs, toEpochMS: TO }), intervalMS: 3_600_000 }] }, new AbortController().signal);
          const ms = performance.now() - started;
          if (response.responses.A.error) {
            throw new Error(`${name}: ${response.responses.A.error}`);
          }
          const key = `${range.name}\t${level}\t${name}`;
          if (run > 0) {
            times.set(key, [...(times.get(key) ?? []), ms]);
          }
        }
      }
    }
  }
  process.stdout.write(`range\tlevel\tfilter\tmedian ms (${RUNS} runs)\n`);
  for (const [key, values] of times) {
    process.stdout.write(`${key}\t${median(values).toFixed(1)}\n`);
  }
  await client.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

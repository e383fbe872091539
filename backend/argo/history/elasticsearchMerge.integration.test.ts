import type { Client } from '@elastic/elasticsearch';

import { queryData } from '../../handlers/queryData';
import { decodeSeries } from '../../test/decodeFrames';
import { createHistoryIndex, elasticsearchUrl } from '../../test/elasticsearch';
import type { HistoryDoc } from '../../test/history';
import { dataQuery, pluginContext } from '../../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { generateArgoHistory, type ArgoHistory } from '../../test/argoServer/workflowHistory';
import { extractWorkflow } from '../extract/extractWorkflow';

/**
 * Source argo with Elasticsearch configured: runs the Argo Server has already deleted (here: removed
 * from the double's history) but the collector kept in Elasticsearch are merged by uid, so counts are
 * the whole history's. Expected counts come from the generated objects.
 */
const DAY = 86_400_000;
const index = `argoperf-merge-${Date.now()}`;
let server: ArgoServerHandle;
let client: Client;
let full: ArgoHistory;
let FROM: number;
let TO: number;

beforeAll(async () => {
  full = generateArgoHistory({ seed: 31, workflows: 200, days: 6 });
  TO = full.endMs;
  FROM = TO - 5 * DAY;
  // The collector kept every finished run; Argo deleted the older half by TTL.
  const finished = full.workflows.filter(({ workflow }) => workflow.status?.finishedAt);
  const documents = finished.flatMap(({ workflow }) => {
    const extracted = extractWorkflow(workflow);
    return [extracted.workflow!, ...extracted.nodes];
  });
  client = await createHistoryIndex(index, documents as unknown as HistoryDoc[]);
  const cutoff = TO - 2 * DAY;
  const onArgo = { ...full, workflows: full.workflows.filter(({ workflow }) => !workflow.status?.finishedAt || Date.parse(workflow.status.finishedAt) >= cutoff) };
  expect(onArgo.workflows.length).toBeLessThan(full.workflows.length);
  server = await startArgoServer({ history: onArgo });
});

afterAll(async () => {
  await server.close();
  await client.indices.delete({ index });
  await client.close();
});

async function counts(settings: object) {
  const response = await queryData(
    {
      pluginContext: pluginContext({ argo: { url: server.url }, ...settings }),
      headers: {},
      queries: [{ ...dataQuery('A', { queryType: 'durations', source: 'argo', stats: ['count'], groupBy: ['namespace'] }, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: 10 * DAY }],
    },
    new AbortController().signal
  );
  const answer = response.responses.A;
  expect(answer.error).toBeFalsy();
  const frames = answer.frames!.map(decodeSeries);
  return { frames, total: frames.reduce((sum, f) => sum + f.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0) };
}

const expected = () =>
  full.workflows.filter(({ workflow }) => {
    const start = Date.parse(workflow.status?.startedAt ?? '');
    return start >= FROM && start < TO && workflow.status?.finishedAt;
  }).length;

it('counts every finished run of the range: those on the Argo Server and those only in Elasticsearch', async () => {
  const { frames, total } = await counts({ elasticsearch: { url: elasticsearchUrl(), index } });
  expect(total).toBe(expected());
  expect(frames[0].meta?.notices).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'info', text: expect.stringMatching(/^\d+ runs? no longer on the Argo Server came from Elasticsearch\.$/) })]));
});

it('counts fewer without Elasticsearch', async () => {
  const { total } = await counts({});
  expect(total).toBeLessThan(expected());
});

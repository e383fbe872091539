import { ArgoClient } from '../argo/client/argoClient';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';
import type { CollectContext } from './collectRange';
import { collectorLog } from './collectorLog';
import { expectedDocuments } from './collectorTestKit';
import { CollectorStats } from './collectorStats';
import { startReading } from './rangeReading';

const history = generateArgoHistory({ workflows: 60, seed: 8, days: 2 });
const range = { namespace: '', from: new Date(history.endMs - 3 * 86_400_000), to: new Date(history.endMs) };
// The list's upper bound is inclusive; expectedDocuments' is not.
const expected = expectedDocuments(history, 'reading-test', range.from.getTime(), range.to.getTime() + 1000);
let server: ArgoServerHandle;
let argo: ArgoClient;

beforeAll(async () => {
  server = await startArgoServer({ history });
});
afterAll(() => server.close());
beforeEach(() => {
  server.resetRequests();
  argo = new ArgoClient({ url: server.url });
});
afterEach(() => argo.close());

const context = (): CollectContext => ({
  argo,
  sink: { kind: 'dryRun', out: process.stdout },
  indexPrefix: 'reading-test',
  stats: new CollectorStats(),
  log: collectorLog({ json: true, secrets: [], write: () => undefined }),
});

const listRequests = () => server.requests.filter((r) => /^\/api\/v1\/(workflows|archived-workflows)\/?$/.test(r.apiPath));

it('asks the Argo Server for the first page at once, before anything is consumed', async () => {
  startReading(range, context());
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(listRequests().length).toBeGreaterThan(0);
});

it('hands out every document of the range once, and counts them', async () => {
  const reading = startReading(range, context());
  const ids: string[] = [];
  for await (const batch of reading.operations) {
    // One batch per run: the run's document first, then its nodes.
    expect(batch[0].document.doc_kind).toBe('workflow');
    expect(batch.slice(1).every((operation) => operation.id.startsWith(`${batch[0].id}/`))).toBe(true);
    ids.push(...batch.map((operation) => operation.id));
  }
  expect(expected.size).toBeGreaterThan(100);
  expect(ids.sort()).toEqual([...expected.keys()].sort());
  expect(reading.documents).toBe(expected.size);
});

it('cancels a reading that is never consumed: its first request settles and no further page is asked for', async () => {
  server.setFaults({ kind: 'delay', ms: 100 });
  const reading = startReading(range, context());
  await reading.cancel();
  const asked = server.requests.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(server.requests.length).toBe(asked);
  expect(reading.documents).toBe(0);
  server.setFaults();
});

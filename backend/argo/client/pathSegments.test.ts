import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { ArgoClient } from './argoClient';
import { ArgoRequestError } from './argoErrors';

/**
 * Names and uids come from the Argo Server's own JSON, where "\ud800" is a valid escape: a lone surrogate
 * must not crash URL building (encodeURIComponent throws "URI malformed") but ask for the name the server
 * cannot have, and get its 404 as any unknown name would.
 */
let argo: ArgoServerHandle;
beforeAll(async () => {
  argo = await startArgoServer({ history: { workflows: 5 } });
});
afterAll(() => argo.close());

const client = () => new ArgoClient({ url: argo.url, retry: { baseDelayMs: 5, maxDelayMs: 10 } });

it.each([
  ['a workflow', (argoClient: ArgoClient) => argoClient.getWorkflow('ml', 'train-\ud800')],
  ['a workflow in a broken namespace', (argoClient: ArgoClient) => argoClient.getWorkflow('m\udc00l', 'train')],
  ['an archived workflow', (argoClient: ArgoClient) => argoClient.getArchivedWorkflow('uid-\ud800')],
  ['a cron workflow', (argoClient: ArgoClient) => argoClient.getCronWorkflow('ml', 'nightly-\ud800')],
])('gets a 404 for %s named with a lone surrogate, not a crash', async (_what, call) => {
  const argoClient = client();
  const error = await call(argoClient).then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  argoClient.close();
  expect(error).toBeInstanceOf(ArgoRequestError);
  expect((error as ArgoRequestError).kind).toBe('notFound');
  // What reached the server: the replacement character, percent-encoded as UTF-8.
  expect(argo.requests.at(-1)?.path).toMatch(/%EF%BF%BD/);
});

it('lists a namespace named with a lone surrogate as the empty namespace it is', async () => {
  const argoClient = client();
  const list = await argoClient.listWorkflows({ namespace: 'm\ud800l' });
  argoClient.close();
  expect(list.items).toEqual([]);
  expect(argo.requests.at(-1)?.path).toBe('/api/v1/workflows/m%EF%BF%BDl');
});

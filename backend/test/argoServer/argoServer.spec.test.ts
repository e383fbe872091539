import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LABELS, type Workflow } from '../../argo/client/argoTypes';
import { CORPUS_DIR } from './corpus';
import { startArgoServer, type ArgoServerHandle } from './startArgoServer';
import { schemaErrors } from './swaggerSchemas';
import { testGet } from './testGet';

const D = 'io.argoproj.workflow.v1alpha1.';
const ERROR = 'grpc.gateway.runtime.Error';
const TOKENS = {
  'reader-token-123456': { name: 'reader', namespaces: ['ml'] },
  'admin-token-123456': { name: 'admin', namespaces: '*' as const },
};

describe.each(['v3.4.18', 'v3.5.3', 'v3.7.5', 'v4.1.2'])('the double as %s answers per swagger.json', (version) => {
  let server: ArgoServerHandle;
  const get = (path: string, token = 'admin-token-123456') => testGet(`${server.url}${path}`, token);
  beforeAll(async () => {
    server = await startArgoServer({
      version,
      history: { workflows: 150, seed: 2 },
      corpus: true,
      auth: { mode: 'client', tokens: TOKENS },
    });
  });
  afterAll(() => server.close());

  it('GET /api/v1/version is a Version', async () => {
    const answer = await get('/api/v1/version');
    expect(schemaErrors(`${D}Version`, answer.body)).toEqual([]);
    expect(answer.body.version).toBe(version);
  });

  it('every page of the live list is a WorkflowList and every item a Workflow', async () => {
    const uids: string[] = [];
    let token = '';
    for (let page = 0; page < 20; page++) {
      // v4.0–v4.1 need the count to page past the live part (the "no continue" bug; see the list tests).
      const count = version >= 'v4' ? '&listOptions.fieldSelector=ext.showRemainingItemCount%3Dtrue' : '';
      const answer = await get(
        `/api/v1/workflows/?listOptions.limit=40&listOptions.continue=${encodeURIComponent(token)}${count}`
      );
      expect(answer.status).toBe(200);
      expect(schemaErrors(`${D}WorkflowList`, answer.body)).toEqual([]);
      uids.push(...answer.body.items.map((w: Workflow) => w.metadata.uid));
      token = answer.body.metadata.continue ?? '';
      if (!token) {
        break;
      }
    }
    expect(new Set(uids).size).toBe(uids.length);
    const merged = server.quirks.mergeArchive;
    const live = server.store.live.filter((w) => !merged || w.metadata.labels?.[LABELS.archivingStatus] !== 'Archived');
    expect(uids.length).toBe(live.length + (merged ? server.store.archive.length : 0));
  });

  it('GET of a live and of an archived-only workflow is a Workflow with nodes (archive fallback from v3.5)', async () => {
    const live = server.store.live[0];
    const answer = await get(`/api/v1/workflows/${live.metadata.namespace}/${live.metadata.name}`);
    expect(schemaErrors(`${D}Workflow`, answer.body)).toEqual([]);
    const archivedOnly = server.store.archive.find(
      (w) => w.status?.phase === 'Succeeded' && !server.store.liveWorkflow(w.metadata.namespace!, w.metadata.name!)
    )!;
    const fallback = await get(`/api/v1/workflows/${archivedOnly.metadata.namespace}/${archivedOnly.metadata.name}`);
    if (version >= 'v3.5') {
      expect(schemaErrors(`${D}Workflow`, fallback.body)).toEqual([]);
      expect(Object.keys(fallback.body.status.nodes).length).toBeGreaterThan(5);
    } else {
      expect(fallback.status).toBe(404);
      expect(schemaErrors(ERROR, fallback.body)).toEqual([]);
    }
  });

  it('the archive list has the rows of this version and archive GET returns the full object', async () => {
    const answer = await get('/api/v1/archived-workflows?listOptions.limit=25');
    expect(schemaErrors(`${D}WorkflowList`, answer.body)).toEqual([]);
    const item = answer.body.items[0];
    expect(Object.keys(item)).toEqual(['metadata', 'spec', 'status']);
    expect(Boolean(item.status.nodes)).toBe(version === 'v3.5.3');
    expect(Object.keys(item.metadata).includes('labels')).toBe(version !== 'v3.4.18');
    expect(answer.body.metadata.continue).toBe('25');
    const full = await get(`/api/v1/archived-workflows/${item.metadata.uid}`);
    expect(schemaErrors(`${D}Workflow`, full.body)).toEqual([]);
    expect(full.body.metadata.labels[LABELS.archivingStatus]).toBe('Persisted');
    expect(Object.keys(full.body.status.nodes).length).toBeGreaterThan(5);
  });

  it('cron lists and gets are CronWorkflowList and CronWorkflow, with schedule or schedules per version', async () => {
    const answer = await get('/api/v1/cron-workflows/');
    expect(schemaErrors(`${D}CronWorkflowList`, answer.body)).toEqual([]);
    const generated = answer.body.items.find((c: { metadata: { name: string } }) => c.metadata.name === 'nightly-etl');
    expect(Object.keys(generated.spec)).toContain(version < 'v3.6' ? 'schedule' : 'schedules');
    const one = await get(`/api/v1/cron-workflows/${generated.metadata.namespace}/nightly-etl`);
    expect(schemaErrors(`${D}CronWorkflow`, one.body)).toEqual([]);
  });

  it('errors are grpc.gateway.runtime.Error with the mapped status', async () => {
    const cases: Array<[string, string | undefined, number]> = [
      ['/api/v1/workflows/argo?listOptions.fieldSelector=status.phase=Failed', 'admin-token-123456', 400],
      ['/api/v1/workflows/ml', 'not-a-known-token', 401],
      ['/api/v1/workflows/argo', 'reader-token-123456', 403],
      ['/api/v1/workflows/ml/no-such-workflow', 'admin-token-123456', 404],
      ['/api/v1/cron-workflows/argo', 'reader-token-123456', 403],
    ];
    for (const [path, token, status] of cases) {
      const answer = await testGet(`${server.url}${path}`, token);
      expect([path, answer.status]).toEqual([path, status]);
      expect(schemaErrors(ERROR, answer.body)).toEqual([]);
      expect(answer.body).toMatchObject({ code: expect.any(Number), message: expect.any(String) });
    }
    const noToken = await testGet(`${server.url}/api/v1/version`);
    expect([noToken.status, noToken.body.message]).toEqual([
      401,
      'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/',
    ]);
  });
});

describe('the real objects from backend/test/fixtures/argo', () => {
  let server: ArgoServerHandle;
  beforeAll(async () => {
    server = await startArgoServer({ corpus: true, version: 'v4.1.2' });
  });
  afterAll(() => server.close());

  it('serves every workflow file as stored, and each is a Workflow per the spec', async () => {
    const files = readdirSync(join(CORPUS_DIR, 'workflows')).filter((f) => f.endsWith('.json'));
    expect(server.store.live).toHaveLength(files.length);
    for (const stored of server.store.live) {
      const answer = await testGet(
        `${server.url}/api/v1/workflows/${stored.metadata.namespace}/${stored.metadata.name}`
      );
      expect(answer.body).toEqual(stored);
      expect([stored.metadata.name, schemaErrors(`${D}Workflow`, answer.body)]).toEqual([stored.metadata.name, []]);
    }
    // Only what Kubernetes would not allow was changed: namespace, uid, repeated names.
    const original = JSON.parse(
      readFileSync(join(CORPUS_DIR, 'workflows', 'dag-disable-fail-fast_L1_dag-disable-fail-fast-r6xdc.json'), 'utf8')
    );
    expect(server.store.liveWorkflow('default', 'dag-disable-fail-fast-r6xdc')).toEqual(original);
  });

  it('serves the cron workflow files in both spec shapes', async () => {
    const answer = await testGet(`${server.url}/api/v1/cron-workflows/`);
    expect(answer.body.items).toHaveLength(readdirSync(join(CORPUS_DIR, 'cronworkflows')).length);
    expect(schemaErrors(`${D}CronWorkflowList`, answer.body)).toEqual([]);
  });
});

describe('swagger checks are real', () => {
  it('reject what the spec forbids', () => {
    expect(schemaErrors(`${D}WorkflowList`, { items: [] })).toEqual(["/ must have required property 'metadata'"]);
    expect(schemaErrors(`${D}Workflow`, { metadata: { name: 1 }, spec: {} })).toEqual([
      '/metadata/name must be string,null',
    ]);
    expect(schemaErrors(`${D}Version`, { version: 'v1' })).not.toEqual([]);
  });
});

import { decodeTable } from '../../test/decodeFrames';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { baseHistory, cronDriftAnswer, cronDriftFrames, HOUR } from './cronDriftTestKit';

/** cronDrift and who may read what: the datasource's namespace allow-list, and credentials the server refuses. */
const history = baseHistory();
const TO = history.endMs - 2 * HOUR;
const FROM = TO - 24 * HOUR;
const TOKEN = 'grafana-reader-7f3a9c2e5b';
const WRONG_TOKEN = 'not-a-token-the-server-knows-91d2';
let open: ArgoServerHandle;
let guarded: ArgoServerHandle;

beforeAll(async () => {
  open = await startArgoServer({ history });
  guarded = await startArgoServer({
    history,
    auth: { mode: 'client', tokens: { [TOKEN]: { name: 'grafana-reader', namespaces: '*' } } },
  });
});

afterAll(async () => {
  await open.close();
  await guarded.close();
});

describe('cronDrift within the namespace allow-list', () => {
  it('refuses a namespace outside it before asking the server', async () => {
    open.resetRequests();
    const answer = await cronDriftAnswer(
      { view: 'missed', filters: { namespaces: ['ml'] } },
      { url: open.url, fromMs: FROM, toMs: TO, settings: { namespaces: ['data'] } }
    );
    expect(answer).toMatchObject({
      error: 'filters.namespaces: "ml" not allowed for this datasource; it may read only data',
      status: 403,
      errorSource: 'plugin',
    });
    expect(open.requests).toEqual([]);
  });

  it('reads only the allowed namespaces when the query names none', async () => {
    open.resetRequests();
    const frames = (
      await cronDriftFrames(
        { view: 'missed' },
        { url: open.url, fromMs: FROM, toMs: TO, settings: { namespaces: ['data'] } }
      )
    ).map(decodeTable);
    const inData = history.cronWorkflows.filter((c) => c.metadata.namespace === 'data').map((c) => c.metadata.name);
    expect(inData).toEqual(['nightly-etl']);
    expect(frames.map((f) => f.fields[0].labels)).toEqual([{ namespace: 'data', cron: 'nightly-etl' }]);
    const lists = open.requests.filter((r) => /^\/api\/v1\/(cron-workflows|workflows)/.test(r.apiPath));
    expect(lists.map((r) => r.apiPath).sort()).toEqual(['/api/v1/cron-workflows/data', '/api/v1/workflows/data']);
  });
});

describe('cronDrift with credentials the server refuses', () => {
  it('answers a clear 401 error that does not contain the token', async () => {
    const answer = await cronDriftAnswer(
      { view: 'runs' },
      { url: guarded.url, fromMs: FROM, toMs: TO, secure: { argoToken: WRONG_TOKEN } }
    );
    expect(answer.status).toBe(401);
    expect(answer.errorSource).toBe('downstream');
    expect(answer.error).toMatch(/^the Argo Server rejected the credentials \(401 Unauthorized\)/);
    expect(answer.error).not.toContain(WRONG_TOKEN);
    expect(answer.frames).toBeUndefined();
  });

  it('answers with the token it knows', async () => {
    const frames = (
      await cronDriftFrames(
        { view: 'missed' },
        { url: guarded.url, fromMs: FROM, toMs: TO, secure: { argoToken: TOKEN } }
      )
    ).map(decodeTable);
    expect(frames.map((f) => f.fields[0].labels.cron).sort()).toEqual(['hourly-sync', 'model-train', 'nightly-etl']);
  });
});

describe('cronDrift limits', () => {
  it('refuses a lookback longer than the datasource allows', async () => {
    const answer = await cronDriftAnswer(
      { view: 'sinceSuccess', lookbackDays: 7 },
      { url: open.url, fromMs: FROM, toMs: TO, settings: { maxRangeDays: 5 } }
    );
    expect(answer).toMatchObject({
      status: 400,
      error: expect.stringMatching(/^lookbackDays: 7 days is longer than this datasource allows \(5 days\)/),
    });
  });

  it('answers the typed empty frame, with a notice, when no cron matches', async () => {
    const [frame] = (
      await cronDriftFrames(
        { view: 'missed', filters: { crons: ['no-such-cron'] } },
        { url: open.url, fromMs: FROM, toMs: TO }
      )
    ).map(decodeTable);
    expect(frame.meta).toMatchObject({
      type: 'numeric-multi',
      typeVersion: [0, 1],
      notices: [
        { severity: 'info', text: 'No CronWorkflows named no-such-cron found in any namespace the token may read.' },
      ],
    });
    expect(frame.fields).toEqual([]);
  });
});

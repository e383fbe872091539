import { QUERY_TYPES } from '../../src/query/model';
import type { PluginContext } from '../protocol/messages';
import { withHistoryIndex, elasticsearchUrl } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';
import { startEchoProxy, type EchoMode, type EchoProxy } from '../test/secretEchoProxy';
import { findLeaks, forbiddenStrings, type Output, type TestCredentials } from '../test/secretLeaks';
import { callResource } from './callResource';
import { checkHealth } from './checkHealth';
import { queryData } from './queryData';

/**
 * Secrets never reach the user or the log, even when a gateway in front of Elasticsearch and the Argo
 * Server repeats back the credentials it received. Every query type (both sources), every resource
 * path and CheckHealth run through the real handlers, against the real Elasticsearch node and the Argo
 * Server double behind an echoing proxy, with basic auth, two kinds of API key, passwords written in
 * the URLs and an Argo token given three ways. Every response byte and log line is searched for every
 * form of every secret (forms computed in backend/test/secretLeaks.ts, not by the product's code).
 */
const DAY = 86_400_000;
const argoHistory = generateArgoHistory({ seed: 5, workflows: 60, days: 8 });
const TO = argoHistory.endMs;
const FROM = TO - 7 * DAY;
const index = `argoperf-secret-echo-${Date.now()}`;

// Secrets with every character class that JSON, URLs and HTML escape.
const ES_PASSWORD = 'Pa"ss\\wörd<&>+ %41:7Qz!';
const ES_API_KEY = Buffer.from('VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw').toString('base64');
const ES_API_PAIR = 'kId7-pair:rawApiKey/Secret+Value9=';
const ES_URL_PASSWORD = 'url@pw/ä%zz:#?&"9';
const ARGO_URL_PASSWORD = 'argo@url/pwé%2F!';
const TOKENS = ['eyJhbGciOiJSUzI1NiJ9.argo-token-one.S1gnatur3', 'argo-token-two-0123456789abcdef', 'argo-token-three-ZYXWVUTSRQ'];

withHistoryIndex(index, () => generateHistory(FROM, TO));

let es: EchoProxy;
let argo: EchoProxy;
let double: ArgoServerHandle;
let logs: string[] = [];
const logLevel = process.env.ARGOPERF_LOG_LEVEL;

beforeAll(async () => {
  process.env.ARGOPERF_LOG_LEVEL = 'trace'; // every line the plugin would log (read when logging)
  double = await startArgoServer({
    history: argoHistory,
    auth: { mode: 'hybrid', tokens: Object.fromEntries(TOKENS.map((t) => [t, { name: 'grafana', namespaces: '*' as const }])) },
  });
  es = await startEchoProxy(elasticsearchUrl(), 'elasticsearch');
  argo = await startEchoProxy(double.url, 'argo');
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logs.push(Buffer.from(chunk).toString('utf8'));
    return true;
  });
});

afterAll(async () => {
  process.env.ARGOPERF_LOG_LEVEL = logLevel;
  jest.restoreAllMocks();
  await es?.close();
  await argo?.close();
  await double?.close();
});

interface Datasource {
  name: string;
  jsonData: object;
  secure: Record<string, string>;
  credentials: TestCredentials;
}

function datasources(): Datasource[] {
  const argoSettings = { url: argo.url, timeoutSeconds: 30 };
  return [
    {
      name: 'basic auth, raw token',
      jsonData: { elasticsearch: { url: es.url, index, auth: 'basic', username: 'grafana-reader', timeoutSeconds: 30 }, argo: argoSettings },
      secure: { elasticsearchPassword: ES_PASSWORD, argoToken: TOKENS[0] },
      credentials: { esUser: 'grafana-reader', esPassword: ES_PASSWORD, argoToken: TOKENS[0] },
    },
    {
      name: 'encoded API key, Bearer token',
      jsonData: { elasticsearch: { url: es.url, index, auth: 'apiKey', timeoutSeconds: 30 }, argo: argoSettings },
      secure: { elasticsearchApiKey: ES_API_KEY, argoToken: `Bearer ${TOKENS[1]}` },
      credentials: { esApiKey: ES_API_KEY, argoToken: TOKENS[1] },
    },
    {
      name: 'id:key API key, bearer token',
      jsonData: { elasticsearch: { url: es.url, index, auth: 'apiKey', timeoutSeconds: 30 }, argo: argoSettings },
      secure: { elasticsearchApiKey: ES_API_PAIR, argoToken: `bearer ${TOKENS[2]}` },
      credentials: { esApiKey: ES_API_PAIR, argoToken: TOKENS[2] },
    },
    {
      name: 'passwords in the URLs',
      jsonData: {
        elasticsearch: { url: `http://url-reader:${encodeURIComponent(ES_URL_PASSWORD)}@${es.host}`, index, timeoutSeconds: 30 },
        argo: { url: `http://argo-user:${encodeURIComponent(ARGO_URL_PASSWORD)}@${argo.host}`, timeoutSeconds: 30 },
      },
      secure: {},
      credentials: { esUrlUser: 'url-reader', esUrlPassword: ES_URL_PASSWORD, argoUrlUser: 'argo-user', argoUrlPassword: ARGO_URL_PASSWORD },
    },
  ];
}

const SOURCES = ['elasticsearch', 'argo'] as const;
/** What a query type needs beyond its defaults. */
const EXTRA: Record<string, object> = {
  metrics: { metric: 'images_processed' },
  progress: { run: 'no-such-run', filters: { namespaces: ['ml'] } },
  // A run of the indexed history, by its uid.
  timeline: { uid: generateHistory(FROM, TO)[0].workflow.uid },
};
const RESOURCES = ['namespaces', 'workflows', 'templates', 'tasks', 'crons', 'labels', 'keys', 'values?key=phase', 'values?key=label:team'];

interface Answer {
  where: string;
  status: number;
  error?: string;
}

/** Every query type from both sources, every resource path (both sources) and CheckHealth, for one datasource. */
async function driveEverything(ds: Datasource, uid: string, outputs: Output[]): Promise<Answer[]> {
  const context = (): PluginContext => pluginContext(ds.jsonData, ds.secure, uid);
  const signal = new AbortController().signal;
  const queries = QUERY_TYPES.flatMap((queryType) =>
    SOURCES.map((source) => ({ ...dataQuery(`${queryType}-${source}`, { queryType, source, ...EXTRA[queryType] }, { fromEpochMS: FROM, toEpochMS: TO }), intervalMS: DAY }))
  );
  const answers: Answer[] = [];
  const data = await queryData({ pluginContext: context(), headers: {}, queries }, signal);
  for (const [refId, response] of Object.entries(data.responses)) {
    const where = `${ds.name}: QueryData ${refId}`;
    outputs.push({ where, bytes: JSON.stringify({ error: response.error, status: response.status }) });
    (response.frames ?? []).forEach((frame, i) => outputs.push({ where: `${where} frame ${i}`, bytes: Buffer.from(frame) }));
    answers.push({ where, status: response.status ?? 200, error: response.error || undefined });
  }
  const paths = RESOURCES.flatMap((path) => [path, `${path}${path.includes('?') ? '&' : '?'}source=argo`]);
  await Promise.all(
    paths.map(async (path) => {
      const url = `${path}${path.includes('?') ? '&' : '?'}from=${FROM}&to=${TO}`;
      const response = await callResource(
        { pluginContext: context(), path: path.split('?')[0], method: 'GET', url, headers: {}, body: Buffer.alloc(0) },
        signal
      );
      const where = `${ds.name}: CallResource ${path}`;
      outputs.push({ where, bytes: Buffer.from(response.body ?? []) });
      outputs.push({ where: `${where} headers`, bytes: JSON.stringify(response.headers ?? {}) });
      answers.push({ where, status: response.code });
    })
  );
  const health = await checkHealth({ pluginContext: context(), headers: {} }, signal);
  outputs.push({ where: `${ds.name}: CheckHealth message`, bytes: health.message ?? '' });
  outputs.push({ where: `${ds.name}: CheckHealth jsonDetails`, bytes: Buffer.from(health.jsonDetails ?? []) });
  answers.push({ where: `${ds.name}: CheckHealth`, status: health.status === 1 ? 200 : 500, error: health.status === 1 ? undefined : health.message });
  return answers;
}

let round = 0;

/** Runs everything for every datasource behind proxies in `mode`; the outputs (log lines included) and answers. */
async function runAll(mode: EchoMode): Promise<{ outputs: Output[]; answers: Answer[] }> {
  es.mode = mode;
  argo.mode = mode;
  logs = [];
  const outputs: Output[] = [];
  round++;
  const answers = (await Promise.all(datasources().map((ds, i) => driveEverything(ds, `echo-${round}-${i}`, outputs)))).flat();
  logs.forEach((line, i) => outputs.push({ where: `log line ${i}`, bytes: line }));
  return { outputs, answers };
}

const forbidden = () => forbiddenStrings(datasources().map((ds) => ds.credentials));

describe('a gateway that echoes credentials', () => {
  it('forwards: answers succeed, and the echo in errors and shard failures never reaches the user or the log', async () => {
    const { outputs, answers } = await runAll({ kind: 'forward' });
    expect(findLeaks(outputs, forbidden())).toEqual([]);
    // The credentials went through the echoing proxy in every form they are sent in.
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(es.authorizations).toEqual(
      expect.arrayContaining([
        `Basic ${b64(`grafana-reader:${ES_PASSWORD}`)}`,
        `ApiKey ${ES_API_KEY}`,
        `ApiKey ${ES_API_PAIR}`,
        `Basic ${b64(`url-reader:${ES_URL_PASSWORD}`)}`,
      ])
    );
    expect(argo.authorizations).toEqual(expect.arrayContaining(TOKENS.map((t) => `Bearer ${t}`)));
    // Every Elasticsearch query was valid and answered through the proxy (so the echo had a path to leak through).
    const esQueries = answers.filter((a) => /QueryData .*-elasticsearch$/.test(a.where) && !/live|cronDrift/.test(a.where));
    expect(esQueries.length).toBe(4 * (QUERY_TYPES.length - 2));
    expect(esQueries.filter((a) => a.error)).toEqual([]);
    // So was every query the Argo Server answers, and the echo it carried in run messages came out masked.
    const argoQueries = answers.filter((a) => /QueryData (durations|runs|live|cronDrift)-argo$/.test(a.where));
    expect(argoQueries).toHaveLength(4 * 4);
    expect(argoQueries.filter((a) => a.error)).toEqual([]);
    expect(outputs.some((o) => o.bytes.includes('***'))).toBe(true);
    expect(logs.length).toBeGreaterThan(0);
  }, 120_000);

  const FAILURES: EchoMode[] = [
    { kind: 'fail', status: 503, shape: 'elasticsearch' },
    { kind: 'fail', status: 401, shape: 'argo' },
    { kind: 'fail', status: 403, shape: 'text' },
    { kind: 'fail', status: 429, shape: 'goJson' },
    { kind: 'fail', status: 500, shape: 'asciiJson' },
    { kind: 'fail', status: 502, shape: 'html' },
    { kind: 'fail', status: 400, shape: 'doubleJson' },
    { kind: 'fail', status: 200, shape: 'text' },
    { kind: 'fail', status: 200, shape: 'doubleJson' },
    { kind: 'fail', status: 200, shape: 'elasticsearch' },
  ];

  it.each(FAILURES.map((mode) => [`${mode.kind === 'fail' ? `${mode.status} ${mode.shape}` : ''}`, mode]))(
    'fails with %s: every answer is an error without any form of a secret',
    async (_name, mode) => {
      const { outputs, answers } = await runAll(mode);
      expect(findLeaks(outputs, forbidden())).toEqual([]);
      // Each query that reached a service failed with a message (the echo had a path to leak through).
      const failed = answers.filter((a) => a.error || a.status >= 400);
      expect(failed.length).toBeGreaterThan(answers.length / 2);
    },
    60_000
  );
});

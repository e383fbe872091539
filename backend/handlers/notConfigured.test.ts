import { configText } from '../../src/datasource/components/config/configText';
import { queryText } from '../../src/datasource/components/query/queryText';
import { HealthStatus } from '../protocol/messages';
import { closedPort, dataQuery, pluginContext } from '../test/pluginContext';
import { callResource } from './callResource';
import { checkHealth } from './checkHealth';
import { queryData } from './queryData';

/**
 * Every request that needs a service the datasource has no settings for (Elasticsearch, or the Argo
 * Server) answers 400 with a message that names the switch and the URL field as the settings page
 * labels them, and what else the user can do. Nothing is sent anywhere: the other service's URL is a
 * closed port, so a request that tried to reach it would fail differently.
 */
const signal = new AbortController().signal;
let elsewhere: string;
beforeAll(async () => {
  elsewhere = `http://127.0.0.1:${await closedPort()}`;
});

const ES_SETTING = [configText.elasticsearch.enabled, configText.elasticsearch.url.label];
const ARGO_SETTING = [configText.argo.enabled, configText.argo.url.label];
const esOnly = () => ({ elasticsearch: { url: elsewhere } });
const argoOnly = () => ({ argo: { url: elsewhere } });

async function query(settings: object, json: object) {
  const response = await queryData({ pluginContext: pluginContext(settings), headers: {}, queries: [dataQuery('A', json)] }, signal);
  return response.responses.A;
}

function expectNamed(message: string | undefined, setting: string[], service: string) {
  expect(message).toContain(`${service}, which this datasource is not set up to read`);
  for (const label of setting) {
    expect(message).toContain(`"${label}"`);
  }
}

describe('queries without Elasticsearch', () => {
  it.each([
    ['durations', {}],
    ['runs', {}],
    ['heatmap', {}],
    ['outcomes', {}],
    ['resources', {}],
    ['metrics', { metric: 'images_processed' }],
    ['baseline', {}],
  ])('%s answers 400 naming the Elasticsearch settings', async (queryType, extra) => {
    const answer = await query(argoOnly(), { queryType, ...extra });
    expect(answer.status).toBe(400);
    expect(answer.errorSource).toBe('plugin');
    expectNamed(answer.error, ES_SETTING, 'Elasticsearch');
  });

  it.each(['durations', 'runs'])('%s offers the Argo Server as the other source', async (queryType) => {
    const answer = await query(argoOnly(), { queryType });
    expect(answer.error).toMatch(/^source: /);
    expect(answer.error).toContain(`set ${queryText.source.label} to ${queryText.source.options.argo}`);
  });
});

describe('queries without the Argo Server', () => {
  it.each([
    ['live', {}],
    ['cronDrift', {}],
    ['durations', { source: 'argo' }],
    ['runs', { source: 'argo' }],
  ])('%s %j answers 400 naming the Argo Server settings', async (queryType, extra) => {
    const answer = await query(esOnly(), { queryType, ...extra });
    expect(answer.status).toBe(400);
    expect(answer.errorSource).toBe('plugin');
    expectNamed(answer.error, ARGO_SETTING, 'the Argo Server');
  });

  it('offers Elasticsearch as the other source of durations and runs, and not of live', async () => {
    for (const queryType of ['durations', 'runs']) {
      const answer = await query(esOnly(), { queryType, source: 'argo' });
      expect(answer.error).toContain(`set ${queryText.source.label} to ${queryText.source.options.elasticsearch}`);
    }
    expect((await query(esOnly(), { queryType: 'live' })).error).not.toContain(queryText.source.label);
  });
});

describe('resource lists', () => {
  async function resource(settings: object, url: string) {
    const response = await callResource(
      { pluginContext: pluginContext(settings), path: url.split('?')[0], method: 'GET', url, headers: {}, body: Buffer.alloc(0) },
      signal
    );
    return { code: response.code, error: JSON.parse(Buffer.from(response.body).toString()).error as string | undefined };
  }

  it.each(['workflows?source=argo', 'crons?source=argo', 'labels?source=argo', 'keys?source=argo', 'values?key=phase&source=argo'])(
    '%s without the Argo Server answers 400 naming its settings',
    async (url) => {
      const answer = await resource(esOnly(), url);
      expect(answer.code).toBe(400);
      expectNamed(answer.error, ARGO_SETTING, 'the Argo Server');
    }
  );

  it.each(['tasks', 'values?key=task', 'values?key=node'])('%s without Elasticsearch answers 400 naming its settings', async (url) => {
    const answer = await resource(argoOnly(), url);
    expect(answer.code).toBe(400);
    expectNamed(answer.error, ES_SETTING, 'Elasticsearch');
  });

  it('tasks with source=argo, Elasticsearch set up, says to leave out source=argo', async () => {
    const answer = await resource({ ...esOnly(), ...argoOnly() }, 'tasks?source=argo');
    expect(answer).toEqual({ code: 400, error: "source: task values come from Elasticsearch (they need every run's steps); leave out source=argo" });
  });
});

describe('health check', () => {
  it('checks only the service that is set up, and says nothing of the other', async () => {
    const es = await checkHealth({ pluginContext: pluginContext(esOnly()), headers: {} }, signal);
    expect(es.status).toBe(HealthStatus.ERROR);
    expect(Object.keys(JSON.parse(Buffer.from(es.jsonDetails!).toString()))).toEqual(['elasticsearch']);
    expect(es.message).not.toMatch(/Argo/);
    const argo = await checkHealth({ pluginContext: pluginContext(argoOnly()), headers: {} }, signal);
    expect(argo.status).toBe(HealthStatus.ERROR);
    expect(Object.keys(JSON.parse(Buffer.from(argo.jsonDetails!).toString()))).toEqual(['argo']);
    expect(argo.message).not.toMatch(/Elasticsearch/);
  });
});

import { Client } from '@elastic/elasticsearch';

import { callResource } from '../handlers/callResource';
import { elasticsearchUrl } from '../test/elasticsearch';
import { closedPort, pluginContext } from '../test/pluginContext';
import { DOCUMENT_MODEL_VERSION, indexTemplate, templateTarget } from './indexTemplate';
import { installIndexTemplate } from './installIndexTemplate';

/**
 * GET template (the app's Home page): whether our index template applies to the datasource's index
 * setting, against the real Elasticsearch node: installed and current, installed by an older version,
 * absent, and another tool's template for the same indices.
 */
const run = `${Date.now()}-${process.pid}`;
const prefix = (name: string) => `argoperf-tstat-${name}-${run}`;
const signal = new AbortController().signal;
let client: Client;

async function templateOf(index: string, url = elasticsearchUrl()) {
  const settings = { elasticsearch: { url, index, auth: 'none' } };
  const response = await callResource({ pluginContext: pluginContext(settings), path: 'template', method: 'GET', url: 'template', headers: {}, body: Buffer.alloc(0) }, signal);
  return { code: response.code, body: JSON.parse(Buffer.from(response.body).toString()) };
}

beforeAll(async () => {
  client = new Client({ node: elasticsearchUrl() });
  await installIndexTemplate(client, templateTarget(prefix('current')), { manageRetention: false });
  // What an earlier version of the collector installed: the same template with an older document model.
  const old = indexTemplate(templateTarget(prefix('old')));
  await client.indices.putIndexTemplate({ name: prefix('old'), ...old, _meta: { ...old._meta, document_model_version: DOCUMENT_MODEL_VERSION - 1 } } as never);
  // Someone else's template on our indices' names.
  await client.indices.putIndexTemplate({ name: prefix('foreign'), index_patterns: [`${prefix('foreign')}-*`], priority: 300, template: {} });
});
afterAll(async () => {
  await client.indices.deleteIndexTemplate({ name: `argoperf-tstat-*${run}` }, { ignore: [404] });
  await client.close();
});

test('installed and current: named with its document model', async () => {
  const { code, body } = await templateOf(`${prefix('current')}-*`);
  expect(code).toBe(200);
  expect(body.template).toEqual({
    installed: true,
    current: true,
    name: prefix('current'),
    documentModelVersion: DOCUMENT_MODEL_VERSION,
    message: `index template ${prefix('current')} (document model ${DOCUMENT_MODEL_VERSION}) applies to ${prefix('current')}-*`,
  });
});

test('installed by an older version: not current, and says how to update it', async () => {
  const { body } = await templateOf(`${prefix('old')}-*`);
  expect(body.template).toMatchObject({ installed: true, current: false, name: prefix('old'), documentModelVersion: DOCUMENT_MODEL_VERSION - 1 });
  expect(body.template.message).toBe(
    `index template ${prefix('old')} has document model ${DOCUMENT_MODEL_VERSION - 1}, this version writes ${DOCUMENT_MODEL_VERSION}: run npm run install-template, or start the collector (it updates the template)`
  );
});

test('absent, or only another tool’s template: not installed, and says how to install it', async () => {
  for (const index of [`${prefix('none')}-*`, `${prefix('foreign')}-*`]) {
    const { code, body } = await templateOf(index);
    expect(code).toBe(200);
    expect(body.template).toEqual({
      installed: false,
      current: false,
      message: `no index template of this app applies to ${index}: run npm run install-template, or start the collector (it installs the template)`,
    });
  }
});

test('a list of patterns: the template of any of them counts', async () => {
  const { body } = await templateOf(`${prefix('none')}-*,${prefix('current')}-*`);
  expect(body.template).toMatchObject({ installed: true, current: true, name: prefix('current') });
});

test('Elasticsearch not answering is a 502 that says so, never a 500', async () => {
  const { code, body } = await templateOf('argo-workflows-*', `http://127.0.0.1:${await closedPort()}`);
  expect(code).toBe(502);
  expect(body.error).toMatch(/127\.0\.0\.1/);
});

test('without Elasticsearch in the settings: 400 naming what to set', async () => {
  const settings = { argo: { url: 'http://127.0.0.1:1' } };
  const response = await callResource({ pluginContext: pluginContext(settings), path: 'template', method: 'GET', url: 'template', headers: {}, body: Buffer.alloc(0) }, signal);
  expect(response.code).toBe(400);
  expect(JSON.parse(Buffer.from(response.body).toString()).error).toMatch(/^path: template reads Elasticsearch/);
});

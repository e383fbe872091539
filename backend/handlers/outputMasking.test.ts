import { HealthStatus, type PluginContext } from '../protocol/messages';
import { contextSecrets } from '../settings/datasourceSecrets';
import { pluginContext } from '../test/pluginContext';
import { maskHealth, maskQueryData, maskResourceResponse, outputMasker } from './outputMasking';

/**
 * The last pass over every handler's answer: the secrets come from the request itself, valid settings or
 * not, and every place an answer carries text is masked.
 */
// The real reading of secrets, counted.
jest.mock('../settings/datasourceSecrets', () => {
  const actual = jest.requireActual<typeof import('../settings/datasourceSecrets')>('../settings/datasourceSecrets');
  return { ...actual, contextSecrets: jest.fn(actual.contextSecrets) };
});

const PASSWORD = 'out-Pa"ss<wörd>';
const TOKEN = 'out-token-0123456789';
const URL_PASSWORD = 'url@pw/9';
const ctx = pluginContext(
  { elasticsearch: { url: `http://me:${encodeURIComponent(URL_PASSWORD)}@es:9200`, username: 'me' }, argo: { url: 'http://argo' } },
  { elasticsearchPassword: PASSWORD, argoToken: `Bearer ${TOKEN}`, someOtherField: 'other-secret-value' }
);
const basic = Buffer.from(`me:${PASSWORD}`).toString('base64');
const said = `pw ${PASSWORD}, ${JSON.stringify({ auth: `Basic ${basic}` })}, token ${TOKEN}, url http://me:${encodeURIComponent(URL_PASSWORD)}@es, other other-secret-value`;
const pieces = ['out-Pa', 'wörd', basic, TOKEN, 'url%40pw', URL_PASSWORD, 'other-secret'];

function expectClean(text: string) {
  for (const piece of pieces) {
    expect(text).not.toContain(piece);
  }
  expect(text).toContain('***');
}

describe('output masking', () => {
  it('masks query errors of every refId', () => {
    const masked = maskQueryData({ responses: { A: { error: said, status: 502 }, B: { frames: [], status: 200 } } }, outputMasker(ctx));
    expectClean(masked.responses.A.error!);
    expect(masked.responses.B).toEqual({ frames: [], status: 200 });
  });

  it('masks resource bodies, JSON or not, and their headers', () => {
    const mask = outputMasker(ctx);
    const json = maskResourceResponse({ code: 502, headers: { 'X-Said': { values: [said] } }, body: Buffer.from(JSON.stringify({ error: said, values: [said] })) }, mask);
    expectClean(Buffer.from(json.body).toString());
    expect(JSON.parse(Buffer.from(json.body).toString()).values).toHaveLength(1);
    expectClean(json.headers['X-Said'].values[0]);
    const text = maskResourceResponse({ code: 500, headers: {}, body: Buffer.from(`not json: ${said}`) }, mask);
    expectClean(Buffer.from(text.body).toString());
  });

  it('masks the health message and its details', () => {
    const masked = maskHealth({ status: HealthStatus.ERROR, message: said, jsonDetails: Buffer.from(JSON.stringify({ elasticsearch: { message: said } })) }, outputMasker(ctx));
    expectClean(masked.message);
    expectClean(Buffer.from(masked.jsonDetails!).toString());
  });

  it('reads the secrets from requests whose settings are broken, and never fails on them', () => {
    const broken = pluginContext('{not json', { elasticsearchPassword: PASSWORD });
    expect(outputMasker(broken).text(`x ${PASSWORD} y`)).toBe('x *** y');
    const odd = { ...ctx, dataSourceInstanceSettings: { ...ctx.dataSourceInstanceSettings!, jsonData: 7, decryptedSecureJsonData: 'text' } } as unknown as PluginContext;
    expect(outputMasker(odd).active).toBe(false);
    expect(outputMasker(undefined).text(said)).toBe(said);
  });

  it('reads the secrets once for the same settings, and again when they change', () => {
    const read = jest.mocked(contextSecrets);
    read.mockClear();
    const settings = (password: string, urlPassword: string) =>
      pluginContext({ elasticsearch: { url: `http://me:${urlPassword}@es:9200`, username: 'me' } }, { elasticsearchPassword: password });
    const first = outputMasker(settings('first-Pa55word', 'first-url-pw'));
    expect(outputMasker(settings('first-Pa55word', 'first-url-pw'))).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
    expect(first.text('x first-Pa55word first-url-pw y')).toBe('x *** *** y');
    const changed = outputMasker(settings('first-Pa55word', 'second-url-pw'));
    expect(read).toHaveBeenCalledTimes(2);
    expect(changed.text('x first-Pa55word second-url-pw y')).toBe('x *** *** y');
  });
});

describe('refIds', () => {
  it('stay exactly as sent, __proto__ included, so Grafana can match answers to queries', () => {
    const responses = Object.fromEntries([
      ['__proto__', { error: `a ${TOKEN}`, status: 400 }],
      [TOKEN, { status: 200 }],
    ]);
    const masked = maskQueryData({ responses }, outputMasker(ctx));
    expect(Object.keys(masked.responses)).toEqual(['__proto__', TOKEN]);
    expect(Object.getOwnPropertyDescriptor(masked.responses, '__proto__')?.value).toEqual({ error: 'a ***', status: 400 });
  });
});

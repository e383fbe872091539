import { STATE_INDEX_NAME_MESSAGE } from './collectorState';
import { parseSettings } from './model';

describe('parseSettings', () => {
  it('fills defaults and keeps secrets apart from jsonData', () => {
    const parsed = parseSettings({ elasticsearch: { url: 'http://es:9200' } }, { elasticsearchPassword: '', argoToken: 't0ken', other: 'x' });
    expect(parsed).toEqual({
      settings: {
        elasticsearch: { url: 'http://es:9200', index: 'argo-workflows-*', stateIndex: 'argoperf-collector-state', auth: 'none', tlsSkipVerify: false, timeoutSeconds: 30 },
        maxRangeDays: 400,
        secrets: { argoToken: 't0ken' },
      },
    });
  });

  it.each([
    [{ elasticsearch: { url: '' } }, 'datasource settings: elasticsearch.url: is empty; enter the server URL, for example http://elasticsearch:9200'],
    [{ argo: { url: 'argo:2746' } }, 'datasource settings: argo.url: must be an http:// or https:// URL'],
    [{ elasticsearch: { url: 'http://es', stateIndex: 'argo-*' } }, `datasource settings: elasticsearch.stateIndex: ${STATE_INDEX_NAME_MESSAGE}`],
    [{ elasticsearch: { url: 'http://es', stateIndex: ' ' } }, "datasource settings: elasticsearch.stateIndex: is empty; enter the collector's state index, for example argoperf-collector-state"],
    [{ argo: { url: 'https://a', timeoutSeconds: 0 } }, 'datasource settings: argo.timeoutSeconds: Too small: expected number to be >=1'],
    [{ argo: { url: 'https://a' }, namespaces: [' '] }, 'datasource settings: namespaces[0]: is empty; enter a namespace name or remove the entry'],
    [{ elasticsearch: { url: 'http://es', auth: 'kerberos' } }, 'datasource settings: elasticsearch.auth: Invalid option: expected one of "none"|"basic"|"apiKey"'],
  ])('names the field for %j', (jsonData, message) => {
    expect(parseSettings(jsonData, {})).toEqual({ error: message });
  });

  it('asks for the secrets an auth mode needs', () => {
    expect(parseSettings({ elasticsearch: { url: 'http://es', auth: 'basic', username: 'u' } }, {})).toEqual({
      error: 'datasource settings: elasticsearch.username and the password are both needed for basic auth',
    });
    expect(parseSettings({ elasticsearch: { url: 'http://es', auth: 'apiKey' } }, {})).toEqual({
      error: 'datasource settings: the Elasticsearch API key is empty; enter it or set auth to none',
    });
  });
});

describe('parseSettings: secrets sent as HTTP headers', () => {
  const es = { elasticsearch: { url: 'http://es:9200', auth: 'apiKey' }, argo: { url: 'http://argo:2746' } };

  it('takes an API key or token pasted with a line break or spaces around it, without them', () => {
    const parsed = parseSettings(es, { elasticsearchApiKey: ' a2V5OnNlY3JldA==\n', argoToken: '\tBearer eyJhbGci.abc\r\n' });
    expect('settings' in parsed && parsed.settings.secrets).toEqual({ elasticsearchApiKey: 'a2V5OnNlY3JldA==', argoToken: 'Bearer eyJhbGci.abc' });
  });

  it.each([
    ['elasticsearchApiKey', 'key\npart', /API key/],
    ['elasticsearchApiKey', 'kéy-0123', /API key/],
    ['argoToken', 'tok\u0000en', /Bearer token/],
    ['argoToken', 'tok\u2028en', /token/],
  ])('refuses a %s that cannot be an HTTP header value, naming it and not quoting it', (key, value, names) => {
    const parsed = parseSettings(es, { [key]: value });
    expect(parsed).toEqual({ error: expect.stringMatching(names) });
    expect('error' in parsed && parsed.error).toMatch(/cannot be sent in an HTTP header/);
    expect('error' in parsed && parsed.error).not.toContain(value);
  });
});

describe('parseSettings: lengths', () => {
  const huge = 'm'.repeat(1_048_576);

  it.each([
    ['elasticsearch.url', { elasticsearch: { url: `http://es:9200/${huge}` } }],
    ['elasticsearch.index', { elasticsearch: { url: 'http://es:9200', index: huge } }],
    ['elasticsearch.stateIndex', { elasticsearch: { url: 'http://es:9200', stateIndex: huge } }],
    ['elasticsearch.username', { elasticsearch: { url: 'http://es:9200', auth: 'basic', username: huge } }],
    ['argo.url', { argo: { url: `http://argo:2746/${huge}` } }],
  ])('refuses a megabyte in %s with a short message naming it', (field, jsonData) => {
    const parsed = parseSettings(jsonData, { elasticsearchPassword: 'pw-0123456789' });
    expect(parsed).toEqual({ error: expect.stringContaining(field) });
    expect('error' in parsed && parsed.error.length).toBeLessThan(400);
  });

  it.each(['elasticsearchPassword', 'elasticsearchApiKey', 'argoToken', 'argoCaCert'])('refuses a %s far longer than any real one, without quoting it', (key) => {
    const parsed = parseSettings({ elasticsearch: { url: 'http://es:9200' }, argo: { url: 'http://argo:2746' } }, { [key]: 'x'.repeat(2_000_000) });
    expect(parsed).toEqual({ error: expect.stringMatching(/is longer than/) });
    expect('error' in parsed && parsed.error.length).toBeLessThan(400);
  });

  it('keeps an index name of 255 characters, the longest Elasticsearch allows', () => {
    expect('settings' in parseSettings({ elasticsearch: { url: 'http://es:9200', index: 'a'.repeat(255) } }, {})).toBe(true);
    expect('settings' in parseSettings({ elasticsearch: { url: 'http://es:9200', stateIndex: 'a'.repeat(255) } }, {})).toBe(true);
  });
});

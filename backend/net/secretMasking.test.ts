import { Client } from '@elastic/elasticsearch';

import { echoedForms, forbiddenStrings, sentValues } from '../test/secretLeaks';
import { masker, maskSecrets } from './masker';
import { apiKeyForms, secretValues, tokenForms } from './secretForms';
import { shownUrl, urlCredentials, urlWithoutCredentials } from './urlCredentials';

/**
 * The forms a secret travels in and comes back in, and their masking. Expected forms are written out
 * here or come from the Elasticsearch client itself (the Authorization header it builds), never from
 * the code under test.
 */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The Authorization header @elastic/elasticsearch sends for these auth options. */
function headerOf(auth: ConstructorParameters<typeof Client>[0]['auth'], node = 'http://127.0.0.1:9'): string {
  const client = new Client({ node, auth });
  const connection = client.connectionPool.connections[0] as unknown as { headers: Record<string, string> };
  const header = connection.headers.authorization;
  void client.close();
  return header;
}

describe('secret forms', () => {
  it('covers every Authorization header the Elasticsearch client builds for basic auth, API keys and URL passwords', () => {
    const password = 'pä"ss:w<rd>';
    const pair = 'VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw';
    const cases: Array<[string, string[]]> = [
      [headerOf({ username: 'reader', password }), secretValues({ elasticsearch: { username: 'reader', password } })],
      [headerOf({ apiKey: b64(pair) }), secretValues({ elasticsearch: { apiKey: b64(pair) } })],
      [headerOf({ apiKey: pair }), secretValues({ elasticsearch: { apiKey: pair } })],
      [headerOf({ apiKey: { id: 'VuaCfGcBCdbkQm-e5aOx', api_key: 'ui2lp2axTNmsyakw9tvNnw' } }), secretValues({ elasticsearch: { apiKey: pair } })],
      [
        headerOf(undefined, `http://reader:${encodeURIComponent(password)}@127.0.0.1:9`),
        secretValues({ elasticsearch: { url: `http://reader:${encodeURIComponent(password)}@127.0.0.1:9` } }),
      ],
    ];
    for (const [header, values] of cases) {
      expect(values).toContain(header);
      expect(values).toContain(header.replace(/^\w+ /, ''));
    }
  });

  it('names the API key alone and the id:key pair, whichever form was pasted', () => {
    const pair = 'kid:the-api-key-part';
    for (const key of [pair, b64(pair)]) {
      expect(apiKeyForms(key)).toEqual(expect.arrayContaining([key, `ApiKey ${key}`, pair, 'the-api-key-part', b64(pair), `ApiKey ${b64(pair)}`]));
    }
    // A key that is not a pair stays as it is.
    expect(new Set(apiKeyForms('opaque-key-123'))).toEqual(new Set(['opaque-key-123', 'ApiKey opaque-key-123']));
  });

  it('names an Argo token with and without Bearer, and a Basic token with its password', () => {
    expect(new Set(tokenForms('bearer abc.def'))).toEqual(new Set(['bearer abc.def', 'abc.def', 'Bearer abc.def']));
    expect(tokenForms(`Basic ${b64('svc:pw-1234')}`)).toEqual(expect.arrayContaining([b64('svc:pw-1234'), 'svc:pw-1234', 'pw-1234']));
  });

  it('finds a URL password as written, as the parser encodes it, and decoded', () => {
    const written = 'p%40ss%2Fw%C3%B6rd';
    expect(urlCredentials(`https://me:${written}@host:9200/x`)).toEqual({ user: 'me', password: 'p@ss/wörd', written: [written] });
    // A raw @ in the password: the last @ ends the userinfo, as WHATWG parses it.
    expect(urlCredentials('https://me:p@ss@host')).toEqual({ user: 'me', password: 'p@ss', written: ['p@ss', 'p%40ss'] });
    expect(urlCredentials('https://me@host')).toBeUndefined();
    expect(urlCredentials('not a url')).toBeUndefined();
  });

  it('shows URLs with *** for the password and links them without credentials', () => {
    expect(shownUrl('https://me:p%40ss@host:9200/es/')).toBe('https://me:***@host:9200/es/');
    expect(shownUrl('https://me:p@ss@host')).toBe('https://me:***@host');
    expect(shownUrl('https://host:9200')).toBe('https://host:9200');
    expect(shownUrl('https://me@host')).toBe('https://me@host');
    expect(urlWithoutCredentials('https://me:secret@host/argo/')).toBe('https://host/argo/');
  });
});

describe('masking', () => {
  const secret = 'Pa"ss\\wörd<&>+ %41';

  it('masks every form in which a server can echo the secret', () => {
    const mask = masker([secret]);
    // Forms as the test kit writes them (backend/test/secretLeaks.ts), each inside some text.
    for (const form of echoedForms(secret)) {
      expect(mask.text(`before ${form} after`)).toBe('before *** after');
    }
    expect(mask.text(JSON.stringify({ said: `Basic ${secret}` }))).toBe('{"said":"Basic ***"}');
    // JSON quoted in JSON quoted in JSON: every depth.
    expect(mask.text(JSON.stringify(JSON.stringify(JSON.stringify({ secret }))))).toBe(JSON.stringify(JSON.stringify(JSON.stringify({ secret: '***' }))));
  });

  it('masks secrets with control characters and characters outside the BMP, escaped or not', () => {
    const odd = 'line1\nline2\t😀\u0001end';
    const mask = masker([odd]);
    for (const text of [odd, JSON.stringify(odd), JSON.stringify(JSON.stringify(odd)), JSON.stringify(odd).replace(/😀/g, '\\ud83d\\ude00')]) {
      const masked = mask.text(`<${text}>`);
      expect(masked).toContain('***');
      expect(masked).not.toMatch(/line|end|😀|ude00/);
    }
  });

  it('masks the longest form first, so no part of a longer form is left', () => {
    const values = secretValues({ elasticsearch: { username: 'u', password: 'pw-123456' } });
    expect(maskSecrets(`Authorization: Basic ${b64('u:pw-123456')} and u:pw-123456`, values)).toBe('Authorization: *** and ***');
  });

  it('masks secrets shorter than 4 characters only where they stand alone', () => {
    const mask = masker(['x7']);
    expect(mask.text('password x7 rejected; "x7"; user:x7@host')).toBe('password *** rejected; "***"; user:***@host');
    expect(mask.text('box7 x72')).toBe('box7 x72');
  });

  it('masks strings anywhere in objects, keys too, and keeps what has nothing to mask', () => {
    const mask = masker(['token-123']);
    const untouched = { a: [1, 2, { b: 'fine' }], c: new Uint8Array([1]) };
    expect(mask.deep(untouched)).toBe(untouched);
    expect(mask.deep({ list: ['x token-123 y', 3], 'token-123': true })).toEqual({ list: ['x *** y', 3], '***': true });
    expect(masker([]).text('token-123')).toBe('token-123');
    expect(masker(['', '  ', undefined as unknown as string]).active).toBe(false);
  });

  it('leaves no forbidden string of the test kit in a masked echo of every secret kind', () => {
    const credentials = { esUser: 'reader', esPassword: secret, esApiKey: b64('id1:key-part-0123'), argoToken: 'tok-0123456789', esUrlUser: 'me', esUrlPassword: 'u@rl/pä' };
    const values = secretValues({
      elasticsearch: { username: 'reader', password: secret, apiKey: credentials.esApiKey },
      argo: { token: 'Bearer tok-0123456789', url: `http://me:${encodeURIComponent('u@rl/pä')}@argo:2746` },
    });
    const echo = JSON.stringify({ echo: sentValues(credentials).flatMap(echoedForms) });
    const masked = maskSecrets(`${echo} ${JSON.stringify(echo)}`, values);
    expect(forbiddenStrings([credentials]).filter((form) => masked.includes(form))).toEqual([]);
  });
});

describe('settings that are not text', () => {
  it('are left out instead of failing the request', () => {
    const odd = { elasticsearch: { url: 42, password: { a: 1 }, apiKey: null }, argo: { token: ['x'] }, other: [7, 'other-secret'] } as never;
    expect(secretValues(odd)).toEqual(['other-secret']);
    expect(masker([3 as never, 'other-secret']).text('an other-secret')).toBe('an ***');
  });
});

describe('secrets that are not valid Unicode', () => {
  it('are masked without failing (a lone surrogate has no percent-encoding)', () => {
    const values = secretValues({ elasticsearch: { username: 'a\udc00b', password: 'pw-0123456789' }, argo: { token: 'tok\ud800en-0123' } });
    const mask = masker(values);
    expect(mask.text('said pw-0123456789 and tok\ud800en-0123')).toBe('said *** and ***');
  });
});

describe('very long secrets', () => {
  it('are masked as they are and JSON-escaped, without failing (no expression of megabytes)', () => {
    const cert = `-----BEGIN CERTIFICATE-----\n${'QUJDRA=='.repeat(25_000)}\n-----END CERTIFICATE-----\n`;
    const name = 'm'.repeat(1_048_576);
    const mask = masker([cert, name, 'pw-0123456789']);
    expect(mask.text(`a ${cert} b`)).toBe('a *** b');
    expect(mask.text(`a ${JSON.stringify(cert)} b`)).toBe('a "***" b');
    expect(mask.text(`user ${name}: pw-0123456789`)).toBe('user ***: ***');
  });

  it('are masked when together they are too many for one expression', () => {
    const values = Array.from({ length: 3000 }, (_, i) => `secret-${i}-${'x'.repeat(200)}`);
    const mask = masker(values);
    expect(mask.text(`echo ${values[2999]} and ${values[0]}`)).toBe('echo *** and ***');
  });
});

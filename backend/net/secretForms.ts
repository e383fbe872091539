import { urlCredentials } from './urlCredentials';

/**
 * Every value in which a datasource's (or the collector's) secrets travel: the secret itself and what
 * the clients derive from it for the wire. How each value may come back (JSON-escaped, percent-encoded,
 * ...) is the masker's business (secretEncodings.ts). One rule for the datasource and the collector.
 */
export interface SecretSources {
  elasticsearch?: { url?: string; username?: string; password?: string; apiKey?: string };
  argo?: { url?: string; token?: string };
  /** Other secret values held (decrypted secure fields this version does not know). */
  other?: Array<string | undefined>;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** `Basic base64(user:password)` as @elastic/transport and node's http build it, and its parts. */
function basicForms(user: string, password: string): string[] {
  const encoded = base64(`${user}:${password}`);
  return [password, `${user}:${password}`, encoded, `Basic ${encoded}`];
}

/** A base64 text that decodes to `id:key` (an encoded API key): the pair, else undefined. */
function decodedPair(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    return undefined;
  }
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return /^[\x21-\x7e]+:[\x21-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/**
 * An Elasticsearch API key as the client sends it: a string goes out as `ApiKey <key>`, {id, api_key}
 * as `ApiKey base64(id:api_key)`. Users paste either the encoded key or the `id:api_key` pair, so both
 * forms, and the api_key alone, are secret whichever was given.
 */
export function apiKeyForms(key: string): string[] {
  const trimmed = key.trim();
  const pair = /^[^:\s]+:\S+$/.test(trimmed) ? trimmed : decodedPair(trimmed);
  const encoded = pair ? base64(pair) : trimmed;
  const forms = [trimmed, `ApiKey ${trimmed}`, encoded, `ApiKey ${encoded}`];
  if (pair) {
    forms.push(pair, pair.slice(pair.indexOf(':') + 1));
  }
  return forms;
}

/**
 * An Argo Server token given with or without "Bearer " (or as "Basic ..."): as given, bare, and as
 * the Authorization value sent; for Basic, the decoded user:password and the password too.
 */
export function tokenForms(token: string): string[] {
  const trimmed = token.trim();
  const bare = trimmed.replace(/^(bearer|basic)\s+/i, '');
  const forms = [trimmed, bare, `Bearer ${bare}`];
  if (/^basic\s/i.test(trimmed)) {
    const decoded = Buffer.from(bare, 'base64').toString('utf8');
    forms.push(`Basic ${bare}`, ...(decoded.includes(':') ? [decoded, decoded.slice(decoded.indexOf(':') + 1)] : []));
  }
  return forms;
}

/** A password written in a URL: decoded, as written, and as Basic auth (both clients send it that way). */
export function urlSecretForms(url: string | undefined): string[] {
  const credentials = urlCredentials(url);
  return credentials ? [...basicForms(credentials.user, credentials.password), ...credentials.written] : [];
}

/** Every secret value of the sources, longest first, each once; values without content are left out. */
export function secretValues(sources: SecretSources): string[] {
  // Settings arrive from outside: anything that is not text is not used (and holds no secret).
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const es = sources.elasticsearch && {
    url: text(sources.elasticsearch.url),
    username: text(sources.elasticsearch.username),
    password: text(sources.elasticsearch.password),
    apiKey: text(sources.elasticsearch.apiKey),
  };
  const argo = sources.argo && { url: text(sources.argo.url), token: text(sources.argo.token) };
  const values = [
    ...(es?.password ? basicForms(es.username ?? '', es.password) : []),
    ...(es?.apiKey?.trim() ? apiKeyForms(es.apiKey) : []),
    ...urlSecretForms(es?.url),
    ...(argo?.token?.trim() ? tokenForms(argo.token) : []),
    ...urlSecretForms(argo?.url),
    ...(sources.other ?? []),
  ];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))].sort((a, b) => b.length - a.length);
}

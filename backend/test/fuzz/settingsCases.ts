import fc from 'fast-check';

import { SECRETS, URL_PASSWORD, USERS } from './knownSecrets';
import { applyMutations, mutation } from './queryMutations';

/**
 * Datasource settings for fuzzed requests. URLs name upstreams by placeholder ($ES, $ARGO: the real
 * Elasticsearch node and the Argo double, each behind a pass-through proxy; $ECHO: a server that echoes
 * the request, credentials and all, in a 401; $CLOSED: a port where nothing listens), so that a case
 * reads the same in every run and its reproducer can be printed. Known secret values go into
 * secureJsonData and URL userinfo.
 */
export const PLACEHOLDERS = ['$ES', '$ARGO', '$ECHO', '$CLOSED'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export const INDEX_PLACEHOLDER = '$INDEX';

export interface SettingsCase {
  /** The standard datasource (same uid and version in every case), or settings of this case only. */
  standard: boolean;
  /** jsonData as JSON, or raw bytes given as a string of char codes 0–255. */
  jsonData: { value: unknown } | { raw: string };
  secure: Record<string, string>;
  /** Settings fields that hold a huge value: every request must then be refused (4xx), nothing sent on. */
  hugeAtKnownField?: string[];
}

export const STANDARD_SETTINGS: SettingsCase = {
  standard: true,
  jsonData: {
    value: {
      elasticsearch: {
        url: 'http://$ES',
        index: INDEX_PLACEHOLDER,
        auth: 'basic',
        username: 'elastic',
        timeoutSeconds: 10,
      },
      argo: { url: 'http://$ARGO', timeoutSeconds: 10 },
    },
  },
  secure: { elasticsearchPassword: SECRETS.elasticsearchPassword, argoToken: SECRETS.argoToken },
};

/** A placeholder stands for `127.0.0.1:<port>`. */
const plain = (placeholder: Placeholder) => `http://${placeholder}`;
const withUserinfo = (placeholder: Placeholder, user: string) =>
  `http://${encodeURIComponent(user)}:${URL_PASSWORD}@${placeholder}`;

const url = (home: Placeholder) =>
  fc.oneof(
    { arbitrary: fc.constant(plain(home)), weight: 6 },
    { arbitrary: fc.constantFrom(...USERS).map((user) => withUserinfo(home, user)), weight: 2 },
    { arbitrary: fc.constantFrom(plain('$ECHO'), plain('$CLOSED')), weight: 2 },
    { arbitrary: fc.constantFrom(...USERS).map((user) => withUserinfo('$ECHO', user)), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        `${plain(home)}/sub/path/`,
        `${plain(home)}?x=1`,
        `${plain(home)}#frag`,
        'not a url',
        'ftp://127.0.0.1:1',
        'http://',
        '//127.0.0.1'
      ),
      weight: 1,
    }
  );

const elasticsearch = fc.record(
  {
    url: url('$ES'),
    index: fc.oneof(
      { arbitrary: fc.constant(INDEX_PLACEHOLDER), weight: 8 },
      {
        // Never a pattern that reads other tests' indices (they come and go while this runs).
        arbitrary: fc.constantFrom('nothing-matches-*', 'UPPER-Case', 'a,b', '-x', `${INDEX_PLACEHOLDER},-nope`, ''),
        weight: 2,
      }
    ),
    auth: fc.constantFrom('none', 'basic', 'basic', 'apiKey'),
    username: fc.constantFrom(...USERS),
    tlsSkipVerify: fc.boolean(),
    timeoutSeconds: fc.integer({ min: 5, max: 20 }),
  },
  { requiredKeys: ['url', 'index'] }
);

const argo = fc.record(
  {
    url: url('$ARGO'),
    timeoutSeconds: fc.integer({ min: 5, max: 20 }),
    maxConcurrentRequests: fc.integer({ min: 1, max: 32 }),
    tlsSkipVerify: fc.boolean(),
  },
  { requiredKeys: ['url'] }
);

const validJsonData = fc.record(
  {
    elasticsearch,
    argo,
    namespaces: fc.uniqueArray(fc.constantFrom('ml', 'data', 'argo'), { minLength: 1, maxLength: 3 }),
    maxRangeDays: fc.integer({ min: 1, max: 3660 }),
  },
  { requiredKeys: [] }
);

/** Settings as the config editor saves them, then perhaps a field or two made odd (wrong type, unknown field, ...). */
const jsonDataValue = fc
  .tuple(
    validJsonData,
    fc.oneof(
      { arbitrary: fc.constant([]), weight: 2 },
      { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }), weight: 1 }
    )
  )
  .map(([value, mutations]) => applyMutations(value, mutations));

const jsonDataRaw = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    '[]',
    '"x"',
    '{',
    '{"elasticsearch":',
    '\u00ff\u00fe',
    '{"argo":{"url":"http://$ARGO"},"argo":{"url":"http://$CLOSED"}}'
  ),
  fc.uint8Array({ maxLength: 32 }).map((bytes) => String.fromCharCode(...bytes))
);

const secretValue = (key: keyof typeof SECRETS) =>
  fc.oneof(
    { arbitrary: fc.constant(SECRETS[key]), weight: 5 },
    { arbitrary: fc.constant(`Bearer ${SECRETS[key]}`), weight: key === 'argoToken' ? 2 : 0 },
    { arbitrary: fc.constantFrom(` ${SECRETS[key]} `, `${SECRETS[key]}\n`), weight: 1 },
    { arbitrary: fc.constantFrom('', 'x', '\uD800'), weight: 1 }
  );

const secure = fc.record(
  {
    elasticsearchPassword: secretValue('elasticsearchPassword'),
    elasticsearchApiKey: secretValue('elasticsearchApiKey'),
    elasticsearchCaCert: secretValue('elasticsearchCaCert'),
    argoToken: secretValue('argoToken'),
    argoCaCert: secretValue('argoCaCert'),
    unknownSecret: fc.constant(SECRETS.argoToken),
  },
  { requiredKeys: [] }
);

/** Mostly the standard datasource; otherwise settings of every kind, invalid ones included. */
export const settingsCase: fc.Arbitrary<SettingsCase> = fc.oneof(
  { arbitrary: fc.constant(STANDARD_SETTINGS), weight: 5 },
  {
    arbitrary: fc
      .record({
        standard: fc.constant(false),
        jsonData: fc.oneof(
          {
            arbitrary: jsonDataValue.map((mutated) => ({ value: mutated.value, huge: mutated.hugeAtKnownField })),
            weight: 12,
          },
          { arbitrary: jsonDataRaw.map((raw) => ({ raw, huge: [] as string[] })), weight: 1 }
        ),
        secure,
      })
      .map(({ jsonData: { huge, ...jsonData }, ...rest }) => ({
        ...rest,
        jsonData,
        ...(huge.length ? { hugeAtKnownField: huge } : {}),
      })),
    weight: 4,
  }
);

/** Settings for CheckHealth: never the standard datasource alone. */
export const healthSettingsCase: fc.Arbitrary<SettingsCase> = fc.oneof(
  { arbitrary: fc.constant(STANDARD_SETTINGS), weight: 1 },
  { arbitrary: settingsCase.filter((s) => !s.standard), weight: 6 }
);

/** Whether every upstream the settings name is a working one, reached at its plain URL (userinfo allowed). */
export function namesOnlyHealthyUpstreams(settings: SettingsCase): boolean {
  if ('raw' in settings.jsonData) {
    return !/\$ECHO|\$CLOSED/.test(settings.jsonData.raw);
  }
  const value = settings.jsonData.value as Record<string, { url?: unknown } | undefined> | null;
  const urls = [value?.elasticsearch, value?.argo].map((service) =>
    service && typeof service === 'object' ? service.url : undefined
  );
  return urls.every((u) => typeof u !== 'string' || /^http:\/\/([^/@]*@)?\$(ES|ARGO)$/.test(u.trim()));
}

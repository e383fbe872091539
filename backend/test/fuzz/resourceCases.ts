import fc from 'fast-check';

import { HISTORY_END_MS } from './queryCases';
import { HUGE_NAME } from './oddValues';
import { healthSettingsCase, settingsCase, type SettingsCase } from './settingsCases';

/**
 * CallResource requests (every list and key, odd paths and methods, parameters out of range or
 * malformed, URLs that do not parse) and CheckHealth requests (settings of every kind).
 */
export interface CallResourceCase {
  settings: SettingsCase;
  path: string;
  method: string;
  url: string;
  body: number[];
}

export interface CheckHealthCase {
  settings: SettingsCase;
}

const LISTS = ['namespaces', 'workflows', 'templates', 'tasks', 'crons', 'labels', 'values', 'keys'];
const ODD_PATHS = [
  '',
  '/',
  '//namespaces//',
  'nope',
  '../../etc/passwd',
  '%2e%2e/keys',
  'namespaces/extra',
  'VALUES',
  '\uD800',
  'é',
  'x'.repeat(100_000),
  '__proto__',
  'constructor',
];

const path = fc.oneof(
  { arbitrary: fc.constantFrom(...LISTS), weight: 8 },
  { arbitrary: fc.constantFrom(...ODD_PATHS), weight: 1 }
);
const method = fc.oneof(
  { arbitrary: fc.constant('GET'), weight: 8 },
  { arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'get', '', 'G\u0000T'), weight: 1 }
);

const DAY = 86_400_000;
const epoch = fc.oneof(
  { arbitrary: fc.integer({ min: HISTORY_END_MS - 10 * DAY, max: HISTORY_END_MS }).map(String), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-1',
      '1e20',
      '8640000000000001',
      '-8640000000000001',
      'NaN',
      'abc',
      '1700000000000.5',
      '9223372036854775808',
      ' 1 '
    ),
    weight: 2,
  }
);

/** One query parameter, written as a browser would (encoded) or raw (malformed percent-escapes, lone surrogates). */
const param = fc.oneof(
  fc.record({
    name: fc.constant('namespace'),
    value: fc.constantFrom('ml', 'data', 'argo', '', '\uD800', '%', '%E0%A4%A', 'a&b=c', HUGE_NAME),
  }),
  fc.record({ name: fc.constantFrom('from', 'to'), value: epoch }),
  fc.record({ name: fc.constant('level'), value: fc.constantFrom('node', 'workflow', 'x', '') }),
  fc.record({
    name: fc.constant('key'),
    value: fc.constantFrom(
      'phase',
      'label:team',
      'workflow',
      'task',
      'step',
      'namespace',
      'label:',
      'label:a b',
      'x',
      '\uD800',
      HUGE_NAME
    ),
  }),
  fc.record({ name: fc.constant('source'), value: fc.constantFrom('argo', 'argo', 'elasticsearch', 'x') }),
  fc.record({ name: fc.constantFrom('x', '', '__proto__', '\uD800'), value: fc.constantFrom('1', '') })
);

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

const query = fc
  .record({ params: fc.array(param, { maxLength: 5 }), raw: fc.boolean() })
  .map(({ params, raw }) =>
    params.map(({ name, value }) => `${raw ? name : safeEncode(name)}=${raw ? value : safeEncode(value)}`).join('&')
  );

const url = fc.oneof(
  { arbitrary: fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p)), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      'http://[',
      '//',
      '?',
      ':::',
      '%',
      'http://a b/',
      '#x',
      '\\\\server\\share',
      `?${'a=1&'.repeat(20_000)}`
    ),
    weight: 1,
  }
);

export const callResourceCase: fc.Arbitrary<CallResourceCase> = fc
  .record({
    settings: settingsCase,
    path,
    method,
    url,
    body: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 16 }),
    sameAsUrl: fc.boolean(),
  })
  .map(({ sameAsUrl, path: p, url: u, ...rest }) => ({
    ...rest,
    // Grafana sends the path and the URL (path plus query); mostly they agree.
    path: sameAsUrl ? u.split('?')[0] : p,
    url: u,
  }));

export const checkHealthCase: fc.Arbitrary<CheckHealthCase> = fc.record({ settings: healthSettingsCase });

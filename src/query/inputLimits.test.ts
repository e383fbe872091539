import { parseSettings } from '../settings/model';
import { inputMessages } from './inputMessages';
import { LIMITS } from './inputLimits';
import { parseQuery } from './parseQuery';
import { quoteValue } from './validationMessage';

/**
 * Every string the query model accepts has a length limit and must be valid Unicode, every list has a
 * length limit, and every message quotes at most the start of a value. The editor shows the same messages.
 */
const LONE = '\ud800';

/** A query with `value` put at `path` (a list of keys), and the path as messages write it. */
type Field = { name: string; limit: number; query: (value: string) => object; valid: (length: number) => string };

const letters = (length: number) => 'a'.repeat(length);
const FIELDS: Field[] = [
  { name: 'refId', limit: LIMITS.refId, query: (refId) => ({ queryType: 'durations', refId }), valid: letters },
  { name: 'filters.namespaces[0]', limit: LIMITS.namespace, query: (v) => ({ queryType: 'durations', filters: { namespaces: [v] } }), valid: letters },
  { name: 'filters.workflows[0]', limit: LIMITS.name, query: (v) => ({ queryType: 'durations', filters: { workflows: [v] } }), valid: letters },
  { name: 'filters.templates[0]', limit: LIMITS.name, query: (v) => ({ queryType: 'durations', filters: { templates: [v] } }), valid: letters },
  { name: 'filters.tasks[0]', limit: LIMITS.text, query: (v) => ({ queryType: 'durations', level: 'node', filters: { tasks: [v] } }), valid: letters },
  { name: 'filters.crons[0]', limit: LIMITS.labelValue, query: (v) => ({ queryType: 'durations', filters: { crons: [v] } }), valid: letters },
  { name: 'filters.phases[0]', limit: LIMITS.labelValue, query: (v) => ({ queryType: 'durations', filters: { phases: [v] } }), valid: letters },
  {
    name: 'filters.adhoc[0].value',
    limit: LIMITS.text,
    query: (value) => ({ queryType: 'durations', filters: { adhoc: [{ key: 'phase', operator: '=~', value }] } }),
    valid: letters,
  },
  {
    name: 'filters.adhoc[0].values[0]',
    limit: LIMITS.text,
    query: (v) => ({ queryType: 'durations', filters: { adhoc: [{ key: 'phase', operator: '=|', values: [v] }] } }),
    valid: letters,
  },
  { name: 'groupBy[0]', limit: LIMITS.groupKey, query: (v) => ({ queryType: 'durations', groupBy: [v] }), valid: (n) => `label:${letters(n - 6)}` },
  { name: 'stats[0]', limit: LIMITS.stat, query: (v) => ({ queryType: 'durations', stats: [v] }), valid: (n) => `p50.${'0'.repeat(n - 4)}` },
  { name: 'stat', limit: LIMITS.stat, query: (stat) => ({ queryType: 'baseline', stat }), valid: (n) => `p50.${'0'.repeat(n - 4)}` },
  { name: 'metric', limit: LIMITS.metric, query: (metric) => ({ queryType: 'metrics', metric }), valid: letters },
];

describe('input limits of the query model', () => {
  it('has the documented limits (docs/contracts.md)', () => {
    expect(LIMITS).toEqual({ namespace: 63, name: 253, labelValue: 63, groupKey: 323, text: 1000, stat: 32, metric: 255, refId: 256, listValues: 1000 });
  });

  it.each(FIELDS)('$name: accepts $limit characters, refuses one more and a lone surrogate', ({ name, limit, query, valid }) => {
    expect(parseQuery(query(valid(limit)))).toHaveProperty('query');
    const tooLong = valid(limit + 1);
    expect(parseQuery(query(tooLong))).toEqual({ error: `${name}: ${inputMessages.tooLong(tooLong, limit)}` });
    const fits = valid(limit - 1);
    const broken = `${fits.slice(0, 2)}${LONE}${fits.slice(2)}`;
    expect(parseQuery(query(broken))).toEqual({ error: expect.stringMatching(new RegExp(`^${name.replace(/[.[\]]/g, '\\$&')}: .*not valid Unicode \\(a lone surrogate at character 3\\)`)) });
  });

  it.each(['namespaces', 'workflows', 'templates', 'crons', 'phases'])('refuses more than 1,000 values in filters.%s', (filter) => {
    const values = Array.from({ length: LIMITS.listValues + 1 }, (_, i) => `v${i}`);
    expect(parseQuery({ queryType: 'durations', filters: { [filter]: values.slice(0, -1) } })).toHaveProperty('query');
    expect(parseQuery({ queryType: 'durations', filters: { [filter]: values } })).toEqual({ error: `filters.${filter}: lists too many values: at most 1000` });
  });

  it('refuses a cron name that a label selector cannot hold', () => {
    for (const name of ['nightly train', 'a,b', 'x)', '-edge']) {
      expect(parseQuery({ queryType: 'cronDrift', filters: { crons: [name] } })).toEqual({ error: `filters.crons[0]: ${inputMessages.notCronName(name)}` });
    }
    expect(parseQuery({ queryType: 'cronDrift', filters: { crons: ['nightly-train.v2_b'] } })).toHaveProperty('query');
  });

  it('lists five problems and counts the rest', () => {
    const namespaces = Array.from({ length: 7 }, (_, i) => `${i}${'n'.repeat(LIMITS.namespace)}`);
    const { error } = parseQuery({ queryType: 'durations', filters: { namespaces } }) as { error: string };
    expect(error.split('; ')).toHaveLength(6);
    expect(error).toMatch(/^filters\.namespaces\[0\]: .*; filters\.namespaces\[4\]: [^;]*; and 2 more$/);
  });
});

describe('quoteValue', () => {
  it('quotes short values whole and long ones by their start and length', () => {
    expect(quoteValue('ml')).toBe('"ml"');
    expect(quoteValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect(quoteValue('x'.repeat(61))).toBe(`"${'x'.repeat(60)}…" (61 characters)`);
    expect(quoteValue({ a: 'b'.repeat(100) })).toBe(`{"a":"${'b'.repeat(54)}… (108 characters)`);
    expect(quoteValue(7)).toBe('7');
  });

  it('never cuts a surrogate pair, and shows a lone surrogate as an escape', () => {
    const quoted = quoteValue(`${'x'.repeat(59)}😀${'y'.repeat(10)}`);
    expect(quoted).toBe(`"${'x'.repeat(59)}…" (71 characters)`);
    expect(quoteValue(`a${LONE}`)).toBe('"a\\ud800"');
  });
});

describe('datasource settings', () => {
  it('refuses a lone surrogate anywhere, naming the field', () => {
    expect(parseSettings({ elasticsearch: { url: 'http://es:9200', index: `argo-${LONE}` } }, {})).toEqual({
      error: `datasource settings: elasticsearch.index: ${inputMessages.notUnicode(`argo-${LONE}`, 5)}`,
    });
  });

  it('bounds the namespace allow-list', () => {
    const long = 'n'.repeat(64);
    expect(parseSettings({ elasticsearch: { url: 'http://es:9200' }, namespaces: [long] }, {})).toEqual({
      error: `datasource settings: namespaces[0]: ${inputMessages.tooLong(long, 63)}`,
    });
  });
});

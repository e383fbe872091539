import { defaultQuery, parseQuery } from './parseQuery';
import { QUERY_SCHEMA_VERSION } from './model';

describe('freshness query model', () => {
  it('defaults to the age per namespace over a 7-day lookback', () => {
    expect(defaultQuery('A', 'freshness')).toEqual({
      refId: 'A', queryType: 'freshness', schemaVersion: QUERY_SCHEMA_VERSION, source: 'elasticsearch', level: 'workflow', filters: {},
      view: 'age', basis: 'history', groupBy: ['namespace'], lookbackDays: 7, limit: 100,
    });
  });

  it('groups by the keys of run documents and keeps their filters', () => {
    const parsed = parseQuery({ queryType: 'freshness', view: 'table', groupBy: ['namespace', 'cron', 'label:team'], filters: { namespaces: ['ml'], phases: ['Running'] } });
    expect(parsed).toEqual({ query: expect.objectContaining({ view: 'table', groupBy: ['namespace', 'cron', 'label:team'], filters: { namespaces: ['ml'], phases: ['Running'] } }) });
    expect(parseQuery({ queryType: 'freshness', groupBy: [] })).toEqual({ query: expect.objectContaining({ groupBy: [] }) });
  });

  it.each([
    [{ source: 'argo' }, 'source: freshness measures the history collected in Elasticsearch; set source to elasticsearch'],
    [{ level: 'node' }, 'level: freshness reads the run documents; set level to workflow'],
    [{ groupBy: ['task'] }, 'groupBy[0]: "task" needs level "node": workflow runs have no task; set level to node'],
    [{ filters: { tasks: ['train'] } }, 'filters.tasks: freshness reads the run documents, which have no steps; remove the Steps filter'],
    [{ lookbackDays: 0 }, /^lookbackDays: /],
    [{ lookbackDays: 91 }, /^lookbackDays: /],
    [{ lookbackDays: 1.5 }, 'lookbackDays: must be a whole number of days'],
    [{ view: 'chart' }, 'view: Invalid option: expected one of "age"|"table"'],
    [{ limit: 501 }, /^limit: /],
    [{ basis: 'collector' }, 'basis: Invalid option: expected one of "history"|"documents"'],
  ])('names the field of %j', (fields, message) => {
    const parsed = parseQuery({ queryType: 'freshness', ...fields });
    expect('error' in parsed && parsed.error).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });
});

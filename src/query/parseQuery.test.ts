import { migrateQuery } from './migrateQuery';
import { QUERY_SCHEMA_VERSION } from './model';
import { defaultQuery, parseQuery } from './parseQuery';

describe('the shared query model', () => {
  it('fills every default for a new durations query', () => {
    expect(defaultQuery('B')).toEqual({
      refId: 'B',
      queryType: 'durations',
      schemaVersion: QUERY_SCHEMA_VERSION,
      source: 'elasticsearch',
      level: 'workflow',
      groupBy: ['workflow'],
      stats: ['p50', 'p95'],
      filters: {},
      limit: 20,
    });
  });

  it('fills the defaults of heatmap and outcomes queries', () => {
    expect(defaultQuery('A', 'heatmap')).toEqual({
      refId: 'A', queryType: 'heatmap', schemaVersion: QUERY_SCHEMA_VERSION, source: 'elasticsearch', level: 'workflow', filters: {},
    });
    expect(defaultQuery('A', 'outcomes')).toEqual({
      refId: 'A', queryType: 'outcomes', schemaVersion: QUERY_SCHEMA_VERSION, source: 'elasticsearch', level: 'workflow', filters: {},
      view: 'overTime', groupBy: ['workflow'], measures: ['succeeded', 'failed', 'error', 'failure_rate'], limit: 20,
    });
    expect(defaultQuery('A', 'runs')).toEqual({
      refId: 'A', queryType: 'runs', schemaVersion: QUERY_SCHEMA_VERSION, source: 'elasticsearch', level: 'workflow', filters: {},
      limit: 100, baselineDays: 14,
    });
  });

  it('ignores Grafana’s own target fields and keeps ours', () => {
    const parsed = parseQuery({
      refId: 'A',
      queryType: 'durations',
      datasource: { type: 'argoperf-workflows-datasource', uid: 'x' },
      intervalMs: 60000,
      maxDataPoints: 500,
      hide: false,
      stats: ['p99.9', 'max'],
      level: 'node',
      groupBy: ['workflow', 'task', 'label:app.kubernetes.io/name'],
    });
    expect(parsed).toEqual({ query: expect.objectContaining({ stats: ['p99.9', 'max'], groupBy: ['workflow', 'task', 'label:app.kubernetes.io/name'] }) });
    expect(parsed).not.toHaveProperty('query.datasource');
  });

  it.each([
    [{ queryType: 'durations', stats: [] }, 'stats: choose at least one statistic'],
    [{ queryType: 'durations', stats: ['median'] }, 'stats[0]: "median" is not a statistic; use one of avg, min, max, count or a percentile such as p95'],
    [{ queryType: 'durations', groupBy: ['workflow', 'workflow'] }, 'groupBy: lists the same key twice'],
    [{ queryType: 'durations', level: 'pod' }, 'level: Invalid option: expected one of "workflow"|"node"'],
    [{ queryType: 'durations', filters: { owners: ['a'] } }, 'filters: Unrecognized key: "owners"'],
    [{ queryType: 'durations', limit: 2.5 }, 'limit: must be a whole number'],
    [{ queryType: 'outcomes', measures: ['skipped'] }, 'measures[0]: Invalid option: expected one of "succeeded"|"failed"|"error"|"failure_rate"'],
    [{ queryType: 'outcomes', groupBy: ['task'] }, 'groupBy[0]: "task" needs level "node": workflow runs have no task; set level to node'],
    [{ queryType: 'runs', limit: 1001 }, 'limit: Too big: expected number to be <=1000'],
    [{ queryType: 'runs', baselineDays: 1.5 }, 'baselineDays: must be a whole number'],
    [{ queryType: 'outcomes', view: 'pie' }, 'view: Invalid option: expected one of "overTime"|"reasons"'],
    [{ queryType: 7 }, 'queryType: 7 is unknown; use one of durations, heatmap, outcomes, runs, resources, metrics, baseline, live, cronDrift, progress, freshness, timeline'],
    [[], 'query: must be a JSON object'],
  ])('names the field: %j', (raw, message) => {
    expect(parseQuery(raw)).toEqual({ error: message });
  });

  it('treats a query saved without a version as the current version and refuses one from the future', () => {
    expect(migrateQuery({ queryType: 'durations' })).toEqual({ query: { queryType: 'durations', schemaVersion: QUERY_SCHEMA_VERSION } });
    expect(migrateQuery({ schemaVersion: QUERY_SCHEMA_VERSION + 1 })).toEqual({
      error: `schemaVersion: ${QUERY_SCHEMA_VERSION + 1} was saved by a newer plugin (this one reads up to ${QUERY_SCHEMA_VERSION}); update the plugin`,
    });
    expect(migrateQuery({ schemaVersion: 'one' })).toEqual({ error: 'schemaVersion: must be a whole number from 1; got "one"' });
  });
});

import { QUERY_SCHEMA_VERSION } from './model';
import { defaultQuery, parseQuery } from './parseQuery';

describe('resources and metrics queries', () => {
  it('fill their defaults', () => {
    expect(defaultQuery('A', 'resources')).toEqual({
      refId: 'A', queryType: 'resources', schemaVersion: QUERY_SCHEMA_VERSION, source: 'elasticsearch', level: 'workflow', filters: {},
      groupBy: ['workflow'], resources: ['cpu', 'memory', 'gpu', 'avg_cores', 'avg_memory'], limit: 20,
    });
    // A metrics query needs a metric; a new one starts from the documented example.
    expect(defaultQuery('A', 'metrics')).toEqual({
      refId: 'A', queryType: 'metrics', schemaVersion: QUERY_SCHEMA_VERSION, source: 'elasticsearch', level: 'workflow', filters: {},
      metric: 'images_processed', aggregation: 'avg', groupBy: ['workflow'], limit: 20,
    });
  });

  it('accepts nested metric names', () => {
    expect(parseQuery({ queryType: 'metrics', metric: 'eval.top-1_accuracy' })).toEqual({ query: expect.objectContaining({ metric: 'eval.top-1_accuracy' }) });
  });

  it.each([
    [{ queryType: 'resources', resources: [] }, 'resources: choose at least one resource'],
    [{ queryType: 'resources', resources: ['cpu', 'cpu'] }, 'resources: lists the same resource twice'],
    [{ queryType: 'resources', groupBy: ['task'] }, 'groupBy[0]: "task" needs level "node": workflow runs have no task; set level to node'],
    [{ queryType: 'metrics' }, 'metric: name the metric, for example images_processed'],
    [{ queryType: 'metrics', metric: 'a..b' }, 'metric: is not a metric field name; use letters, digits, _ and - with dots between parts (images_processed, eval.accuracy)'],
    [{ queryType: 'metrics', metric: 'x', aggregation: 'p95' }, 'aggregation: Invalid option: expected one of "avg"|"sum"|"min"|"max"'],
  ])('names the field: %j', (raw, message) => {
    expect(parseQuery(raw)).toEqual({ error: message });
  });
});

import { argoEndpoint, elasticsearchOperation, queryTypeLabel, resourceLabel } from './metricLabels';

/** Label values come from fixed lists: whatever else a path or query holds is `other` or `invalid`. */
describe('metric labels', () => {
  test('query types: the model’s nine, anything else invalid', () => {
    expect(queryTypeLabel('cronDrift')).toBe('cronDrift');
    expect(queryTypeLabel('durations; drop')).toBe('invalid');
    expect(queryTypeLabel('__proto__')).toBe('invalid');
    expect(queryTypeLabel(undefined)).toBe('invalid');
  });

  test('resources: served lists, anything else other', () => {
    expect(resourceLabel('tasks', ['tasks'])).toBe('tasks');
    expect(resourceLabel('tasks/../secret', ['tasks'])).toBe('other');
  });

  test.each([
    ['/argo-workflows-*/_search', 'search'],
    ['/team-a-secret-index/_field_caps', 'field_caps'],
    ['/_resolve/index/argo-workflows-*', 'resolve_index'],
    ['/', 'info'],
    ['/argo-workflows-*/_doc/1', 'other'],
  ])('Elasticsearch %s is %s', (path, operation) => expect(elasticsearchOperation(path)).toBe(operation));

  test.each([
    ['api/v1/workflows/ml', 'workflows_list'],
    ['api/v1/workflows/', 'workflows_list'],
    ['api/v1/workflows/ml/nightly-train-x7', 'workflows_get'],
    ['api/v1/archived-workflows', 'archived_workflows_list'],
    ['api/v1/archived-workflows/4f1c', 'archived_workflows_get'],
    ['api/v1/cron-workflows/ml', 'cron_workflows_list'],
    ['api/v1/version', 'version'],
    ['api/v1/workflows/ml/x/log', 'other'],
    ['api/v1/secret-thing/ml', 'other'],
    ['argo/api/v1/version', 'other'],
  ])('Argo %s is %s', (path, endpoint) => expect(argoEndpoint(path)).toBe(endpoint));
});

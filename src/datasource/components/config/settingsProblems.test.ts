import { settingsProblems } from './settingsProblems';

describe('settingsProblems', () => {
  test('valid settings have no problems', () => {
    expect(settingsProblems({ argo: { url: 'https://argo-server.argo:2746' } })).toEqual({
      fields: {},
      elasticsearch: [],
      argo: [],
      general: [],
    });
  });

  test('messages that name a field are placed on that field', () => {
    const problems = settingsProblems({
      elasticsearch: { url: 'ftp://es', index: 'argo-*', timeoutSeconds: 1.5 },
      argo: { url: 'argo-server' },
    });
    expect(problems.fields).toEqual({
      'elasticsearch.url': expect.stringContaining('http:// or https://'),
      'elasticsearch.timeoutSeconds': expect.stringContaining('whole number'),
      'argo.url': expect.stringContaining('http:// or https://'),
    });
  });

  test('field mapping problems are placed on the role they concern', () => {
    const problems = settingsProblems({
      elasticsearch: { url: 'http://es:9200', fieldMapping: { fields: { start: '', duration: '', end: 'a b' } } },
    });
    expect(problems.fields).toEqual({
      'elasticsearch.fieldMapping.fields.start': expect.stringMatching(/^is empty; every query needs/),
      'elasticsearch.fieldMapping.fields.duration': expect.stringMatching(/^is empty; enter the duration field/),
      'elasticsearch.fieldMapping.fields.end': expect.stringContaining('without spaces'),
    });
    expect(problems.elasticsearch).toEqual([]);
  });

  test('a message containing "; " stays one message', () => {
    const problems = settingsProblems({ elasticsearch: { url: 'http://es:9200', index: '' } });
    expect(problems.fields['elasticsearch.index']).toMatch(/^is empty; enter an index name/);
  });

  test('list entries are reported on the list', () => {
    expect(settingsProblems({ argo: { url: 'http://argo' }, namespaces: ['ml', ''] }).fields.namespaces).toBeDefined();
  });

  test('nothing configured is a general problem', () => {
    expect(settingsProblems({}).general).toEqual([
      expect.stringContaining('configure Elasticsearch, the Argo Server, or both'),
    ]);
  });

  test('missing credentials are an Elasticsearch problem; a stored secret counts as present', () => {
    const jsonData = { elasticsearch: { url: 'http://es:9200', auth: 'apiKey' as const } };
    expect(settingsProblems(jsonData).elasticsearch).toHaveLength(1);
    expect(settingsProblems(jsonData, { elasticsearchApiKey: 'typed now' }).elasticsearch).toEqual([]);
    expect(settingsProblems(jsonData, {}, { elasticsearchApiKey: true }).elasticsearch).toEqual([]);
  });
});

import { CoreApp } from '@grafana/data';

import { parseQuery } from '../query/parseQuery';
import { instanceSettings } from '../testing/datasourceSettings';
import { installFakeTemplateSrv } from '../testing/fakeTemplateSrv';
import { ArgoPerfDataSource } from './datasource';
import type { ArgoPerfDataQuery } from './types';

function datasource() {
  return new ArgoPerfDataSource(instanceSettings({ argo: { url: 'https://argo-server.argo:2746' } }));
}

const query = (patch: Partial<ArgoPerfDataQuery>): ArgoPerfDataQuery => ({
  refId: 'A',
  queryType: 'durations',
  ...patch,
});

describe('ArgoPerfDataSource', () => {
  beforeEach(() =>
    installFakeTemplateSrv({ namespace: ['ml', 'data'], workflow: 'nightly-train', phase: ['Failed', 'Error'] })
  );

  test('applyTemplateVariables expands multi-value variables into several filter entries', () => {
    const applied = datasource().applyTemplateVariables(
      query({
        filters: { namespaces: ['$namespace'], workflows: ['$workflow'], phases: ['$phase', 'Failed'] },
        limit: 5,
      }),
      {}
    );
    expect(applied).toEqual(
      query({
        filters: { namespaces: ['ml', 'data'], workflows: ['nightly-train'], phases: ['Failed', 'Error'] },
        limit: 5,
      })
    );
  });

  test('applyTemplateVariables leaves a query without filters as it is', () => {
    const plain = query({ groupBy: ['workflow'] });
    expect(datasource().applyTemplateVariables(plain, {})).toBe(plain);
  });

  test('hidden queries are not sent', () => {
    const ds = datasource();
    expect(ds.filterQuery(query({ hide: true }))).toBe(false);
    expect(ds.filterQuery(query({ hide: false }))).toBe(true);
    expect(ds.filterQuery(query({}))).toBe(true);
  });

  test('a new query is the shared default query, with the refId left to Grafana', () => {
    const fresh = datasource().getDefaultQuery(CoreApp.PanelEditor);
    expect(fresh.refId).toBeUndefined();
    expect(fresh.queryType).toBe('durations');
    const parsed = parseQuery({ ...fresh, refId: 'B' });
    expect('query' in parsed && parsed.query).toEqual({ ...fresh, refId: 'B' });
  });

  test('a new query starts where the datasource can answer it: steps for flat documents, the Argo Server without Elasticsearch', () => {
    const flat = new ArgoPerfDataSource(
      instanceSettings({ elasticsearch: { url: 'http://es:9200', fieldMapping: { preset: 'flat', fields: {} } } })
    ).getDefaultQuery(CoreApp.PanelEditor);
    expect(flat).toMatchObject({ level: 'node', source: 'elasticsearch' });
    const ours = new ArgoPerfDataSource(instanceSettings({ elasticsearch: { url: 'http://es:9200' } })).getDefaultQuery(CoreApp.PanelEditor);
    expect(ours).toMatchObject({ level: 'workflow', source: 'elasticsearch' });
    expect(datasource().getDefaultQuery(CoreApp.PanelEditor)).toMatchObject({ source: 'argo' });
  });

  test('variable queries list values through the resource calls', async () => {
    const ds = datasource();
    const getResource = jest.spyOn(ds, 'getResource').mockResolvedValue({ values: ['ml', 'data'] });
    await expect(ds.metricFindQuery('namespaces')).resolves.toEqual([
      { text: 'ml', value: 'ml' },
      { text: 'data', value: 'data' },
    ]);
    expect(getResource).toHaveBeenCalledWith('namespaces', undefined);
  });

  test('a multi-value namespace asks once per namespace and merges the answers', async () => {
    const ds = datasource();
    const answers: Record<string, string[]> = { ml: ['train', 'shared'], data: ['ingest', 'shared'] };
    const getResource = jest
      .spyOn(ds, 'getResource')
      .mockImplementation(async (_path, params) => ({ values: answers[String(params?.namespace)] }));
    const found = await ds.metricFindQuery('workflows?namespace=$namespace');
    expect(found.map((value) => value.text)).toEqual(['train', 'shared', 'ingest']);
    expect(getResource.mock.calls).toEqual([
      ['workflows', { namespace: 'ml' }],
      ['workflows', { namespace: 'data' }],
    ]);
  });

  test('a runs variable is one list in the backend\'s order over every namespace and workflow chosen', async () => {
    const ds = datasource();
    // The backend orders runs (newest or largest first) across namespaces: one call keeps that order.
    const getResource = jest.spyOn(ds, 'getResource').mockResolvedValue({ values: ['big-run', 'small-run'] });
    const found = await ds.metricFindQuery('runs?namespace=$namespace&workflow=$workflow&level=node');
    expect(found.map((value) => value.text)).toEqual(['big-run', 'small-run']);
    expect(getResource.mock.calls).toEqual([['runs', { namespace: ['ml', 'data'], workflow: ['nightly-train'], level: 'node' }]]);
  });

  test('a variable query with a level asks the backend for that level', async () => {
    const ds = datasource();
    const getResource = jest.spyOn(ds, 'getResource').mockResolvedValue({ values: ['train-model'] });
    await ds.metricFindQuery('templates?namespace=ml&level=node');
    expect(getResource).toHaveBeenCalledWith('templates', { namespace: 'ml', level: 'node' });
  });

  test('an unknown variable query fails with a message that lists the valid ones', async () => {
    await expect(datasource().metricFindQuery('pods')).rejects.toThrow(
      /namespaces, workflows, templates, tasks, crons/
    );
  });
});

import { installFakeTemplateSrv } from '../testing/fakeTemplateSrv';
import { expandEntry, interpolateFilters, interpolateQuery } from './templateVariables';

describe('expandEntry', () => {
  const templateSrv = installFakeTemplateSrv({
    namespace: 'ml',
    workflow: ['nightly-train', 'hourly-ingest'],
    team: ['a', 'b'],
    stage: ['x', 'y'],
    none: [],
  });

  test('plain text stays one entry', () => {
    expect(expandEntry('nightly-train', templateSrv)).toEqual(['nightly-train']);
  });

  test('a single-value variable gives its value', () => {
    expect(expandEntry('$namespace', templateSrv)).toEqual(['ml']);
    expect(expandEntry('${namespace}', templateSrv)).toEqual(['ml']);
  });

  test('a multi-value variable gives one entry per value', () => {
    expect(expandEntry('$workflow', templateSrv)).toEqual(['nightly-train', 'hourly-ingest']);
  });

  test('text around a multi-value variable is kept on every value', () => {
    expect(expandEntry('ml-$team-train', templateSrv)).toEqual(['ml-a-train', 'ml-b-train']);
  });

  test('two multi-value variables give every combination', () => {
    expect(expandEntry('$team-$stage', templateSrv)).toEqual(['a-x', 'a-y', 'b-x', 'b-y']);
  });

  test('a variable with no values selected gives no entry', () => {
    expect(expandEntry('$none', templateSrv)).toEqual([]);
  });

  test('unknown variables stay as written so the backend can name them', () => {
    expect(expandEntry('$missing', templateSrv)).toEqual(['$missing']);
  });

  test('scoped variables (repeated panels) win over dashboard values', () => {
    expect(expandEntry('$workflow', templateSrv, { workflow: { text: 'x', value: 'repeat-one' } })).toEqual([
      'repeat-one',
    ]);
  });
});

describe('interpolateFilters', () => {
  const templateSrv = installFakeTemplateSrv({ workflow: ['train', 'eval'], empty: '' });

  test('expands every list, drops empty entries and repeats', () => {
    expect(
      interpolateFilters(
        { namespaces: ['ml'], workflows: ['$workflow', 'train', '$empty'], phases: ['Failed'] },
        templateSrv
      )
    ).toEqual({ namespaces: ['ml'], workflows: ['train', 'eval'], phases: ['Failed'] });
  });

  test('leaves out lists that are not set', () => {
    expect(interpolateFilters({ tasks: undefined }, templateSrv)).toEqual({});
  });
});

describe('interpolateQuery: fields that name one thing', () => {
  const templateSrv = installFakeTemplateSrv({ run: 'bench-x7k2p', metric: ['accuracy', 'records'] });

  test('a run or metric variable gives its value (the first of several); other text stays', () => {
    expect(interpolateQuery({ refId: 'A', queryType: 'progress', run: '$run' }, templateSrv)).toEqual({ refId: 'A', queryType: 'progress', run: 'bench-x7k2p' });
    expect(interpolateQuery({ refId: 'A', queryType: 'metrics', metric: '${metric}' }, templateSrv)).toMatchObject({ metric: 'accuracy' });
    expect(interpolateQuery({ refId: 'A', queryType: 'metrics', metric: 'images_processed' }, templateSrv)).toMatchObject({ metric: 'images_processed' });
    expect(interpolateQuery({ refId: 'A', queryType: 'progress', run: '$unknown' }, templateSrv)).toMatchObject({ run: '$unknown' });
  });

  test("a timeline's run or uid variable gives its value", () => {
    const srv = installFakeTemplateSrv({ run: 'large-benchmark-rk672', uid: ['5f0e6c2a', 'other'] });
    expect(interpolateQuery({ refId: 'A', queryType: 'timeline', run: '$run' }, srv)).toEqual({ refId: 'A', queryType: 'timeline', run: 'large-benchmark-rk672' });
    expect(interpolateQuery({ refId: 'A', queryType: 'timeline', uid: '${uid}' }, srv)).toEqual({ refId: 'A', queryType: 'timeline', uid: '5f0e6c2a' });
  });
});

import { parseVariableQuery, RESOURCE_KINDS, valuesOf } from './resources';

describe('parseVariableQuery', () => {
  test.each(RESOURCE_KINDS)('%s lists every value', (kind) => {
    expect(parseVariableQuery(kind)).toEqual({ kind });
  });

  test('a namespace narrows the list', () => {
    expect(parseVariableQuery(' workflows?namespace=$namespace ')).toEqual({
      kind: 'workflows',
      namespace: '$namespace',
    });
  });

  test('an empty namespace is no namespace', () => {
    expect(parseVariableQuery('crons?namespace=')).toEqual({ kind: 'crons' });
  });

  test('an unknown list is refused with the ones that exist', () => {
    const parsed = parseVariableQuery('pods');
    expect(parsed).toEqual({ error: expect.stringContaining('"pods" is not a list') });
    expect('error' in parsed && parsed.error).toContain(RESOURCE_KINDS.join(', '));
  });
});

describe('valuesOf', () => {
  test('keeps the strings of the answer', () => {
    expect(valuesOf({ values: ['ml', 3, 'data', null] })).toEqual(['ml', 'data']);
    expect(valuesOf({})).toEqual([]);
    expect(valuesOf(undefined)).toEqual([]);
  });
});

describe('parseVariableQuery with a source', () => {
  it('reads the Argo Server when asked', () => {
    expect(parseVariableQuery('crons?source=argo')).toEqual({ kind: 'crons', source: 'argo' });
    expect(parseVariableQuery('workflows?namespace=ml&source=elasticsearch')).toEqual({ kind: 'workflows', namespace: 'ml' });
  });

  it('names an unknown source', () => {
    expect(parseVariableQuery('crons?source=s3')).toEqual({ error: 'variable query: source "s3" is unknown; use source=argo or source=elasticsearch' });
  });
});

describe('parseVariableQuery with bad input', () => {
  it('quotes a huge list name shortened, not whole', () => {
    const parsed = parseVariableQuery(`${'x'.repeat(1_000_000)}?namespace=ml`);
    expect('error' in parsed && parsed.error).toContain('…" (1000000 characters)');
    expect('error' in parsed && parsed.error.length).toBeLessThan(400);
  });

  it('quotes a huge source shortened', () => {
    const parsed = parseVariableQuery(`crons?source=${'s'.repeat(100_000)}`);
    expect('error' in parsed && parsed.error.length).toBeLessThan(400);
  });

  it('names a namespace that is too long', () => {
    expect(parseVariableQuery(`workflows?namespace=${'n'.repeat(64)}`)).toEqual({
      error: expect.stringMatching(/^variable query: namespace: .*63/),
    });
  });

  it('names a key that is too long', () => {
    expect(parseVariableQuery(`values?key=label:${'k'.repeat(400)}`)).toEqual({ error: expect.stringMatching(/^variable query: key: /) });
  });
});

describe('parseVariableQuery with a level', () => {
  it('lists the values steps hold (templates of steps rather than of workflows)', () => {
    expect(parseVariableQuery('templates?namespace=$namespace&level=node')).toEqual({ kind: 'templates', namespace: '$namespace', level: 'node' });
    expect(parseVariableQuery('templates?level=workflow')).toEqual({ kind: 'templates', level: 'workflow' });
  });

  it('names an unknown level', () => {
    expect(parseVariableQuery('templates?level=pod')).toEqual({ error: 'variable query: level "pod" is unknown; use level=workflow or level=node' });
  });
});

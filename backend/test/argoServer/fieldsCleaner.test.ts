import { FieldsCleaner } from './fieldsCleaner';

const list = {
  metadata: { continue: '10', resourceVersion: '5' },
  items: [
    {
      metadata: { name: 'a', uid: '1', labels: { x: 'y' } },
      status: { phase: 'Running', nodes: { 'a-1': { id: 'a-1' } }, progress: '1/2' },
    },
    { metadata: { name: 'b', uid: '2' }, status: { phase: 'Failed', nodes: { 'b-1': { id: 'b-1' } } } },
  ],
};

describe('FieldsCleaner (Argo util/fields)', () => {
  it('includes only the listed paths, walking arrays; the list metadata only when named', () => {
    const cleaned = new FieldsCleaner('items.metadata.name,items.status.phase').clean(list);
    expect(cleaned).toEqual({
      items: [
        { metadata: { name: 'a' }, status: { phase: 'Running' } },
        { metadata: { name: 'b' }, status: { phase: 'Failed' } },
      ],
    });
    expect(new FieldsCleaner('metadata,items.metadata.uid').clean(list)).toEqual({
      metadata: list.metadata,
      items: [{ metadata: { uid: '1' } }, { metadata: { uid: '2' } }],
    });
  });

  it('keeps a named map (the node map) whole', () => {
    const cleaned = new FieldsCleaner('items.status.nodes').clean(list);
    expect(cleaned.items[0].status).toEqual({ nodes: { 'a-1': { id: 'a-1' } } });
  });

  it('excludes the listed paths when the value starts with "-"', () => {
    const cleaned = new FieldsCleaner('-items.status.nodes,metadata').clean(list);
    expect(cleaned).toEqual({
      items: [
        { metadata: list.items[0].metadata, status: { phase: 'Running', progress: '1/2' } },
        { metadata: list.items[1].metadata, status: { phase: 'Failed' } },
      ],
    });
  });

  it('compares paths as string prefixes, like the Go code', () => {
    // "items.status.p" is a string prefix of "items.status.phase", so the parent path counts as wanted.
    expect(new FieldsCleaner('items.status.phase').clean({ items: [{ status: { p: { q: 1 }, phase: 'x' } }] })).toEqual(
      { items: [{ status: { p: {}, phase: 'x' } }] }
    );
  });

  it('answers willExclude as the server does before hydrating nodes', () => {
    expect(new FieldsCleaner('').willExclude('status.nodes')).toBe(false);
    expect(new FieldsCleaner('metadata,status').willExclude('status.nodes')).toBe(false);
    expect(new FieldsCleaner('metadata,status.phase').willExclude('status.nodes')).toBe(true);
    expect(new FieldsCleaner('-status.nodes').willExclude('status.nodes')).toBe(true);
    expect(new FieldsCleaner('-spec.templates').willExclude('status.nodes')).toBe(false);
  });

  it('does not change its input', () => {
    const before = JSON.stringify(list);
    new FieldsCleaner('items.metadata.name').clean(list);
    expect(JSON.stringify(list)).toBe(before);
  });
});

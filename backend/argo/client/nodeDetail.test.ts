import type { Workflow } from './argoTypes';
import { isArchiveRow, needsNodeFetch, nodeSource } from './nodeDetail';

const wf = (status: Workflow['status'], labels?: Record<string, string>): Workflow => ({
  metadata: { name: 'w', labels },
  status,
});

describe('node sources', () => {
  it('tells where a listed workflow keeps its nodes', () => {
    expect(nodeSource(wf({ phase: 'Succeeded', nodes: { w: { id: 'w', name: 'w', type: 'DAG' } } }))).toBe('inline');
    expect(nodeSource(wf({ phase: 'Succeeded', compressedNodes: 'H4sI' }))).toBe('compressed');
    expect(nodeSource(wf({ phase: 'Running', offloadNodeStatusVersion: 'fnv:1', nodes: null }))).toBe('offloaded');
    expect(nodeSource(wf({ phase: 'Failed' }))).toBe('absent');
    expect(nodeSource(wf({ phase: 'Pending', nodes: {} }))).toBe('none yet');
  });

  it('fetches offloaded and absent nodes, compressed ones only when asked', () => {
    expect(needsNodeFetch(wf({ phase: 'Failed', offloadNodeStatusVersion: 'fnv:1' }))).toBe(true);
    expect(needsNodeFetch(wf({ phase: 'Failed' }))).toBe(true);
    expect(needsNodeFetch(wf({ phase: 'Failed', compressedNodes: 'H4sI' }))).toBe(false);
    expect(needsNodeFetch(wf({ phase: 'Failed', compressedNodes: 'H4sI' }), true)).toBe(true);
    expect(needsNodeFetch(wf({}))).toBe(false);
  });

  it('recognises archive rows by their Persisted label', () => {
    expect(isArchiveRow(wf({}, { 'workflows.argoproj.io/workflow-archiving-status': 'Persisted' }))).toBe(true);
    expect(isArchiveRow(wf({}, { 'workflows.argoproj.io/workflow-archiving-status': 'Archived' }))).toBe(false);
  });
});

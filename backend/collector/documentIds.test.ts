import type { NodeDocument, WorkflowDocument } from '../argo/extract/documents';
import { nextSliceMs } from './collectorCommands';
import { dataIndexFor, documentId, runKey } from './documentIds';

const run = { doc_kind: 'workflow', '@timestamp': '2026-01-31T23:30:00-02:00', workflow: { name: 'train-x', uid: 'u-1' } } as WorkflowDocument;

describe('document ids and indices', () => {
  it('keys runs by uid and nodes by uid/node id', () => {
    expect(documentId(run, runKey(run))).toBe('u-1');
    expect(documentId({ doc_kind: 'node', node: { id: 'train-x-123' } } as NodeDocument, 'u-1')).toBe('u-1/train-x-123');
  });

  it('puts a run in the UTC month of its start', () => {
    expect(dataIndexFor('argo-workflows', run)).toBe('argo-workflows-2026.02');
  });

  it('keys a run without uid by namespace, name and start', () => {
    expect(runKey({ ...run, namespace: 'ml', workflow: { name: 'train-x' } })).toBe('ml/train-x/2026-01-31T23:30:00-02:00');
  });

  it('grows sparse backfill slices and shrinks dense ones', () => {
    expect(nextSliceMs(3_600_000, 10, 1000)).toBe(7_200_000);
    expect(nextSliceMs(3_600_000, 1000, 1000)).toBe(3_600_000);
    expect(nextSliceMs(3_600_000, 5000, 1000)).toBe(1_800_000);
  });
});

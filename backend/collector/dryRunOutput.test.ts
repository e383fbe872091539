import { Writable } from 'node:stream';

import type { ArgoDocument, NodeDocument, WorkflowDocument } from '../argo/extract/documents';
import { DRY_RUN_BATCH_CHARS, writeOperations, type CollectContext } from './collectRange';
import { collectorLog } from './collectorLog';
import { CollectorStats } from './collectorStats';
import type { IndexOperation } from './documentIds';

/** A pipe-like stream that records every write and asks for a drain after each one (backpressure). */
function recordingOut(): { out: Writable; writes: string[] } {
  const writes: string[] = [];
  const out = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  return { out, writes };
}

function context(out: Writable): CollectContext {
  return {
    argo: undefined as never,
    sink: { kind: 'dryRun', out },
    indexPrefix: 'p',
    stats: new CollectorStats(),
    log: collectorLog({ json: true, secrets: [], write: () => undefined }),
  };
}

/** Each operation as a run of its own (one batch each), failing before the one at `failAfter`. */
async function* fromList(operations: IndexOperation[], failAfter?: number): AsyncGenerator<IndexOperation[]> {
  for (const [i, operation] of operations.entries()) {
    if (i === failAfter) {
      throw new Error('the Argo Server failed');
    }
    yield [operation];
  }
}

async function* oneRun(operations: IndexOperation[]): AsyncGenerator<IndexOperation[]> {
  yield operations;
}

const run = { doc_kind: 'workflow', '@timestamp': '2026-01-02T03:04:05Z', namespace: 'ml', workflow: { name: 'train-x', uid: 'u1' }, phase: 'Succeeded' } as unknown as WorkflowDocument;
const node = { doc_kind: 'node', '@timestamp': '2026-01-02T03:04:06Z', workflow: { name: 'train-x', uid: 'u1' }, node: { id: 'n1', name: 'train-x.fit', display_name: 'fit', type: 'Pod', retry_attempt: 0 } } as unknown as NodeDocument;

/** `count` operations of about 1 KB each, numbered. */
function many(count: number): IndexOperation[] {
  return Array.from({ length: count }, (_, i) => ({
    index: 'p-2026.01',
    id: `u${i}`,
    document: { ...run, workflow: { name: `run-${i}`, uid: `u${i}` }, message: 'x'.repeat(900) } as unknown as ArgoDocument,
  }));
}

describe('the dry run output', () => {
  it('is the bulk NDJSON: an index action line, then the document line, byte for byte', async () => {
    const { out, writes } = recordingOut();
    await writeOperations(oneRun([
      { index: 'p-2026.01', id: 'u1', document: run },
      { index: 'p-2026.01', id: 'u1/n1', document: node },
    ]), context(out));
    expect(writes.join('')).toBe(
      '{"index":{"_index":"p-2026.01","_id":"u1"}}\n' +
        '{"doc_kind":"workflow","@timestamp":"2026-01-02T03:04:05Z","namespace":"ml","workflow":{"name":"train-x","uid":"u1"},"phase":"Succeeded"}\n' +
        '{"index":{"_index":"p-2026.01","_id":"u1/n1"}}\n' +
        '{"doc_kind":"node","@timestamp":"2026-01-02T03:04:06Z","workflow":{"name":"train-x","uid":"u1"},"node":{"id":"n1","name":"train-x.fit","display_name":"fit","type":"Pod","retry_attempt":0}}\n'
    );
  });

  it('writes in batches, not once per document, and keeps every line in order', async () => {
    const { out, writes } = recordingOut();
    const operations = many(3000);
    await writeOperations(fromList(operations), context(out));
    const lines = writes.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(6000);
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as { index?: { _id: string }; workflow?: { uid: string } };
      expect(i % 2 === 0 ? parsed.index?._id : parsed.workflow?.uid).toBe(`u${Math.floor(i / 2)}`);
    });
    // About 3 MB: a write per document would be 3,000 writes.
    const bytes = writes.reduce((sum, w) => sum + w.length, 0);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(bytes / DRY_RUN_BATCH_CHARS) + 1);
  });

  it('prints what was read before the Argo Server failed, then fails', async () => {
    const { out, writes } = recordingOut();
    await expect(writeOperations(fromList(many(10), 7), context(out))).rejects.toThrow('the Argo Server failed');
    const ids = writes.join('').trim().split('\n').filter((_, i) => i % 2 === 0).map((l) => (JSON.parse(l) as { index: { _id: string } }).index._id);
    expect(ids).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
  });
});

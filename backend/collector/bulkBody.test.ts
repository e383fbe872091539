import type { ArgoDocument } from '../argo/extract/documents';
import { BulkBody, operationLines } from './bulkBody';
import type { IndexOperation } from './documentIds';

/** Operations whose documents hold text of 1, 2, 3 and 4 UTF-8 bytes per character. */
function operations(count: number, textLength = 50): IndexOperation[] {
  const texts = ['a', 'é', '流', '🚀'];
  return Array.from({ length: count }, (_, i) => ({
    index: `p-2026.0${(i % 9) + 1}`,
    id: `uid-${i}/node-${i}`,
    document: { doc_kind: 'node', message: texts[i % 4].repeat(textLength), n: i } as unknown as ArgoDocument,
  }));
}

/** The NDJSON the bulk API expects, written here without the code under test. */
function ndjson(ops: IndexOperation[]): string {
  return ops.map((op) => `{"index":{"_index":"${op.index}","_id":"${op.id}"}}\n${JSON.stringify(op.document)}\n`).join('');
}

describe('BulkBody', () => {
  it('holds the operations as bulk NDJSON, byte for byte, also for multi-byte text', () => {
    const ops = operations(8);
    const body = new BulkBody(1 << 20);
    ops.forEach((op) => body.add(op));
    expect(body.payload().equals(Buffer.from(ndjson(ops), 'utf8'))).toBe(true);
    expect(body.count).toBe(8);
    expect(body.size).toBe(Buffer.byteLength(ndjson(ops)));
  });

  it('grows past its first capacity without losing or reordering bytes', () => {
    const ops = operations(400, 2_000);
    const body = new BulkBody(1);
    ops.forEach((op) => body.add(op));
    expect(body.size).toBeGreaterThan(1_000_000);
    expect(body.payload().toString('utf8')).toBe(ndjson(ops));
  });

  it('picks the operations at given positions into a new body, and names each by index and id', () => {
    const ops = operations(12);
    const body = new BulkBody(4096);
    ops.forEach((op) => body.add(op));
    const picked = body.pick([0, 3, 11]);
    expect(picked.payload().toString('utf8')).toBe(ndjson([ops[0], ops[3], ops[11]]));
    expect(picked.count).toBe(3);
    expect(picked.target(1)).toEqual({ index: ops[3].index, id: ops[3].id });
    expect(body.target(11)).toEqual({ index: ops[11].index, id: ops[11].id });
    // The original body is unchanged by the pick.
    expect(body.payload().toString('utf8')).toBe(ndjson(ops));
  });

  it('writes the same lines as the dry run prints', () => {
    const [op] = operations(1);
    const body = new BulkBody(64);
    body.add(op);
    expect(body.payload().toString('utf8')).toBe(operationLines(op));
  });
});

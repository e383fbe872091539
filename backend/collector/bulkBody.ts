import type { IndexOperation } from './documentIds';

/** The two NDJSON lines of one index operation, as the bulk API and the dry run write them. */
export function operationLines({ index, id, document }: IndexOperation): string {
  return `${JSON.stringify({ index: { _index: index, _id: id } })}\n${JSON.stringify(document)}\n`;
}

/**
 * One bulk request being filled: its NDJSON as bytes outside the JavaScript heap, and where each
 * operation starts, so that the operations Elasticsearch throttled can be sent again and a rejected one
 * named. Each document's text is short-lived: it is copied here at once instead of being held as a
 * string until Elasticsearch answers (docs/benchmarks.md, "the collector's write path").
 */
export class BulkBody {
  private bytes: Buffer;
  private used = 0;
  private readonly starts: number[] = [];

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(capacity, 1024));
  }

  /** Operations in the body. */
  get count(): number {
    return this.starts.length;
  }

  /** Bytes in the body. */
  get size(): number {
    return this.used;
  }

  add(operation: IndexOperation): void {
    const text = operationLines(operation);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: room for that, without measuring the text first.
    const room = text.length * 3;
    if (this.used + room > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + room));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.starts.push(this.used);
    this.used += this.bytes.write(text, this.used, 'utf8');
  }

  /** The body to send (a view of the bytes, not a copy). */
  payload(): Buffer {
    return this.bytes.subarray(0, this.used);
  }

  /** A new body holding the operations at these positions (ascending), byte for byte. */
  pick(positions: number[]): BulkBody {
    const picked = new BulkBody(positions.reduce((sum, p) => sum + this.end(p) - this.starts[p], 0));
    for (const p of positions) {
      picked.starts.push(picked.used);
      picked.used += this.bytes.copy(picked.bytes, picked.used, this.starts[p], this.end(p));
    }
    return picked;
  }

  /** The index and id of the operation at this position, read back from its action line. */
  target(position: number): { index?: string; id?: string } {
    const start = this.starts[position];
    const lineEnd = this.bytes.indexOf(0x0a, start);
    const action = JSON.parse(this.bytes.toString('utf8', start, lineEnd)) as { index?: { _index?: string; _id?: string } };
    return { index: action.index?._index, id: action.index?._id };
  }

  private end(position: number): number {
    return position + 1 < this.starts.length ? this.starts[position + 1] : this.used;
  }
}

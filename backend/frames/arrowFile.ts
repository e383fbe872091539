import { Message, MetadataVersion, Vector, type Data, type Schema } from 'apache-arrow';
import { FileBlock, Footer } from 'apache-arrow/ipc/metadata/file';
import { RecordBatch as RecordBatchHeader, type BufferRegion, type FieldNode } from 'apache-arrow/ipc/metadata/message';
import { VectorAssembler } from 'apache-arrow/visitor/vectorassembler';

/**
 * An Arrow IPC *file* of one schema and at most one record batch, laid out as apache-arrow's
 * RecordBatchFileWriter lays it out (magic, record batch message and body, end-of-stream marker,
 * footer, footer size, magic), byte for byte, but with apache-arrow's message and footer encoders
 * called directly. The writer's stream machinery costs about 0.15 ms a frame, which answers of a few
 * hundred small frames (one per series) feel; backend/frames/arrowFile.test.ts checks the bytes against
 * apache-arrow's own tableToIPC.
 */
const MAGIC = new TextEncoder().encode('ARROW1');
const ALIGN = 8;

const padded = (size: number) => (size + ALIGN - 1) & ~(ALIGN - 1);

class ByteList {
  readonly parts: Uint8Array[] = [];
  length = 0;

  push(bytes: Uint8Array): void {
    if (bytes.byteLength > 0) {
      this.parts.push(bytes);
      this.length += bytes.byteLength;
    }
  }

  int32(first: number, second?: number): void {
    const words = new Int32Array(second === undefined ? 1 : 2);
    words[0] = first;
    if (second !== undefined) {
      words[1] = second;
    }
    this.push(new Uint8Array(words.buffer));
  }

  zeros(count: number): void {
    if (count > 0) {
      this.push(new Uint8Array(count));
    }
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.byteLength;
    }
    return out;
  }
}

/** One encapsulated message: continuation marker, padded size, flatbuffer, padding. Returns its metadata length. */
function writeFlatbuffer(out: ByteList, flatbuffer: Uint8Array): number {
  const aligned = padded(flatbuffer.byteLength + 8);
  out.int32(-1, aligned - 8);
  out.push(flatbuffer);
  out.zeros(aligned - 8 - flatbuffer.byteLength);
  return aligned;
}

/**
 * The record batch message depends only on the column layout (lengths, null counts, buffer sizes), which
 * the series of one answer mostly share: each layout is encoded once. Bounded, as layouts vary with rows.
 */
const batchMessages = new Map<string, Uint8Array>();
const BATCH_MESSAGES_KEPT = 256;

function writeRecordBatchMessage(
  out: ByteList,
  length: number,
  byteLength: number,
  nodes: FieldNode[],
  regions: BufferRegion[],
  variadicBufferCounts: number[]
): number {
  let key = `${length}|${byteLength}|${variadicBufferCounts.join(',')}|`;
  for (const node of nodes) {
    key += `${node.length},${node.nullCount};`;
  }
  for (const region of regions) {
    key += `${region.offset},${region.length};`;
  }
  let flatbuffer = batchMessages.get(key);
  if (!flatbuffer) {
    const header = new RecordBatchHeader(length, nodes, regions, null, variadicBufferCounts);
    flatbuffer = Message.encode(Message.from(header, byteLength));
    if (batchMessages.size >= BATCH_MESSAGES_KEPT) {
      batchMessages.clear();
    }
    batchMessages.set(key, flatbuffer);
  }
  return writeFlatbuffer(out, flatbuffer);
}

/**
 * `columns` are the record batch's columns (none: no batch). Taking them rather than a RecordBatch spares
 * apache-arrow's RecordBatch constructor, which copies the schema to check column lengths.
 */
export function arrowFile(schema: Schema, columns: Data[], length: number): Uint8Array {
  const out = new ByteList();
  out.push(MAGIC);
  out.zeros(2);
  const blocks: FileBlock[] = [];
  if (columns.length > 0) {
    const { byteLength, nodes, bufferRegions, buffers, variadicBufferCounts } = VectorAssembler.assemble(columns.map((column) => new Vector([column])));
    const offset = out.length;
    const metadataLength = writeRecordBatchMessage(out, length, byteLength, nodes, bufferRegions, variadicBufferCounts);
    blocks.push(new FileBlock(metadataLength, byteLength, offset));
    for (const buffer of buffers) {
      if (buffer.byteLength > 0) {
        out.push(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
        out.zeros(padded(buffer.byteLength) - buffer.byteLength);
      }
    }
  }
  out.int32(-1, 0);
  const footer = Footer.encode(new Footer(schema, MetadataVersion.V5, blocks, []));
  out.push(footer);
  out.int32(footer.byteLength);
  out.push(MAGIC);
  return out.join();
}

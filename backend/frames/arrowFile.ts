import { Message, MetadataVersion, Vector, type Data, type Schema } from 'apache-arrow';
import { FileBlock, Footer } from 'apache-arrow/ipc/metadata/file';
import { RecordBatch as RecordBatchHeader } from 'apache-arrow/ipc/metadata/message';
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
function writeMessage(out: ByteList, message: Message): number {
  const flatbuffer = Message.encode(message);
  const aligned = padded(flatbuffer.byteLength + 8);
  out.int32(-1, aligned - 8);
  out.push(flatbuffer);
  out.zeros(aligned - 8 - flatbuffer.byteLength);
  return aligned;
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
    const header = new RecordBatchHeader(length, nodes, bufferRegions, null, variadicBufferCounts);
    const offset = out.length;
    const metadataLength = writeMessage(out, Message.from(header, byteLength));
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

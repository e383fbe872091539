import { Message } from 'apache-arrow';
import { BufferRegion, FieldNode, RecordBatch as RecordBatchHeader } from 'apache-arrow/ipc/metadata/message';

import { encodeFooter, type FileBlock, type FooterField } from './arrowFooter';

/**
 * An Arrow IPC *file* of one schema and at most one record batch, laid out as apache-arrow's
 * RecordBatchFileWriter lays it out (magic, record batch message and body, end-of-stream marker,
 * footer, footer size, magic), byte for byte, written into one buffer. The writer's stream machinery,
 * its vector assembler and its footer encoder cost about 50 µs a frame, which answers of a few hundred
 * small frames (one per series) feel; backend/frames/arrowFile.test.ts checks the bytes against
 * apache-arrow's own tableToIPC.
 */
export interface Column extends FooterField {
  nullCount: number;
  /** The column's buffers in Arrow's order: validity (empty without nulls), then offsets and/or data. */
  buffers: Uint8Array[];
}

const MAGIC = new TextEncoder().encode('ARROW1');
const ALIGN = 8;

const padded = (size: number) => (size + ALIGN - 1) & ~(ALIGN - 1);

/**
 * The record batch message depends only on the column layout (lengths, null counts, buffer sizes), which
 * the series of one answer mostly share: each layout is encoded once, with apache-arrow's message
 * encoder. Bounded, as layouts vary with rows.
 */
const batchMessages = new Map<string, Uint8Array>();
const BATCH_MESSAGES_KEPT = 256;

function recordBatchMessage(length: number, columns: Column[]): { flatbuffer: Uint8Array; bodyLength: number } {
  let key = `${length}|`;
  let bodyLength = 0;
  for (const column of columns) {
    key += `${column.nullCount}:`;
    for (const buffer of column.buffers) {
      key += `${buffer.byteLength},`;
      bodyLength += padded(buffer.byteLength);
    }
    key += ';';
  }
  let flatbuffer = batchMessages.get(key);
  if (!flatbuffer) {
    const nodes = columns.map((column) => new FieldNode(length, column.nullCount));
    const regions: BufferRegion[] = [];
    let offset = 0;
    for (const buffer of columns.flatMap((column) => column.buffers)) {
      regions.push(new BufferRegion(offset, padded(buffer.byteLength)));
      offset += padded(buffer.byteLength);
    }
    const header = new RecordBatchHeader(length, nodes, regions, null, []);
    flatbuffer = Message.encode(Message.from(header, bodyLength));
    if (batchMessages.size >= BATCH_MESSAGES_KEPT) {
      batchMessages.clear();
    }
    batchMessages.set(key, flatbuffer);
  }
  return { flatbuffer, bodyLength };
}

/** `columns`: the record batch's columns (none: no batch); `metadata`: the schema's. */
export function arrowFile(columns: Column[], metadata: Array<[string, string]>, length: number): Uint8Array {
  const blocks: FileBlock[] = [];
  let message: { flatbuffer: Uint8Array; bodyLength: number } | undefined;
  // Magic and 2 bytes of padding, then the message: continuation marker, size, flatbuffer, padding.
  let size = 8;
  if (columns.length > 0) {
    message = recordBatchMessage(length, columns);
    const metaDataLength = padded(message.flatbuffer.byteLength + 8);
    blocks.push({ offset: size, metaDataLength, bodyLength: message.bodyLength });
    size += metaDataLength + message.bodyLength;
  }
  const footer = encodeFooter(columns, metadata, blocks);
  // End-of-stream marker, footer, its size, magic.
  const out = new Uint8Array(size + 8 + footer.byteLength + 4 + MAGIC.byteLength);
  const words = new DataView(out.buffer);
  out.set(MAGIC, 0);
  let at = 8;
  if (message) {
    words.setInt32(at, -1, true);
    words.setInt32(at + 4, blocks[0].metaDataLength - 8, true);
    out.set(message.flatbuffer, at + 8);
    at += blocks[0].metaDataLength;
    for (const column of columns) {
      for (const buffer of column.buffers) {
        out.set(buffer, at);
        at += padded(buffer.byteLength);
      }
    }
  }
  words.setInt32(at, -1, true);
  words.setInt32(at + 4, 0, true);
  at += 8;
  out.set(footer, at);
  at += footer.byteLength;
  words.setInt32(at, footer.byteLength, true);
  out.set(MAGIC, at + 4);
  return out;
}

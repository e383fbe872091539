import { Builder } from 'flatbuffers';
import { Block } from 'apache-arrow/fb/block';
import { Bool } from 'apache-arrow/fb/bool';
import { Endianness } from 'apache-arrow/fb/endianness';
import { Field } from 'apache-arrow/fb/field';
import { FloatingPoint } from 'apache-arrow/fb/floating-point';
import { Footer } from 'apache-arrow/fb/footer';
import { KeyValue } from 'apache-arrow/fb/key-value';
import { MetadataVersion } from 'apache-arrow/fb/metadata-version';
import { Precision } from 'apache-arrow/fb/precision';
import { Schema } from 'apache-arrow/fb/schema';
import { Timestamp } from 'apache-arrow/fb/timestamp';
import { TimeUnit } from 'apache-arrow/fb/time-unit';
import { Type } from 'apache-arrow/fb/type';
import { Utf8 } from 'apache-arrow/fb/utf8';

/**
 * The footer of an Arrow IPC file (its schema and record batch blocks), written with Arrow's own
 * flatbuffer tables (apache-arrow/fb) in the order apache-arrow's Footer.encode writes them, so the bytes
 * are the same (backend/frames/arrowFile.test.ts checks them against apache-arrow's writer). It exists
 * because answers carry a frame per series: apache-arrow's encoder builds Schema and Field objects and a
 * fresh flatbuffer builder for every frame, and its footer was most of encoding a small frame
 * (docs/benchmarks.md, "Issue 13: frames").
 */
export type ColumnType = 'time' | 'number' | 'string' | 'boolean';

export interface FooterField {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** Field metadata, in the order written (labels, config). */
  metadata: Array<[string, string]>;
}

export interface FileBlock {
  offset: number;
  metaDataLength: number;
  bodyLength: number;
}

const TYPE_IDS: Record<ColumnType, Type> = {
  time: Type.Timestamp,
  number: Type.FloatingPoint,
  string: Type.Utf8,
  boolean: Type.Bool,
};

/** One builder, cleared for each footer: the bytes are copied out before the next one. */
const builder = new Builder(16 * 1024);

/** Names and metadata keys repeat in every frame: their UTF-8 bytes are kept (short ones only, bounded). */
const encodedNames = new Map<string, Uint8Array>();
const textEncoder = new TextEncoder();

function nameBytes(text: string): Uint8Array | string {
  if (text.length > 64) {
    return text;
  }
  let bytes = encodedNames.get(text);
  if (!bytes) {
    if (encodedNames.size >= 1024) {
      encodedNames.clear();
    }
    bytes = textEncoder.encode(text);
    encodedNames.set(text, bytes);
  }
  return bytes;
}

function typeTable(b: Builder, type: ColumnType): number {
  switch (type) {
    case 'time':
      Timestamp.startTimestamp(b);
      Timestamp.addUnit(b, TimeUnit.NANOSECOND);
      return Timestamp.endTimestamp(b);
    case 'number':
      FloatingPoint.startFloatingPoint(b);
      FloatingPoint.addPrecision(b, Precision.DOUBLE);
      return FloatingPoint.endFloatingPoint(b);
    case 'string':
      Utf8.startUtf8(b);
      return Utf8.endUtf8(b);
    case 'boolean':
      Bool.startBool(b);
      return Bool.endBool(b);
  }
}

function keyValues(b: Builder, metadata: Array<[string, string]>): number[] {
  return metadata.map(([key, value]) => {
    const keyOffset = b.createString(nameBytes(key));
    const valueOffset = b.createString(value.length <= 16 ? nameBytes(value) : value);
    KeyValue.startKeyValue(b);
    KeyValue.addKey(b, keyOffset);
    KeyValue.addValue(b, valueOffset);
    return KeyValue.endKeyValue(b);
  });
}

function fieldTable(b: Builder, field: FooterField): number {
  const typeOffset = typeTable(b, field.type);
  const childrenOffset = Field.createChildrenVector(b, []);
  const metadataOffset = field.metadata.length > 0 ? Field.createCustomMetadataVector(b, keyValues(b, field.metadata)) : -1;
  const nameOffset = field.name ? b.createString(nameBytes(field.name)) : -1;
  Field.startField(b);
  Field.addType(b, typeOffset);
  Field.addTypeType(b, TYPE_IDS[field.type]);
  Field.addChildren(b, childrenOffset);
  Field.addNullable(b, field.nullable);
  if (nameOffset !== -1) {
    Field.addName(b, nameOffset);
  }
  if (metadataOffset !== -1) {
    Field.addCustomMetadata(b, metadataOffset);
  }
  return Field.endField(b);
}

function schemaTable(b: Builder, fields: FooterField[], metadata: Array<[string, string]>): number {
  const fieldOffsets = fields.map((field) => fieldTable(b, field));
  Schema.startFieldsVector(b, fieldOffsets.length);
  const fieldsOffset = Schema.createFieldsVector(b, fieldOffsets);
  const metadataOffset = metadata.length > 0 ? Schema.createCustomMetadataVector(b, keyValues(b, metadata)) : -1;
  Schema.startSchema(b);
  Schema.addFields(b, fieldsOffset);
  // Every target (x86-64, arm64) is little-endian.
  Schema.addEndianness(b, Endianness.Little);
  if (metadataOffset !== -1) {
    Schema.addCustomMetadata(b, metadataOffset);
  }
  return Schema.endSchema(b);
}

/** The footer flatbuffer. The view is valid until the next call: copy it out first. */
export function encodeFooter(fields: FooterField[], metadata: Array<[string, string]>, blocks: FileBlock[]): Uint8Array {
  const b = builder;
  b.clear();
  const schemaOffset = schemaTable(b, fields, metadata);
  Footer.startRecordBatchesVector(b, blocks.length);
  for (const block of [...blocks].reverse()) {
    Block.createBlock(b, BigInt(block.offset), block.metaDataLength, BigInt(block.bodyLength));
  }
  const batchesOffset = b.endVector();
  Footer.startDictionariesVector(b, 0);
  const dictionariesOffset = b.endVector();
  Footer.startFooter(b);
  Footer.addSchema(b, schemaOffset);
  Footer.addVersion(b, MetadataVersion.V5);
  Footer.addRecordBatches(b, batchesOffset);
  Footer.addDictionaries(b, dictionariesOffset);
  Footer.finishFooterBuffer(b, Footer.endFooter(b));
  return b.asUint8Array();
}

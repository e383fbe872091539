import * as zlib from 'node:zlib';

import { type JsonObject, hasKeys, isObject } from './argoFields';
import { type Problems, shown } from './problems';

/**
 * Where a workflow's nodes are. Large workflows arrive without `status.nodes`: either compressed into
 * `status.compressedNodes` (base64 of compressed JSON; gzip, or from Argo v4.1 zstd or brotli, which
 * Argo itself tells apart by content), or offloaded to Argo's database (`offloadNodeStatusVersion`),
 * which only a single-workflow GET to a server with persistence brings back.
 */
const NEEDS_GET = 'node detail needs a single-workflow GET';
/** Argo compresses node maps over 1 MiB; a decompressed map far above this is not one. */
const MAX_NODE_JSON_BYTES = 512 * 1024 * 1024;

type Zstd = (buffer: Buffer, options: { maxOutputLength: number }) => Buffer;

function decompress(bytes: Buffer): Buffer {
  const limit = { maxOutputLength: MAX_NODE_JSON_BYTES };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return zlib.gunzipSync(bytes, limit);
  }
  if (bytes.readUInt32LE(0) === 0xfd2fb528) {
    // zstd is in node:zlib from Node 22.15; the backend's executables run Node 24.
    const zstd = (zlib as unknown as { zstdDecompressSync?: Zstd }).zstdDecompressSync;
    if (!zstd) {
      throw new Error(`zstd needs Node 22.15 or later (this is ${process.version})`);
    }
    return zstd(bytes, limit);
  }
  // Brotli has no magic number: it is what is left.
  return zlib.brotliDecompressSync(bytes, limit);
}

/** The node map of `status.compressedNodes`, or undefined with a problem. */
function decompressNodes(compressed: string, problems: Problems): JsonObject | undefined {
  const field = 'status.compressedNodes';
  try {
    const bytes = Buffer.from(compressed, 'base64');
    if (bytes.length < 4) {
      problems.add(field, `${shown(compressed)} is not base64 of compressed nodes; ${NEEDS_GET}`);
      return undefined;
    }
    const nodes: unknown = JSON.parse(decompress(bytes).toString('utf8'));
    if (isObject(nodes)) {
      return nodes;
    }
    problems.add(field, `holds ${shown(nodes)}, not a node map; ${NEEDS_GET}`);
  } catch (error) {
    problems.add(field, `could not be decompressed (${error instanceof Error ? error.message : String(error)}); ${NEEDS_GET}`);
  }
  return undefined;
}

/** The node map from `status.nodes` or `status.compressedNodes`; undefined (no nodes yet, or a problem saying why) otherwise. */
export function nodeStatusMap(status: JsonObject, problems: Problems): JsonObject | undefined {
  const { nodes, compressedNodes, offloadNodeStatusVersion } = status;
  if (isObject(nodes) && hasKeys(nodes)) {
    return nodes;
  }
  if (nodes !== undefined && nodes !== null && !isObject(nodes)) {
    problems.add('status.nodes', `${shown(nodes)} is not a node map`);
  }
  if (typeof compressedNodes === 'string' && compressedNodes !== '') {
    return decompressNodes(compressedNodes, problems);
  }
  if (offloadNodeStatusVersion !== undefined && offloadNodeStatusVersion !== null && offloadNodeStatusVersion !== '') {
    problems.add('status.nodes', `offloaded to Argo's database (offloadNodeStatusVersion ${shown(offloadNodeStatusVersion)}); ${NEEDS_GET}`);
    return undefined;
  }
  return isObject(nodes) ? nodes : undefined;
}

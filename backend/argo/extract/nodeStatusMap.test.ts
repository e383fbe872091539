import * as zlib from 'node:zlib';

import { extractWorkflow } from './extractWorkflow';
import { corpusWorkflow } from './testCorpus';

/** Large workflows: nodes compressed into `status.compressedNodes`, or offloaded to Argo's database. */
type Json = Record<string, any>;

const FILE = 'operator_test_L10603_hr-retry-replication.json';

/** The real object with its node map moved into compressedNodes, as Argo's controller does. */
function compressed(compress: (json: Buffer) => Buffer): Json {
  const wf = corpusWorkflow(FILE) as Json;
  wf.status.compressedNodes = compress(Buffer.from(JSON.stringify(wf.status.nodes))).toString('base64');
  delete wf.status.nodes;
  return wf;
}

describe('compressed nodes', () => {
  const plain = extractWorkflow(corpusWorkflow(FILE));

  it('gives the same documents from gzip (Argo’s default) as from status.nodes', () => {
    const result = extractWorkflow(compressed((json) => zlib.gzipSync(json)));
    expect(result).toEqual(plain);
    expect(result.nodes).toHaveLength(6);
  });

  it('reads brotli too (Argo v4.1 can write it)', () => {
    expect(extractWorkflow(compressed((json) => zlib.brotliCompressSync(json)))).toEqual(plain);
  });

  // Node 22.15+ (the packaged plugin runs Node 24) reads zstd; older Node versions say what is missing.
  it('reads zstd where this Node has it, and names the Node version needed where it does not', () => {
    const zstd = (zlib as unknown as { zstdCompressSync?: (json: Buffer) => Buffer }).zstdCompressSync;
    if (zstd) {
      expect(extractWorkflow(compressed((json) => zstd(json)))).toEqual(plain);
    } else {
      const wf = corpusWorkflow(FILE) as Json;
      delete wf.status.nodes;
      wf.status.compressedNodes = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]).toString('base64');
      expect(extractWorkflow(wf).problems).toEqual([expect.stringMatching(/^status\.compressedNodes: could not be decompressed \(zstd needs Node 22\.15 or later/)]);
    }
  });

  it('says so when the bytes are not compressed nodes, and keeps the run', () => {
    const wf = corpusWorkflow(FILE) as Json;
    delete wf.status.nodes;
    wf.status.compressedNodes = Buffer.from('this is not compressed').toString('base64');
    const result = extractWorkflow(wf);
    expect(result.nodes).toEqual([]);
    expect(result.workflow).toEqual(plain.workflow);
    expect(result.problems).toEqual([expect.stringMatching(/^status\.compressedNodes: could not be decompressed \(.+\); node detail needs a single-workflow GET$/)]);
  });

  it('says so when the compressed JSON is not a node map', () => {
    const wf = corpusWorkflow(FILE) as Json;
    delete wf.status.nodes;
    wf.status.compressedNodes = zlib.gzipSync('[1,2]').toString('base64');
    expect(extractWorkflow(wf).problems).toEqual(['status.compressedNodes: holds [1,2], not a node map; node detail needs a single-workflow GET']);
  });
});

describe('offloaded nodes', () => {
  it('gives the run without nodes, and says that a single-workflow GET has them', () => {
    const wf = corpusWorkflow(FILE) as Json;
    const plain = extractWorkflow(corpusWorkflow(FILE));
    wf.status.nodes = null;
    wf.status.offloadNodeStatusVersion = 'fnv:1796418425';
    const result = extractWorkflow(wf);
    expect(result.workflow).toEqual(plain.workflow);
    expect(result.nodes).toEqual([]);
    expect(result.problems).toEqual(['status.nodes: offloaded to Argo\'s database (offloadNodeStatusVersion "fnv:1796418425"); node detail needs a single-workflow GET']);
  });

  it('uses the nodes when a GET has brought them back', () => {
    const wf = corpusWorkflow(FILE) as Json;
    wf.status.offloadNodeStatusVersion = 'fnv:1796418425';
    expect(extractWorkflow(wf)).toEqual(extractWorkflow(corpusWorkflow(FILE)));
  });
});

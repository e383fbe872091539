import { readFileSync } from 'fs';
import path from 'path';

import { podName } from './podName';

describe('podName', () => {
  it("gives the node id's hash: Argo ids nodes by the same fnv-1a hash of the node name (real objects)", () => {
    const workflow = JSON.parse(readFileSync(path.join(__dirname, '../test/fixtures/argo/workflows/operator_test_L10603_hr-retry-replication.json'), 'utf8'));
    const nodes = Object.values(workflow.status.nodes) as Array<{ id: string; name: string; type: string; templateName: string }>;
    const pods = nodes.filter((n) => n.type === 'Pod');
    expect(pods.length).toBeGreaterThan(3);
    for (const node of pods) {
      const hash = node.id.slice('hr-retry-replication-'.length);
      expect(podName('hr-retry-replication', node.name, node.templateName)).toBe(`hr-retry-replication-${node.templateName}-${hash}`);
    }
  });

  it('a run that is one pod: the run\'s name; a long prefix is cut', () => {
    expect(podName('hello-world-x', 'hello-world-x', 'whalesay')).toBe('hello-world-x');
    const long = podName('r'.repeat(250), 'r.step', 't');
    expect(long.split('-')[0]).toHaveLength(242);
  });

  it('hashes the UTF-8 bytes of names with characters beyond ASCII (FNV-1a values from a separate implementation)', () => {
    // Python: h = 0x811c9dc5; for b in name.encode('utf-8'): h = ((h ^ b) * 0x01000193) & 0xffffffff
    expect(podName('run', 'a', 't')).toBe('run-t-3826002220');
    expect(podName('run', 'foobar', undefined)).toBe('run-3214735720');
    expect(podName('run', 'run.étape-😀', 't')).toBe('run-t-195451946');
    expect(podName('run', 'run.步骤', 't')).toBe('run-t-1093413689');
  });
});

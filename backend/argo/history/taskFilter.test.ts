import type { NodeDocument } from '../extract/documents';
import { matchesFilters } from './documentKeys';

/** The Argo source filters steps as Elasticsearch does: a step name picks every item of its loop. */
const step = (displayName: string) =>
  ({ doc_kind: 'node', node: { id: 'n', name: `wf.${displayName}`, display_name: displayName } }) as unknown as NodeDocument;

describe('tasks filter on the Argo source', () => {
  test.each([
    ['process', 'process(0:a)', true],
    ['process', 'process(12:{"shard":"c (x)"})', true],
    ['process', 'process', true],
    ['process(1:b)', 'process(1:b)', true],
    ['process(1:b)', 'process(0:a)', false],
    ['process', 'preprocess(0:a)', false],
    ['proc', 'process(0:a)', false],
  ])('%s picks %s: %s', (filter, displayName, picked) => {
    expect(matchesFilters(step(displayName), { tasks: [filter] }, 'node')).toBe(picked);
  });
});

import { parseQuery } from './parseQuery';
import { TIMELINE_RUN_MISSING } from './timelineQuery';

describe('timeline query model', () => {
  it('takes a run by name with its namespace, or by uid', () => {
    expect(parseQuery({ queryType: 'timeline', run: 'large-benchmark-rk672', filters: { namespaces: ['ml-training'] } })).toEqual({
      query: expect.objectContaining({ source: 'elasticsearch', run: 'large-benchmark-rk672', filters: { namespaces: ['ml-training'] } }),
    });
    expect(parseQuery({ queryType: 'timeline', source: 'argo', uid: '5f0e6c2a' })).toEqual({ query: expect.objectContaining({ source: 'argo', uid: '5f0e6c2a' }) });
  });

  it.each([
    [{}, `run: ${TIMELINE_RUN_MISSING}`],
    [{ run: '' }, `run: ${TIMELINE_RUN_MISSING}`],
    [{ run: 'x'.repeat(254) }, /^run: /],
    [{ uid: 7 }, /^uid: /],
    [{ run: 'r', filters: { workflows: ['w'] } }, /^filters\.workflows: timeline shows one run whole/],
    [{ run: 'r', source: 'prometheus' }, /^source: /],
  ])('names the field of %j', (fields, message) => {
    const parsed = parseQuery({ queryType: 'timeline', ...fields });
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

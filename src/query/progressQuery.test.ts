import { parseQuery } from './parseQuery';

describe('progress query model', () => {
  it('fills in the summary view, a running total and a 15-minute pace', () => {
    expect(parseQuery({ queryType: 'progress', run: 'large-benchmark-x7k2p' })).toEqual({
      query: expect.objectContaining({ view: 'summary', cumulative: true, rateMinutes: 15, limit: 20, source: 'elasticsearch', run: 'large-benchmark-x7k2p' }),
    });
  });

  it.each([
    [{}, /^run: name the run/],
    [{ run: '' }, /^run: name the run/],
    [{ run: 'r', rateMinutes: 0 }, /^rateMinutes: /],
    [{ run: 'r', rateMinutes: 1.5 }, /^rateMinutes: must be a whole number of minutes/],
    [{ run: 'r', view: 'eta' }, /^view: /],
    [{ run: 'r', cumulative: 'yes' }, /^cumulative: must be true or false/],
    [{ run: 'x'.repeat(254) }, /^run: /],
  ])('names the field of %j', (fields, message) => {
    const parsed = parseQuery({ queryType: 'progress', ...fields });
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

import { HEAP_GROWING_PERCENT, heapGrowingPercent } from './heapGrowth';

describe('heapGrowingPercent', () => {
  const saved = process.env.ARGOPERF_HEAP_GROWING_PERCENT;
  afterEach(() => {
    if (saved === undefined) {
      delete process.env.ARGOPERF_HEAP_GROWING_PERCENT;
    } else {
      process.env.ARGOPERF_HEAP_GROWING_PERCENT = saved;
    }
  });

  it('is 60 unless ARGOPERF_HEAP_GROWING_PERCENT says otherwise', () => {
    delete process.env.ARGOPERF_HEAP_GROWING_PERCENT;
    expect(HEAP_GROWING_PERCENT).toBe(60);
    expect(heapGrowingPercent()).toBe(60);
  });

  it.each([
    ['30', 30],
    ['10', 10],
    ['400', 400],
  ])('takes ARGOPERF_HEAP_GROWING_PERCENT=%s', (value, expected) => {
    process.env.ARGOPERF_HEAP_GROWING_PERCENT = value;
    expect(heapGrowingPercent()).toBe(expected);
  });

  it.each(['', '9', '401', '12.5', 'lots', '-30'])('keeps the default for ARGOPERF_HEAP_GROWING_PERCENT=%p', (value) => {
    process.env.ARGOPERF_HEAP_GROWING_PERCENT = value;
    expect(heapGrowingPercent()).toBe(60);
  });
});

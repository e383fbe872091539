import { documentTime, parseArgoTime } from './argoTime';

describe('parseArgoTime', () => {
  it('agrees with Date.parse on RFC 3339 times', () => {
    for (const text of ['2024-10-16T04:12:51Z', '2000-02-29T23:59:59Z', '1970-01-01T00:00:00Z', '2021-02-19T10:29:05-08:00', '2024-01-01T00:00:00.5+05:30', '2024-01-01T00:00:00.123456789Z']) {
      expect([text, parseArgoTime(text)]).toEqual([text, Date.parse(text)]);
    }
  });

  it('refuses what is not an RFC 3339 date-time', () => {
    for (const text of ['', 'abc', 'Jan 1 2020', '2020-01-01', '2020-01-01 00:00:00Z', '2019-02-29T00:00:00Z', '2020-13-01T00:00:00Z', '2020-01-01T24:00:00Z', '2020-01-01T00:00:00', '2020-01-01T00:00:00+0100', '2020-01-01T00:00:00.Z', '2020-01-01T00:00:00Zjunk']) {
      expect([text, parseArgoTime(text)]).toEqual([text, NaN]);
    }
  });
});

describe('documentTime', () => {
  it('keeps canonical UTC text and writes the rest as UTC', () => {
    expect(documentTime('2024-10-16T04:12:51Z', 0)).toBe('2024-10-16T04:12:51Z');
    const offset = '2021-02-19T10:29:05-08:00';
    expect(documentTime(offset, parseArgoTime(offset))).toBe('2021-02-19T18:29:05Z');
    const fraction = '2024-01-01T00:00:00.250Z';
    expect(documentTime(fraction, parseArgoTime(fraction))).toBe('2024-01-01T00:00:00.250Z');
  });
});

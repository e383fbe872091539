import { RecentlyUsed } from './recentlyUsed';

describe('RecentlyUsed', () => {
  it('makes a value once, keeps the most recently used ones, and drops the least recently used', () => {
    const made: string[] = [];
    const cache = new RecentlyUsed<string, string>(2);
    const get = (key: string) => cache.get(key, () => (made.push(key), `value of ${key}`));
    expect(get('a')).toBe('value of a');
    expect(get('b')).toBe('value of b');
    expect(get('a')).toBe('value of a'); // a is now the most recently used
    expect(get('c')).toBe('value of c'); // full: b goes
    expect(get('a')).toBe('value of a');
    expect(get('b')).toBe('value of b'); // made again
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });
});

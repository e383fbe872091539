/**
 * A cache of the `size` most recently used values: `get` returns the key's value, making it with `make`
 * when missing and dropping the least recently used one when full.
 */
export class RecentlyUsed<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K, make: () => V): V {
    let value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key);
    } else {
      value = make();
      if (this.values.size >= this.size) {
        this.values.delete(this.values.keys().next().value!);
      }
    }
    this.values.set(key, value);
    return value;
  }
}

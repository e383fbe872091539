/**
 * Argo's `fields` projection (util/fields/fields.go), ported as is: a comma-separated list of dotted paths;
 * a leading `-` turns the whole list into exclusions. Paths are compared as plain string prefixes, the
 * way the Go code does, and arrays are walked transparently.
 */
export class FieldsCleaner {
  private readonly exclude: boolean;
  private readonly fields: Set<string>;

  constructor(spec: string | undefined | null) {
    let text = spec ?? '';
    this.exclude = text.startsWith('-');
    if (this.exclude) {
      text = text.slice(1);
    }
    this.fields = new Set(text === '' && !this.exclude ? [] : text.split(','));
  }

  /** True when a projection was asked for. */
  get active(): boolean {
    return this.fields.size > 0;
  }

  /** Whether the projection drops this path (the server skips hydrating nodes when it drops status.nodes). */
  willExclude(path: string): boolean {
    if (!this.active) {
      return false;
    }
    const matches = [...this.fields].some((f) => path.startsWith(f) || f.startsWith(path));
    return matches ? this.exclude : !this.exclude;
  }

  /** A projected deep copy of a JSON value (the input is not changed). */
  clean<T>(value: T): T {
    const copy = JSON.parse(JSON.stringify(value)) as T;
    if (this.active) {
      this.cleanItem([], copy);
    }
    return copy;
  }

  private cleanItem(path: string[], item: unknown): void {
    if (Array.isArray(item)) {
      for (const element of item) {
        this.cleanItem(path, element);
      }
      return;
    }
    if (!item || typeof item !== 'object') {
      return;
    }
    const map = item as Record<string, unknown>;
    for (const key of Object.keys(map)) {
      const fieldPath = [...path, key].join('.');
      const pathIn = this.fields.has(fieldPath);
      const parentPathIn = pathIn || [...this.fields].some((f) => f.startsWith(fieldPath));
      if ((this.exclude && !pathIn) || (!this.exclude && parentPathIn)) {
        if (!pathIn) {
          this.cleanItem([...path, key], map[key]);
        }
      } else {
        delete map[key];
      }
    }
  }
}

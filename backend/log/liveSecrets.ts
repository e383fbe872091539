import { masker, type Masker } from '../net/masker';

/**
 * The secrets of every live datasource instance, for the plugin's log. An instance's secrets stay
 * masked as long as anything (a request still running, the instance cache) holds the instance, and
 * are let go with it: nothing here keeps an instance alive.
 */
const owners = new Map<number, { owner: WeakRef<object>; values: string[] }>();
const ids = new WeakMap<object, number>();
let nextId = 1;
let current: Masker | undefined;

// Made on first use, not at load: the executable's V8 startup snapshot is built from the loaded modules.
let forget: FinalizationRegistry<number> | undefined;

/** Masks `values` in every log line while `owner` is alive (idempotent per owner). */
export function maskWhileAlive(owner: object, values: string[]): void {
  if (ids.has(owner) || values.length === 0) {
    return;
  }
  const id = nextId++;
  ids.set(owner, id);
  owners.set(id, { owner: new WeakRef(owner), values });
  forget ??= new FinalizationRegistry<number>((gone) => {
    owners.delete(gone);
    current = undefined;
  });
  forget.register(owner, id);
  current = undefined;
}

/** One masker for the secrets of every live owner. */
export function liveMasker(): Masker {
  current ??= masker([...owners.values()].filter((entry) => entry.owner.deref()).flatMap((entry) => entry.values));
  return current;
}

import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** FNV-1a, 32 bits: Argo's node ids (`<workflow>-<fnv32a(node name)>`) and the demo's per-run seeds. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const SCALE = 2 ** 30;

/**
 * A seeded generator for one thing of the demo (a run, a day of arrivals), keyed by what identifies it
 * in absolute time, so a load with a later --end draws the same values for the runs both loads hold.
 */
export class DemoRandom {
  private readonly rng: RandomGenerator;

  constructor(
    private readonly seed: number,
    private readonly key: string
  ) {
    this.rng = xoroshiro128plus(fnv32a(`${seed}/${key}`) ^ Math.imul(seed, 0x9e3779b1));
  }

  /** A generator of its own for one part (a loop item): what another part draws later cannot shift it. */
  fork(part: string): DemoRandom {
    return new DemoRandom(this.seed, `${this.key}/${part}`);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return unsafeUniformIntDistribution(0, SCALE - 1, this.rng) / SCALE;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.rng);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Log-normal around `median`: `spread` 0.15 gives most values within ±30 %. */
  around(median: number, spread: number): number {
    const u = Math.max(this.float(), 1e-9);
    const v = this.float();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(spread * normal);
  }

  /** A version-4 UUID. */
  uid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16)).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SUFFIXES = ALPHABET.length ** 5;

/**
 * A Kubernetes generateName suffix (5 characters of its alphabet) for submission number `n`: a seeded
 * bijection of [0, 27^5), so different numbers never share a name, whatever else the history holds.
 */
export function nameSuffix(seed: number, n: number): string {
  // 27^5 = 3^15: multiplying by a number prime to 3 and adding an offset permutes the residues.
  const multiplier = 7_368_787; // prime to 3
  let x = Number((BigInt(n % SUFFIXES) * BigInt(multiplier) + BigInt(fnv32a(`suffix/${seed}`))) % BigInt(SUFFIXES));
  let text = '';
  for (let i = 0; i < 5; i++) {
    text += ALPHABET[x % ALPHABET.length];
    x = Math.floor(x / ALPHABET.length);
  }
  return text;
}

/** RFC 3339 with whole seconds, as Argo writes times. */
export const argoTime = (ms: number): string => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;

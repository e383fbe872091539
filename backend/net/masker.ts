import { RecentlyUsed } from './recentlyUsed';
import { echoPatterns } from './secretEncodings';

/**
 * Replaces every form of every secret value (secretForms.ts) in text with ***, in one pass of one
 * regular expression. Values of 4 characters or more are masked wherever they occur; shorter ones
 * only where they stand alone (not inside a word), so that a 3-character password does not garble
 * every message.
 */
export const MASK = '***';

export interface Masker {
  /** Whether there is anything to mask. */
  readonly active: boolean;
  text(text: string): string;
  /** Strings anywhere in plain objects and arrays (keys too); a new object only where something changed. */
  deep<T>(value: T): T;
}

const SHORT = 4;
const MAX_DEPTH = 64;

function compile(values: readonly string[]): RegExp | undefined {
  // Longest value first: a value inside a longer one (the token inside "Bearer <token>") must not split it.
  const ordered = [...values].sort((a, b) => b.length - a.length);
  const patterns = ordered.flatMap((value) =>
    echoPatterns(value).map((pattern) => (value.length < SHORT ? `(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])` : pattern))
  );
  return patterns.length ? new RegExp(patterns.join('|'), 'gu') : undefined;
}

/**
 * Values longer than this (a CA bundle, a mistaken megabyte of text) are masked as literals: as they
 * are, JSON-escaped once or twice and percent-encoded. One expression with every escaped form of them
 * would be megabytes long, and V8 refuses expressions that large.
 */
const LITERAL_FROM = 512;

function literalForms(value: string): string[] {
  const once = JSON.stringify(value).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  const encoded = encodeURIComponent(value.replace(/\p{Surrogate}/gu, '\ufffd'));
  return [...new Set([value, once, twice, encoded])].sort((a, b) => b.length - a.length);
}

/** The values' expression, or undefined when there is nothing to mask or V8 refuses it (too large). */
function tryCompile(values: readonly string[]): RegExp | undefined {
  try {
    return compile(values);
  } catch {
    return undefined;
  }
}

/**
 * A quick test before the full expression: the longest run of letters and digits of each value. Every
 * echoed form contains it unchanged (no escaping touches letters and digits), so text without any of
 * them holds no secret. Undefined (always search) when a value has no run of 3.
 */
function anchorsOf(values: readonly string[]): RegExp | undefined {
  const anchors = values.map((value) => (value.match(/[A-Za-z0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), ''));
  if (!anchors.length || !anchors.every((anchor) => anchor.length >= 3)) {
    return undefined;
  }
  try {
    return new RegExp([...new Set(anchors)].join('|'));
  } catch {
    return undefined; // too large: search with the full expression only
  }
}

function createMasker(values: readonly string[]): Masker {
  let patterned = values.filter((value) => value.length <= LITERAL_FROM);
  const pattern = tryCompile(patterned);
  if (!pattern && patterned.length > 0) {
    patterned = []; // too many for one expression: every value as literals
  }
  const inPattern = new Set(patterned);
  const literals = values
    .filter((value) => !inPattern.has(value))
    .flatMap(literalForms)
    .sort((a, b) => b.length - a.length);
  const anchors = anchorsOf(patterned);
  const byPattern = (input: string) => (pattern && (!anchors || anchors.test(input)) ? input.replace(pattern, MASK) : input);
  const byLiteral = (input: string) => literals.reduce((text, literal) => (text.includes(literal) ? text.split(literal).join(MASK) : text), input);
  const active = pattern !== undefined || literals.length > 0;
  const text = (input: string) => (active && input ? byLiteral(byPattern(input)) : input);
  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      return text(value);
    }
    if (!active || depth > MAX_DEPTH || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) {
      return value;
    }
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) {
          continue; // numbers, booleans, null: most of a frame
        }
        const masked = deep(item, depth + 1);
        if (masked !== item) {
          copy ??= value.slice();
          copy[i] = masked;
        }
      }
      return copy ?? value;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      return value;
    }
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const maskedKey = text(key);
      const masked = deep(item, depth + 1);
      changed ||= maskedKey !== key || masked !== item;
      return [maskedKey, masked] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  };
  return { active, text, deep: <T>(value: T) => deep(value, 0) as T };
}

/** Maskers by their values, so a datasource's expression is compiled once, not per request. */
const cache = new RecentlyUsed<string, Masker>(256);

export function masker(values: ReadonlyArray<string | undefined>): Masker {
  const kept = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))].sort();
  return cache.get(kept.join('\u0000'), () => createMasker(kept));
}

/** Text with every form of the given secret values masked. */
export function maskSecrets(text: string, values: ReadonlyArray<string | undefined> = []): string {
  return masker(values).text(text);
}

/**
 * Wall-clock time in an IANA zone, through the runtime's Intl time-zone data. A "wall time" is the local
 * reading of a clock written as if it were UTC (epoch ms), so 01:30 local is Date.UTC(y, m, d, 1, 30).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Offsets in use today lie within UTC−12 … UTC+14, so the instant(s) of a wall time lie within 14 h of it. */
const WIDEST_OFFSET = 14 * HOUR;
/**
 * Offsets are cached per 15-minute slice of UTC: every offset in use since 1970 is a multiple of 15 minutes and
 * zones change at a local quarter hour, so a slice never straddles a change.
 */
const SLICE = 15 * MINUTE;
const MAX_CACHED_SLICES = 200_000;
const PROBE_GRID = 6 * HOUR;

interface Zone {
  format: Intl.DateTimeFormat;
  offsets: Map<number, number>;
}

const zones = new Map<string, Zone>();

/**
 * The zone's canonical name as Intl knows it, or undefined when the runtime does not know it.
 * Aliases resolve to their target (US/Eastern → America/New_York).
 */
export function knownTimeZone(name: string): string | undefined {
  if (name === '' || /^[+-]/.test(name)) {
    return undefined; // Intl in newer runtimes takes "+05:00"; Go's LoadLocation does not.
  }
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function zone(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    z = { format, offsets: new Map() };
    zones.set(timeZone, z);
  }
  return z;
}

function computeOffset(format: Intl.DateTimeFormat, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instantMs)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** Wall time minus instant, in ms, for the zone at that instant (e.g. −5 h for New York in winter). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  if (timeZone === 'UTC') {
    return 0; // most crons: no Intl call per 15 minutes of a long range
  }
  const z = zone(timeZone);
  const slice = Math.floor(instantMs / SLICE);
  let offset = z.offsets.get(slice);
  if (offset === undefined) {
    offset = computeOffset(z.format, slice * SLICE);
    if (z.offsets.size >= MAX_CACHED_SLICES) {
      z.offsets.clear();
    }
    z.offsets.set(slice, offset);
  }
  return offset;
}

/** The zone's wall time at an instant. */
export function wallTimeAt(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

/**
 * Every instant whose wall time in the zone is `wallMs`: none in a spring-forward gap, two in a fall-back
 * overlap (earliest first), otherwise one. The offsets are probed on a 6-hour grid just outside the window
 * the instants can lie in, so most ticks reuse cached probes; zones change offset months apart, so equal
 * probes mean no change in between.
 */
export function instantsAtWallTime(timeZone: string, wallMs: number): number[] {
  const before = zoneOffsetMs(timeZone, Math.floor((wallMs - WIDEST_OFFSET) / PROBE_GRID) * PROBE_GRID);
  const after = zoneOffsetMs(timeZone, Math.ceil((wallMs + WIDEST_OFFSET) / PROBE_GRID) * PROBE_GRID);
  if (before === after) {
    return [wallMs - before];
  }
  return [wallMs - before, wallMs - after]
    .sort((a, b) => a - b)
    .filter((instant) => wallTimeAt(timeZone, instant) === wallMs);
}

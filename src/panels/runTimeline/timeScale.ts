const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings people read easily, from a second to weeks. */
const STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * SECOND)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE))
  .concat([1, 2, 3, 6, 12].map((h) => h * HOUR))
  .concat([1, 2, 7, 14, 28].map((d) => d * DAY));

/** Pixels a tick label needs at least. */
export const MIN_TICK_SPACING = 90;

/**
 * Ticks of the elapsed time since the run's start: the smallest readable spacing that leaves at least
 * MIN_TICK_SPACING pixels between ticks over `width` pixels. Offsets in ms from the domain's start.
 */
export function ticksFor(spanMs: number, width: number): { step: number; offsets: number[] } {
  const most = Math.max(1, Math.floor(width / MIN_TICK_SPACING));
  const step =
    STEPS.find((candidate) => spanMs / candidate <= most) ?? Math.ceil(spanMs / most / (28 * DAY)) * 28 * DAY;
  const offsets: number[] = [];
  for (let offset = 0; offset <= spanMs; offset += step) {
    offsets.push(offset);
  }
  return { step, offsets };
}

const UNITS: Array<[number, string]> = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
];

/** An elapsed time as a tick label, down to the tick's own unit: 0s, 45s, 1m 30s, 2h, 1d 6h. */
export function elapsedLabel(ms: number, step: number): string {
  const smallest = UNITS.find(([size]) => step % size === 0)?.[0] ?? SECOND;
  let rest = Math.round(ms / smallest) * smallest;
  const parts: string[] = [];
  for (const [size, unit] of UNITS) {
    if (size < smallest) {
      break;
    }
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) {
      parts.push(`${count}${unit}`);
    }
  }
  return parts.length ? parts.join(' ') : '0s';
}

/** A duration in seconds for the tooltip: 0.4s, 12.5s, 3m 20s, 2h 5m, 1d 3h (two largest units). */
export function durationText(seconds: number): string {
  if (seconds < 60) {
    return `${seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds)}s`;
  }
  const parts: string[] = [];
  let rest = Math.round(seconds) * SECOND;
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length) {
      parts.push(`${count}${unit}`);
    }
    if (parts.length === 2) {
      break;
    }
  }
  return parts.filter((part) => !part.startsWith('0')).join(' ');
}

/** Room a tick label needs (px): one this close to the track's end is drawn to the left of its tick. */
export const LABEL_ROOM = 48;

export interface TickPlacement {
  offset: number;
  x: number;
  /** start: label right of the tick; end: left of it (at the track's end); null: tick line without label */
  align: 'start' | 'end' | null;
}

/**
 * Where each tick's label goes: right of its tick, except near the track's end, where it goes left of
 * the tick, or is left out when it would then run into the label before it.
 */
export function tickPlacements(
  ticks: { step: number; offsets: number[] },
  msPerPixel: number,
  trackWidth: number
): TickPlacement[] {
  return ticks.offsets.map((offset, index) => {
    const x = offset / msPerPixel;
    if (x <= trackWidth - LABEL_ROOM) {
      return { offset, x, align: 'start' };
    }
    const previous = index > 0 ? ticks.offsets[index - 1] / msPerPixel : -Infinity;
    return { offset, x, align: x - previous >= 2 * LABEL_ROOM ? 'end' : null };
  });
}

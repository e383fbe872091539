/**
 * Reads one schedule string the way Argo's cron engine does: robfig/cron v3.0.1 `cron.ParseStandard` (the
 * version every Argo release v3.4–v4.1 pins in go.mod; parser.go Parse, getRange, parseDescriptor), with its
 * error text, and turns it into an expression cron-parser computes the same ticks from. cron-parser accepts
 * more than robfig (seconds and year fields, L, #, H, W, day-of-week 7, wrap-around) and reads a few things
 * differently, so we follow robfig's grammar and only hand cron-parser what robfig would run.
 */
import { goDurationSeconds } from './goTime';

export type ScheduleSyntax =
  | { kind: 'cron'; zone?: ZonePrefix; cron: string }
  | { kind: 'every'; zone?: ZonePrefix; everySeconds: number }
  /** Accepted by robfig, but a field has no value at all (`,`), so it never fires. */
  | { kind: 'never'; zone?: ZonePrefix }
  /** `error` is robfig's own error text (or its panic, `panics`); `hint` says what is wrong in plainer words. */
  | { kind: 'invalid'; error: string; hint?: string; zone?: ZonePrefix; panics?: true };

export interface ZonePrefix {
  prefix: 'CRON_TZ' | 'TZ';
  name: string;
}

/** robfig's descriptors (parseDescriptor) as the 5-field expressions they stand for. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Bounds {
  label: string;
  min: number;
  max: number;
  names?: Map<string, number>;
}

const named = (names: string[], first: number) => new Map(names.map((n, i) => [n, i + first]));
// robfig's bounds: day of week stops at 6 (7 for Sunday is rejected there; cron-parser would take it).
const FIELDS: Bounds[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: named(MONTHS, 1) },
  { label: 'day of week', min: 0, max: 6, names: named(WEEKDAYS, 0) },
];

const HINTS = {
  fields: "Argo's cron engine takes 5 fields (minute hour day-of-month month day-of-week), no seconds or year",
  prefix: 'a CRON_TZ=/TZ= prefix must be followed by a space and the schedule',
  descriptor: 'Argo accepts @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every <duration>',
  duration: 'the duration must be a Go duration such as 90s, 15m or 1h30m',
  letters: 'L, W, # and H are not supported by Argo',
};

/** Reads a schedule string, with an optional `CRON_TZ=`/`TZ=` prefix, as robfig's Parse does. */
export function readScheduleSyntax(text: string): ScheduleSyntax {
  if (text.length === 0) {
    return { kind: 'invalid', error: 'empty spec string', hint: 'the schedule is empty' };
  }
  let spec = text;
  let zone: ZonePrefix | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    if (space < 0) {
      // robfig slices spec[eq+1:-1] here and panics instead of returning an error.
      return {
        kind: 'invalid',
        error: 'runtime error: slice bounds out of range [:-1]',
        hint: HINTS.prefix,
        panics: true,
      };
    }
    zone = { prefix: spec.startsWith('TZ=') ? 'TZ' : 'CRON_TZ', name: spec.slice(spec.indexOf('=') + 1, space) };
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    return { ...readDescriptor(spec), ...(zone ? { zone } : {}) };
  }
  const fields = spec.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) {
    return {
      kind: 'invalid',
      error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`,
      hint: HINTS.fields,
      zone,
    };
  }
  const normalized: string[] = [];
  for (let i = 0; i < 5; i++) {
    const field = readField(fields[i], FIELDS[i]);
    if (typeof field !== 'string') {
      return {
        kind: 'invalid',
        error: field.error,
        hint: `${FIELDS[i].label} field "${fields[i]}": ${field.hint}`,
        zone,
      };
    }
    if (field === '') {
      return { kind: 'never', ...(zone ? { zone } : {}) };
    }
    normalized.push(field);
  }
  return { kind: 'cron', ...(zone ? { zone } : {}), cron: normalized.join(' ') };
}

function readDescriptor(spec: string): ScheduleSyntax {
  const cron = DESCRIPTORS[spec];
  if (cron) {
    return { kind: 'cron', cron };
  }
  const every = '@every ';
  if (spec.startsWith(every)) {
    const duration = goDurationSeconds(spec.slice(every.length));
    if ('error' in duration) {
      return { kind: 'invalid', error: `failed to parse duration ${spec}: ${duration.error}`, hint: HINTS.duration };
    }
    // Every() (constantdelay.go) rounds a delay below one second (negative too) up to one second.
    return { kind: 'every', everySeconds: Math.max(1, Math.floor(duration.seconds)) };
  }
  return { kind: 'invalid', error: `unrecognized descriptor: ${spec}`, hint: HINTS.descriptor };
}

type FieldError = { error: string; hint: string };

/**
 * One field: robfig's getField (a comma list, empty items skipped) of getRange items. Returns the field for
 * cron-parser ('' when it has no value at all), or robfig's error.
 */
function readField(field: string, bounds: Bounds): string | FieldError {
  const out: string[] = [];
  let star = false;
  for (const expr of field.split(',').filter((item) => item !== '')) {
    const range = readRange(expr, bounds);
    if ('error' in range) {
      return range;
    }
    star ||= range.star;
    const { start, end, step } = range;
    if (range.wildcard) {
      out.push(step === 1 ? '*' : `*/${step}`);
    } else {
      out.push(start === end && step === 1 ? `${start}` : `${start}-${end}${step === 1 ? '' : `/${step}`}`);
    }
  }
  // robfig marks `*`/`?` without a step >1 with its star bit, and then ANDs day-of-month with day-of-week
  // (ORs them otherwise); cron-parser only does that for a field written exactly `*`, so write it so.
  return star ? '*' : out.join(',');
}

interface Range {
  start: number;
  end: number;
  step: number;
  /** robfig's star bit: `*` or `?` with no step above 1. */
  star: boolean;
  /** Written as `*` or `?` (any step): all values of the field, stepped. */
  wildcard: boolean;
}

/** A parsed integer, and how Go prints it (exact past 2^53, where the number is not). */
interface GoInt {
  n: number;
  printed: string;
}

/** robfig's getRange, check for check and in its order, with its messages. */
function readRange(expr: string, bounds: Bounds): Range | FieldError {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const int = (n: number): GoInt => ({ n, printed: String(n) });
  let start: GoInt;
  let end: GoInt;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // robfig reads nothing after `*-`: `*-5` is `*`.
    [start, end, star] = [int(bounds.min), int(bounds.max), true];
  } else {
    const low = intOrName(lowAndHigh[0], bounds);
    if ('error' in low) {
      return low;
    }
    start = low;
    end = low;
    if (lowAndHigh.length === 2) {
      const high = intOrName(lowAndHigh[1], bounds);
      if ('error' in high) {
        return high;
      }
      end = high;
    } else if (lowAndHigh.length > 2) {
      return { error: `too many hyphens: ${expr}`, hint: `"${expr}" has more than one -` };
    }
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = goAtoi(rangeAndStep[1]);
    if ('error' in parsed) {
      return parsed;
    }
    step = parsed.n;
    if (lowAndHigh.length === 1) {
      end = int(bounds.max); // "N/step" means N-max/step
    }
    star &&= step <= 1;
  } else if (rangeAndStep.length > 2) {
    return { error: `too many slashes: ${expr}`, hint: `"${expr}" has more than one /` };
  }
  const outside = `is outside ${bounds.min}-${bounds.max}${bounds.label === 'day of week' ? ' (use 0 for Sunday)' : ''}`;
  if (start.n < bounds.min) {
    return {
      error: `beginning of range (${start.printed}) below minimum (${bounds.min}): ${expr}`,
      hint: `${start.printed} ${outside}`,
    };
  }
  if (end.n > bounds.max) {
    return {
      error: `end of range (${end.printed}) above maximum (${bounds.max}): ${expr}`,
      hint: `${end.printed} ${outside}`,
    };
  }
  if (start.n > end.n) {
    return {
      error: `beginning of range (${start.printed}) beyond end of range (${end.printed}): ${expr}`,
      hint: `"${expr}": the range runs backwards; Argo does not wrap ranges around`,
    };
  }
  if (step === 0) {
    return {
      error: `step of range should be a positive number: ${expr}`,
      hint: `"${expr}": the step must be a positive number`,
    };
  }
  return { start: start.n, end: end.n, step, star, wildcard: lowAndHigh[0] === '*' || lowAndHigh[0] === '?' };
}

/** robfig's parseIntOrName: a month or weekday name (any case), else mustParseInt. */
function intOrName(text: string, bounds: Bounds): GoInt | FieldError {
  const byName = bounds.names?.get(text.toLowerCase());
  return byName !== undefined ? { n: byName, printed: String(byName) } : goAtoi(text, bounds);
}

const INT64_MAX = 9223372036854775807n;

/** robfig's mustParseInt: Go's strconv.Atoi (an optional sign, decimal digits), then no negatives. */
function goAtoi(text: string, bounds?: Bounds): GoInt | FieldError {
  const names = bounds?.names ? ` or a name like ${[...bounds.names.keys()][0].toUpperCase()}` : '';
  const fail = (why: string) => ({
    error: `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: ${why}`,
    hint:
      why === 'invalid syntax' ? `"${text}" is not a number${names} (${HINTS.letters})` : `"${text}" is far too large`,
  });
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (!match) {
    return fail('invalid syntax');
  }
  const value = BigInt(text);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) {
    return fail('value out of range');
  }
  if (value < 0n) {
    return { error: `negative number (${value}) not allowed: ${text}`, hint: `"${text}" is negative` };
  }
  // Past 2^53 the number is above every field's maximum anyway; it only has to print as Go prints it.
  return { n: Number(value), printed: String(value) };
}

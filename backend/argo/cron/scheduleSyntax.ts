/**
 * Reads one schedule string the way Argo's cron engine (robfig/cron v3, `cron.ParseStandard`) accepts it, and
 * turns it into an expression cron-parser computes the same ticks from. cron-parser accepts more than robfig
 * (seconds and year fields, L, #, H, W, day-of-week 7, wrap-around) and reads a few things differently, so
 * we check the robfig grammar first and only hand cron-parser what robfig would run.
 */

export type ScheduleSyntax =
  | { kind: 'cron'; zone?: ZonePrefix; cron: string }
  | { kind: 'every'; zone?: ZonePrefix; everySeconds: number }
  | { kind: 'invalid'; message: string };

export interface ZonePrefix {
  prefix: 'CRON_TZ' | 'TZ';
  name: string;
}

/** robfig's descriptors (parser.go, parseDescriptor) as the 5-field expressions they stand for. */
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

interface FieldRule {
  label: string;
  min: number;
  max: number;
  names?: string[];
  firstNameValue?: number;
}

// Day of week stops at 6 in robfig: 7 for Sunday is rejected there (cron-parser would take it).
const FIELDS: FieldRule[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTHS, firstNameValue: 1 },
  { label: 'day of week', min: 0, max: 6, names: WEEKDAYS, firstNameValue: 0 },
];

const ITEM = /^(\*|\?|\d+|[a-z]+)(?:-(\d+|[a-z]+))?(?:\/(\d+))?$/i;
const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const GO_UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** Reads a schedule string, with an optional `CRON_TZ=`/`TZ=` prefix, as robfig's standard parser does. */
export function readScheduleSyntax(text: string): ScheduleSyntax {
  let spec = text;
  let zone: ZonePrefix | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    if (space < 0) {
      return { kind: 'invalid', message: 'a CRON_TZ=/TZ= prefix must be followed by a space and the schedule' };
    }
    zone = { prefix: spec.startsWith('TZ=') ? 'TZ' : 'CRON_TZ', name: spec.slice(spec.indexOf('=') + 1, space) };
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    return readDescriptor(spec, zone);
  }
  const fields = spec.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) {
    return {
      kind: 'invalid',
      message: `expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${fields.length}; Argo's cron engine has no seconds or year field`,
    };
  }
  const normalized: string[] = [];
  for (let i = 0; i < 5; i++) {
    const field = readField(fields[i], FIELDS[i]);
    if (typeof field !== 'string') {
      return { kind: 'invalid', message: `${FIELDS[i].label} field "${fields[i]}": ${field.message}` };
    }
    normalized.push(field);
  }
  return { kind: 'cron', zone, cron: normalized.join(' ') };
}

function readDescriptor(spec: string, zone: ZonePrefix | undefined): ScheduleSyntax {
  const cron = DESCRIPTORS[spec];
  if (cron) {
    return { kind: 'cron', zone, cron };
  }
  if (spec.startsWith('@every ')) {
    const seconds = goDurationSeconds(spec.slice('@every '.length));
    if (seconds === undefined) {
      return { kind: 'invalid', message: `"${spec}": the duration must be a Go duration such as 90s, 15m or 1h30m` };
    }
    // robfig rounds @every below one second up to one second (constantdelay.go).
    return { kind: 'every', zone, everySeconds: Math.max(1, Math.floor(seconds)) };
  }
  return {
    kind: 'invalid',
    message: `unknown descriptor "${spec}"; Argo accepts @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly and @every <duration>`,
  };
}

function goDurationSeconds(text: string): number | undefined {
  if (!GO_DURATION.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(amount) * GO_UNIT_SECONDS[unit];
  }
  return total;
}

/**
 * One field: a comma list of `*`, `?`, N, N-M, with an optional /step, as robfig's getRange reads it.
 * Returns the field for cron-parser, or what is wrong.
 */
function readField(field: string, rule: FieldRule): string | { message: string } {
  // robfig splits on commas and skips empty items ("1,,2" is 1,2); cron-parser rejects empty items.
  const items = field.split(',').filter((item) => item !== '');
  if (items.length === 0) {
    return { message: 'has no values' };
  }
  const out: string[] = [];
  let star = false;
  for (const item of items) {
    const match = ITEM.exec(item);
    if (!match) {
      return {
        message: `"${item}" is not N, N-M, * or ? with an optional /step (L, W, # and H are not supported by Argo)`,
      };
    }
    const [, low, high, stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step === 0) {
      return { message: `"${item}": the step must be a positive number` };
    }
    if (low === '*' || low === '?') {
      if (high !== undefined) {
        return { message: `"${item}": write * or a range N-M, not both` };
      }
      // robfig marks `*` and `?` without a step (or with step 1) as "star"; see the day rule below.
      star ||= step === 1;
      out.push(step === 1 ? '*' : `*/${step}`);
      continue;
    }
    const start = fieldValue(low, rule);
    const end = high === undefined ? (stepText === undefined ? start : rule.max) : fieldValue(high, rule);
    for (const value of [start, end]) {
      if (typeof value !== 'number') {
        return value;
      }
      if (value < rule.min || value > rule.max) {
        return {
          message: `${value} is outside ${rule.min}-${rule.max}${rule.label === 'day of week' ? ' (use 0 for Sunday)' : ''}`,
        };
      }
    }
    if ((start as number) > (end as number)) {
      return { message: `"${item}": the range runs backwards; Argo does not wrap ranges around` };
    }
    out.push(start === end && step === 1 ? `${start}` : `${start}-${end}${step === 1 ? '' : `/${step}`}`);
  }
  // A star item covers every value, so the whole field is `*`. That matters for the day fields: robfig
  // ANDs day-of-month with day-of-week when either is a star (`*/1` included) and ORs them otherwise,
  // while cron-parser only treats a field written exactly as `*` or `?` that way.
  return star ? '*' : out.join(',');
}

function fieldValue(text: string, rule: FieldRule): number | { message: string } {
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const index = rule.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index < 0) {
    const names = rule.names ? ` or a name like ${rule.names[0].toUpperCase()}` : '';
    return { message: `"${text}" is not a number${names} (L, W, # and H are not supported by Argo)` };
  }
  return index + (rule.firstNameValue ?? 0);
}

import { knownTimeZone } from './wallClock';

/** Go's time functions Argo's cron code calls, with Go's own error text. */

/**
 * time.LoadLocation (src/time/zoneinfo.go): "" and "UTC" are UTC, "Local" the process's zone (the
 * controller's), anything else a case-sensitive IANA name; `zone` is the name to compute with.
 */
export function goLoadLocation(name: string, localZone: string): { zone: string } | { error: string } {
  if (name === '' || name === 'UTC') {
    return { zone: 'UTC' };
  }
  if (name === 'Local') {
    return { zone: localZone };
  }
  if (name.split('/').includes('..') || name.startsWith('/') || name.startsWith('\\')) {
    return { error: 'time: invalid location name' };
  }
  const canonical = knownTimeZone(name);
  // Intl finds zones in any case; Go's tzdata lookup does not.
  if (!canonical || (canonical !== name && canonical.toLowerCase() === name.toLowerCase())) {
    return { error: `unknown time zone ${name}` };
  }
  return { zone: name };
}

/**
 * time.ParseDuration (src/time/format.go), as robfig's `@every <duration>` reads it: an optional sign,
 * then one or more decimal numbers each with a unit (ns, us, µs, μs, ms, s, m, h); "0" alone is allowed.
 */
const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6, // U+00B5 micro sign
  μs: 1e-6, // U+03BC Greek mu
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};
/** time.Duration is int64 nanoseconds: about 292 years. */
const MAX_SECONDS = 9223372036.854775807;

export function goDurationSeconds(text: string): { seconds: number } | { error: string } {
  const quote = (s: string) => `"${s}"`;
  const invalid = { error: `time: invalid duration ${quote(text)}` };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') {
    return { seconds: 0 };
  }
  if (s === '') {
    return invalid;
  }
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    const [whole, intPart, fraction] = number;
    if (!/^[0-9.]/.test(s) || (intPart === '' && !fraction)) {
      return invalid;
    }
    s = s.slice(whole.length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === '') {
      return { error: `time: missing unit in duration ${quote(text)}` };
    }
    s = s.slice(unit.length);
    if (!Object.hasOwn(UNIT_SECONDS, unit)) {
      return { error: `time: unknown unit ${quote(unit)} in duration ${quote(text)}` };
    }
    total += Number(`${intPart || '0'}.${fraction ?? ''}0`) * UNIT_SECONDS[unit];
    if (total > MAX_SECONDS) {
      return invalid;
    }
  }
  return { seconds: sign * total };
}

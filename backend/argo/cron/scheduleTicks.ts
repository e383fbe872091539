import { CronExpressionParser } from 'cron-parser';

import type { CronSchedule, TimeRange } from './cronTypes';
import { instantsAtWallTime, wallTimeAt } from './wallClock';

/**
 * Ticks evaluated per cron and range, whatever the other crons of a query hold: 50 000 is 34 days of a
 * cron that fires every minute, 173 days of one every five minutes, 5.7 years of an hourly one. Bounds the
 * work and memory of one cron's report (about 25 ms and 12 MB at the cap).
 */
export const DEFAULT_MAX_TICKS = 50_000;

/** A zone's offset changes by at most 2 h (DST is 1 h almost everywhere): margin around the range's wall times. */
const WALL_PAD_MS = 3 * 3_600_000;

export interface ExpectedTicks {
  /** Sorted, without duplicates. */
  ticksMs: number[];
  /** More than maxTicks ticks: the list holds the latest maxTicks, those that matter for "now". */
  truncated: boolean;
}

/**
 * The instants in [fromMs, toMs) at which Argo's cron engine fires any of the schedules: the union over all
 * schedules, without duplicates (two schedules hitting one instant make one run: both name it
 * `<cron>-<unix seconds>`, and the second submission is dropped as AlreadyExists). When there are more than
 * maxTicks, the latest maxTicks.
 *
 * Daylight saving time, robfig/cron v3 (what Argo runs) against cron-parser v5 (what we compute with):
 * - robfig walks real time and fires at every instant whose local wall-clock reading matches the spec. A wall
 *   time inside a spring-forward gap never occurs, so its tick is skipped (02:30 in New York on 10 March 2024
 *   does not run; robfig's spec_test.go: "2am nightly job (skipped)"). A wall time inside a fall-back overlap
 *   occurs twice, so it fires twice (01:30 EDT and 01:30 EST on 3 November 2024; "1am nightly job (runs twice)").
 * - cron-parser with its `tz` option moves a gap tick to the hour after the gap (03:30 EDT) and fires an
 *   overlap tick once (only 01:30 EDT). Hourly schedules agree with robfig; fixed-hour ones do not.
 * So we never give cron-parser a zone: it reads the expression in UTC, where there is no DST, which gives the
 * matching wall times; we map each wall time to the instants that show it in the schedule's zone (none, one
 * or two). That is robfig's rule, and the tests check it minute by minute across DST days.
 * Not reproduced: robfig quirks in zones whose change is at midnight or is not a whole hour (it can skip a
 * whole day, or the rest of an hour there); America/Santiago and Australia/Lord_Howe are examples.
 * `@every` schedules have no fixed ticks and are left out.
 */
export function scheduleTicks(
  schedules: readonly CronSchedule[],
  range: TimeRange,
  maxTicks = DEFAULT_MAX_TICKS
): ExpectedTicks {
  const all = new Set<number>();
  let truncated = false;
  for (const schedule of schedules) {
    if (schedule.cron !== undefined) {
      truncated = latestTicksOfOne(schedule.cron, schedule.timeZone, range, maxTicks, all) || truncated;
    }
  }
  const ticksMs = [...all].sort((a, b) => a - b);
  if (ticksMs.length > maxTicks) {
    truncated = true;
    ticksMs.splice(0, ticksMs.length - maxTicks);
  }
  return { ticksMs, truncated };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Adds one schedule's ticks to `into`, walking back from the end of the range; true when it stopped after
 * maxTicks. Stepping cron-parser costs tens of µs per tick (up to a millisecond per day for daily
 * schedules), so we only ask it which wall days match (`includesDate`, its day-of-month/day-of-week/month
 * rule) and take each day's wall times from its parsed hour and minute values.
 */
function latestTicksOfOne(
  cron: string,
  timeZone: string,
  range: TimeRange,
  maxTicks: number,
  into: Set<number>
): boolean {
  let wallStart = wallTimeAt(timeZone, range.fromMs) - WALL_PAD_MS;
  const wallEnd = wallTimeAt(timeZone, range.toMs) + WALL_PAD_MS;
  const { hours, minutes, dayRule } = parseInUtc(cron);
  const hoursDown = [...hours].sort((a, b) => b - a);
  const minutesDown = [...minutes].sort((a, b) => b - a);
  let count = 0;
  for (let day = Math.floor(wallEnd / DAY_MS) * DAY_MS; day + DAY_MS > wallStart; day -= DAY_MS) {
    if (!dayRule.includesDate(new Date(day))) {
      continue;
    }
    for (const hour of hoursDown) {
      for (const minute of minutesDown) {
        const wall = day + hour * HOUR_MS + minute * 60_000;
        if (wall < wallStart || wall >= wallEnd) {
          continue;
        }
        for (const instant of instantsAtWallTime(timeZone, wall)) {
          if (instant >= range.fromMs && instant < range.toMs) {
            into.add(instant);
            // Past the limit, finish the two hours of wall time before: an instant is at most 2 h (the
            // largest offset change) out of wall-time order, and the caller keeps only the latest maxTicks.
            if (++count === maxTicks + 1) {
              wallStart = Math.max(wallStart, wall - 2 * HOUR_MS);
            }
          }
        }
      }
    }
  }
  return count > maxTicks;
}

/** The expression read by cron-parser in UTC (wall time): its hour and minute values and its rule for days. */
function parseInUtc(cron: string) {
  const fields = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: 0 }).fields;
  const [, , dayOfMonth, month, dayOfWeek] = cron.split(' ');
  return {
    hours: fields.hour.values.map(Number),
    minutes: fields.minute.values.map(Number),
    dayRule: CronExpressionParser.parse(`0 0 ${dayOfMonth} ${month} ${dayOfWeek}`, { tz: 'UTC', currentDate: 0 }),
  };
}

/**
 * A test for "some schedule fires at exactly this instant" (a run's scheduled-time outside the range, say).
 * Each expression is parsed once, on first use; one that cron-parser refuses never matches. Its day rule is
 * asked once per wall day (cron-parser's includesDate costs microseconds and runs come many to a day).
 */
export function scheduleTickTest(schedules: readonly CronSchedule[]): (instantMs: number) => boolean {
  const parsed = new Map<string, DayRules | undefined>();
  const parseOnce = (cron: string) => {
    if (!parsed.has(cron)) {
      let value: DayRules | undefined;
      try {
        value = { ...parseInUtc(cron), days: new Map() };
      } catch {
        value = undefined;
      }
      parsed.set(cron, value);
    }
    return parsed.get(cron);
  };
  return (instantMs) =>
    schedules.some((schedule) => {
      if (schedule.cron === undefined || instantMs % 60_000 !== 0) {
        return false;
      }
      const wall = wallTimeAt(schedule.timeZone, instantMs);
      const rules = parseOnce(schedule.cron);
      if (!rules) {
        return false;
      }
      const { hours, minutes } = rules;
      const day = Math.floor(wall / DAY_MS) * DAY_MS;
      const hour = Math.floor((wall - day) / HOUR_MS);
      const minute = Math.floor((wall - day - hour * HOUR_MS) / 60_000);
      return hours.includes(hour) && minutes.includes(minute) && includesDay(rules, day);
    });
}

interface DayRules extends ReturnType<typeof parseInUtc> {
  /** includesDate per wall day (ms at its midnight), as asked so far. */
  days: Map<number, boolean>;
}

function includesDay(rules: DayRules, day: number): boolean {
  let included = rules.days.get(day);
  if (included === undefined) {
    try {
      included = rules.dayRule.includesDate(new Date(day));
    } catch {
      included = false;
    }
    rules.days.set(day, included);
  }
  return included;
}

/** True when some schedule fires at exactly this instant. */
export function isScheduleTick(schedules: readonly CronSchedule[], instantMs: number): boolean {
  return scheduleTickTest(schedules)(instantMs);
}

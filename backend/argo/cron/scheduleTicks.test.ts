import { CronExpressionParser } from 'cron-parser';

import type { CronSchedule } from './cronTypes';
import { isScheduleTick, scheduleTicks } from './scheduleTicks';

/*
 * Expected ticks are worked out by hand from the zone rules and robfig/cron's behaviour, not from the code:
 * - America/New_York 2024: EST = UTC−5, EDT = UTC−4. Clocks jump 02:00 EST → 03:00 EDT on Sun 10 March
 *   (07:00Z) and fall back 02:00 EDT → 01:00 EST on Sun 3 November (06:00Z).
 * - Europe/Berlin 2024: CET = UTC+1, CEST = UTC+2. 02:00 CET → 03:00 CEST on Sun 31 March (01:00Z);
 *   03:00 CEST → 02:00 CET on Sun 27 October (01:00Z).
 * - robfig/cron v3 (Argo's engine) fires at every instant whose local reading matches: a time in the
 *   spring-forward gap is skipped, a time in the fall-back overlap fires twice. Its spec_test.go says so for
 *   New York ("2am nightly job (skipped)", "1am nightly job (runs twice)", hourly 01:00 EDT then 01:00 EST).
 */

function schedule(cron: string, timeZone: string): CronSchedule {
  return { field: 'spec.schedules[0]', text: cron, timeZone, timeZoneFrom: 'spec.timezone', cron };
}

function ticks(crons: string[], timeZone: string, from: string, to: string): string[] {
  const result = scheduleTicks(
    crons.map((c) => schedule(c, timeZone)),
    { fromMs: Date.parse(from), toMs: Date.parse(to) }
  );
  return result.ticksMs.map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z'));
}

/** Every whole UTC hour in [from, to): what an hourly schedule gives in a zone with whole-hour offsets. */
function everyUtcHour(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(from); ms < Date.parse(to); ms += 3_600_000) {
    out.push(new Date(ms).toISOString().replace('.000Z', 'Z'));
  }
  return out;
}

describe('scheduleTicks on DST days, as robfig/cron fires them', () => {
  describe('America/New_York, spring forward (10 March 2024)', () => {
    it('skips 02:30, which does not exist that night', () => {
      expect(ticks(['30 2 * * *'], 'America/New_York', '2024-03-09T00:00:00Z', '2024-03-12T00:00:00Z')).toEqual([
        '2024-03-09T07:30:00Z', // 02:30 EST
        // 10 March: 02:00–02:59 never happens
        '2024-03-11T06:30:00Z', // 02:30 EDT
      ]);
    });

    it('runs 01:30 once, before the jump', () => {
      expect(ticks(['30 1 * * *'], 'America/New_York', '2024-03-09T00:00:00Z', '2024-03-12T00:00:00Z')).toEqual([
        '2024-03-09T06:30:00Z', // 01:30 EST
        '2024-03-10T06:30:00Z', // 01:30 EST, half an hour before the jump
        '2024-03-11T05:30:00Z', // 01:30 EDT
      ]);
    });

    it('gives 23 hourly ticks on the local day, 01:00 EST then 03:00 EDT', () => {
      // Local day 10 March = [05:00Z, 04:00Z next day): 23 hours, one tick at each whole UTC hour.
      const hourly = ticks(['0 * * * *'], 'America/New_York', '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z');
      expect(hourly).toHaveLength(23);
      expect(hourly).toEqual(everyUtcHour('2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z'));
      expect(hourly.slice(1, 3)).toEqual(['2024-03-10T06:00:00Z', '2024-03-10T07:00:00Z']); // 01:00 EST, 03:00 EDT
    });

    it('keeps 0 */6 on local hours 0, 6, 12, 18 (5 hours apart across the jump)', () => {
      expect(ticks(['0 */6 * * *'], 'America/New_York', '2024-03-10T05:00:00Z', '2024-03-11T05:00:00Z')).toEqual([
        '2024-03-10T05:00:00Z', // 00:00 EST
        '2024-03-10T10:00:00Z', // 06:00 EDT
        '2024-03-10T16:00:00Z', // 12:00 EDT
        '2024-03-10T22:00:00Z', // 18:00 EDT
        '2024-03-11T04:00:00Z', // 00:00 EDT
      ]);
    });
  });

  describe('America/New_York, fall back (3 November 2024)', () => {
    it('runs 01:30 twice: EDT and EST', () => {
      expect(ticks(['30 1 * * *'], 'America/New_York', '2024-11-02T00:00:00Z', '2024-11-05T00:00:00Z')).toEqual([
        '2024-11-02T05:30:00Z', // 01:30 EDT
        '2024-11-03T05:30:00Z', // 01:30 EDT
        '2024-11-03T06:30:00Z', // 01:30 EST, the same reading an hour later
        '2024-11-04T06:30:00Z', // 01:30 EST
      ]);
    });

    it('runs 02:30 once (02:00–02:59 happens only after the fall back)', () => {
      expect(ticks(['30 2 * * *'], 'America/New_York', '2024-11-02T00:00:00Z', '2024-11-05T00:00:00Z')).toEqual([
        '2024-11-02T06:30:00Z', // 02:30 EDT
        '2024-11-03T07:30:00Z', // 02:30 EST
        '2024-11-04T07:30:00Z', // 02:30 EST
      ]);
    });

    it('gives 25 hourly ticks on the local day, 01:00 twice', () => {
      // Local day 3 November = [04:00Z, 05:00Z next day): 25 hours.
      const hourly = ticks(['0 * * * *'], 'America/New_York', '2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z');
      expect(hourly).toHaveLength(25);
      expect(hourly).toEqual(everyUtcHour('2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z'));
      expect(hourly.slice(1, 4)).toEqual(['2024-11-03T05:00:00Z', '2024-11-03T06:00:00Z', '2024-11-03T07:00:00Z']); // 01:00 EDT, 01:00 EST, 02:00 EST
    });

    it('keeps 0 */6 on local hours 0, 6, 12, 18 (7 hours apart across the fall back)', () => {
      expect(ticks(['0 */6 * * *'], 'America/New_York', '2024-11-03T04:00:00Z', '2024-11-04T06:00:00Z')).toEqual([
        '2024-11-03T04:00:00Z', // 00:00 EDT
        '2024-11-03T11:00:00Z', // 06:00 EST
        '2024-11-03T17:00:00Z', // 12:00 EST
        '2024-11-03T23:00:00Z', // 18:00 EST
        '2024-11-04T05:00:00Z', // 00:00 EST
      ]);
    });
  });

  describe('Europe/Berlin', () => {
    it('skips 02:30 on 31 March and runs it twice on 27 October', () => {
      expect(ticks(['30 2 * * *'], 'Europe/Berlin', '2024-03-30T00:00:00Z', '2024-04-02T00:00:00Z')).toEqual([
        '2024-03-30T01:30:00Z', // 02:30 CET
        '2024-04-01T00:30:00Z', // 02:30 CEST; none on 31 March
      ]);
      expect(ticks(['30 2 * * *'], 'Europe/Berlin', '2024-10-26T00:00:00Z', '2024-10-29T00:00:00Z')).toEqual([
        '2024-10-26T00:30:00Z', // 02:30 CEST
        '2024-10-27T00:30:00Z', // 02:30 CEST
        '2024-10-27T01:30:00Z', // 02:30 CET
        '2024-10-28T01:30:00Z', // 02:30 CET
      ]);
    });

    it('runs 01:30 once a day on both change days (before the change each time)', () => {
      expect(ticks(['30 1 * * *'], 'Europe/Berlin', '2024-03-30T00:00:00Z', '2024-04-02T00:00:00Z')).toEqual([
        '2024-03-30T00:30:00Z', // 01:30 CET
        '2024-03-31T00:30:00Z', // 01:30 CET
        '2024-03-31T23:30:00Z', // 1 April 01:30 CEST
        '2024-04-01T23:30:00Z', // 2 April 01:30 CEST
      ]);
      expect(ticks(['30 1 * * *'], 'Europe/Berlin', '2024-10-26T00:00:00Z', '2024-10-29T00:00:00Z')).toEqual([
        '2024-10-26T23:30:00Z', // 27 October 01:30 CEST
        '2024-10-28T00:30:00Z', // 28 October 01:30 CET
      ]);
    });

    it('gives 23 and 25 hourly ticks on the two local days', () => {
      expect(ticks(['0 * * * *'], 'Europe/Berlin', '2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z')).toEqual(
        everyUtcHour('2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z')
      );
      expect(ticks(['0 * * * *'], 'Europe/Berlin', '2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z')).toHaveLength(23);
      expect(ticks(['0 * * * *'], 'Europe/Berlin', '2024-10-26T22:00:00Z', '2024-10-27T23:00:00Z')).toHaveLength(25);
    });

    it('keeps 0 */6 on local hours 0, 6, 12, 18', () => {
      expect(ticks(['0 */6 * * *'], 'Europe/Berlin', '2024-10-26T22:00:00Z', '2024-10-28T00:00:00Z')).toEqual([
        '2024-10-26T22:00:00Z', // 00:00 CEST
        '2024-10-27T05:00:00Z', // 06:00 CET
        '2024-10-27T11:00:00Z', // 12:00 CET
        '2024-10-27T17:00:00Z', // 18:00 CET
        '2024-10-27T23:00:00Z', // 28 October 00:00 CET
      ]);
    });
  });

  it('documents why we do not use cron-parser’s own tz handling: it moves gap ticks and drops the repeat', () => {
    // If cron-parser ever matches robfig here, the wall-clock mapping in scheduleTicks is still correct.
    const direct = (cron: string, from: string, count: number) => {
      const it = CronExpressionParser.parse(cron, { tz: 'America/New_York', currentDate: from });
      return it.take(count).map((d) => d.toISOString());
    };
    expect(direct('30 2 * * *', '2024-03-10T00:00:00Z', 1)).toEqual(['2024-03-10T07:30:00.000Z']); // 03:30 EDT
    expect(direct('30 1 * * *', '2024-11-03T00:00:00Z', 2)).toEqual([
      '2024-11-03T05:30:00.000Z',
      '2024-11-04T06:30:00.000Z',
    ]);
  });
});

describe('scheduleTicks with several schedules', () => {
  it('gives the union without duplicates when two schedules hit the same instant', () => {
    expect(ticks(['0 * * * *', '*/30 * * * *'], 'UTC', '2024-05-02T10:00:00Z', '2024-05-02T12:00:00Z')).toEqual([
      '2024-05-02T10:00:00Z',
      '2024-05-02T10:30:00Z',
      '2024-05-02T11:00:00Z',
      '2024-05-02T11:30:00Z',
    ]);
  });

  it('deduplicates across zones: 12:00 in Berlin (CET) is 11:00 UTC', () => {
    const schedules = [schedule('0 12 * * *', 'Europe/Berlin'), schedule('0 11 * * *', 'UTC')];
    const result = scheduleTicks(schedules, {
      fromMs: Date.parse('2024-01-10T00:00:00Z'),
      toMs: Date.parse('2024-01-11T00:00:00Z'),
    });
    expect(result.ticksMs).toEqual([Date.parse('2024-01-10T11:00:00Z')]);
  });

  it('is half-open: a tick at fromMs is in, a tick at toMs is out', () => {
    expect(ticks(['0 * * * *'], 'UTC', '2024-05-02T10:00:00Z', '2024-05-02T11:00:00Z')).toEqual([
      '2024-05-02T10:00:00Z',
    ]);
  });

  it('keeps the latest maxTicks ticks (those that matter for "now") and says so', () => {
    const result = scheduleTicks([schedule('* * * * *', 'UTC')], { fromMs: 0, toMs: 3_600_000 }, 10);
    expect(result.truncated).toBe(true);
    expect(result.ticksMs).toEqual(Array.from({ length: 10 }, (_, i) => (50 + i) * 60_000));
  });

  it('caps the union of several schedules, not each alone', () => {
    // :00 and :30 every hour, and :15 hourly in New York (UTC−5 in January): 3 ticks an hour, 12 in 4 hours.
    const schedules = [schedule('0,30 * * * *', 'UTC'), schedule('15 * * * *', 'America/New_York')];
    const range = { fromMs: Date.parse('2024-01-10T00:00:00Z'), toMs: Date.parse('2024-01-10T04:00:00Z') };
    const result = scheduleTicks(schedules, range, 4);
    expect(result).toEqual({
      truncated: true,
      ticksMs: ['02:30', '03:00', '03:15', '03:30'].map((t) => Date.parse(`2024-01-10T${t}:00Z`)),
    });
    expect(scheduleTicks(schedules, range, 12).truncated).toBe(false);
  });

  it('leaves @every schedules out (no fixed ticks)', () => {
    const every: CronSchedule = {
      field: 'spec.schedules[0]',
      text: '@every 1h',
      timeZone: 'UTC',
      timeZoneFrom: 'controller default',
      everySeconds: 3600,
    };
    expect(scheduleTicks([every], { fromMs: 0, toMs: 86_400_000 }).ticksMs).toEqual([]);
  });
});

describe('isScheduleTick', () => {
  it('knows both passes of a fall-back overlap and not the moved gap time', () => {
    const ny = [schedule('30 1 * * *', 'America/New_York'), schedule('30 2 * * *', 'America/New_York')];
    expect(isScheduleTick(ny, Date.parse('2024-11-03T05:30:00Z'))).toBe(true);
    expect(isScheduleTick(ny, Date.parse('2024-11-03T06:30:00Z'))).toBe(true);
    expect(isScheduleTick(ny, Date.parse('2024-03-10T07:30:00Z'))).toBe(false); // 03:30 EDT
    expect(isScheduleTick(ny, Date.parse('2024-03-10T06:30:00Z'))).toBe(true); // 01:30 EST
    expect(isScheduleTick(ny, Date.parse('2024-03-10T06:31:00Z'))).toBe(false);
  });
});

describe('scheduleTicks against a minute-by-minute scan (robfig’s rule: fire when the local reading matches)', () => {
  // The test's own reading of local time, independent of wallClock.ts.
  const reader = (timeZone: string) => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' });
    return (ms: number) => {
      const parts = format.formatToParts(ms);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return { hour: get('hour'), minute: get('minute') };
    };
  };
  const specs: Array<{ cron: string; hours: number[]; minutes: number[] }> = [
    { cron: '30 2 * * *', hours: [2], minutes: [30] },
    { cron: '30 1 * * *', hours: [1], minutes: [30] },
    { cron: '0 * * * *', hours: [...Array(24).keys()], minutes: [0] },
    { cron: '0 */6 * * *', hours: [0, 6, 12, 18], minutes: [0] },
    { cron: '*/20 1-3 * * *', hours: [1, 2, 3], minutes: [0, 20, 40] },
    { cron: '15,45 0-4 * * *', hours: [0, 1, 2, 3, 4], minutes: [15, 45] },
  ];
  // Two days either side of each 2024 change (Sydney changes in April and October), and a zone without DST.
  const windows: Array<[string, string]> = [
    ['America/New_York', '2024-03-09T00:00:00Z'],
    ['America/New_York', '2024-11-02T00:00:00Z'],
    ['Europe/Berlin', '2024-03-30T00:00:00Z'],
    ['Europe/Berlin', '2024-10-26T00:00:00Z'],
    ['Australia/Sydney', '2024-04-05T00:00:00Z'],
    ['Australia/Sydney', '2024-10-05T00:00:00Z'],
    ['Asia/Kolkata', '2024-03-09T00:00:00Z'],
  ];
  it.each(windows)('%s from %s, capped: the latest ticks of the scan', (timeZone, from) => {
    // Every cap, so some end the walk back inside a change: the second pass of a fall-back hour must not be lost.
    const fromMs = Date.parse(from);
    const toMs = fromMs + 3 * 86_400_000;
    const local = reader(timeZone);
    for (const spec of specs) {
      const scanned: number[] = [];
      for (let ms = fromMs; ms < toMs; ms += 60_000) {
        const { hour, minute } = local(ms);
        if (spec.hours.includes(hour) && spec.minutes.includes(minute)) {
          scanned.push(ms);
        }
      }
      for (let cap = 1; cap < scanned.length; cap++) {
        const capped = scheduleTicks([schedule(spec.cron, timeZone)], { fromMs, toMs }, cap);
        expect({ cron: spec.cron, cap, ticks: capped.ticksMs, truncated: capped.truncated }).toEqual({
          cron: spec.cron,
          cap,
          ticks: scanned.slice(scanned.length - cap),
          truncated: true,
        });
      }
    }
  });

  it.each(windows)('%s from %s', (timeZone, from) => {
    const fromMs = Date.parse(from);
    const toMs = fromMs + 3 * 86_400_000;
    const local = reader(timeZone);
    for (const spec of specs) {
      const scanned: number[] = [];
      for (let ms = fromMs; ms < toMs; ms += 60_000) {
        const { hour, minute } = local(ms);
        if (spec.hours.includes(hour) && spec.minutes.includes(minute)) {
          scanned.push(ms);
        }
      }
      expect({
        cron: spec.cron,
        ticks: scheduleTicks([schedule(spec.cron, timeZone)], { fromMs, toMs }).ticksMs,
      }).toEqual({
        cron: spec.cron,
        ticks: scanned,
      });
    }
  });
});

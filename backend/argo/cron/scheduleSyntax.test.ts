import { readScheduleSyntax } from './scheduleSyntax';
import { scheduleTicks } from './scheduleTicks';

/** Days of January 2024 (1 January 2024 was a Monday) on which a daily-at-midnight expression fires, in UTC. */
function januaryDays(cron: string): number[] {
  const syntax = readScheduleSyntax(cron);
  if (syntax.kind !== 'cron') {
    throw new Error(`not a cron: ${JSON.stringify(syntax)}`);
  }
  const { ticksMs } = scheduleTicks(
    [
      {
        field: 'spec.schedules[0]',
        text: cron,
        timeZone: 'UTC',
        timeZoneFrom: 'controller default',
        cron: syntax.cron,
      },
    ],
    { fromMs: Date.parse('2024-01-01T00:00:00Z'), toMs: Date.parse('2024-02-01T00:00:00Z') }
  );
  return ticksMs.map((ms) => new Date(ms).getUTCDate());
}

describe('readScheduleSyntax reads what robfig/cron’s standard parser accepts', () => {
  it('reads 5 fields, names in any case, ? as *, N/step as N-max/step, empty list items', () => {
    expect(readScheduleSyntax('0 9 * jan-MAR Mon-fri')).toEqual({ kind: 'cron', cron: '0 9 * 1-3 1-5' });
    expect(readScheduleSyntax('? ? ? ? ?')).toEqual({ kind: 'cron', cron: '* * * * *' });
    expect(readScheduleSyntax('5/15 * * * *')).toEqual({ kind: 'cron', cron: '5-59/15 * * * *' });
    expect(readScheduleSyntax('1,,2 * * * *')).toEqual({ kind: 'cron', cron: '1,2 * * * *' });
    expect(readScheduleSyntax('  0   0  * * *  ')).toEqual({ kind: 'cron', cron: '0 0 * * *' });
  });

  it('expands robfig’s descriptors and reads @every', () => {
    expect(readScheduleSyntax('@hourly')).toEqual({ kind: 'cron', cron: '0 * * * *' });
    expect(readScheduleSyntax('@midnight')).toEqual({ kind: 'cron', cron: '0 0 * * *' });
    expect(readScheduleSyntax('@annually')).toEqual({ kind: 'cron', cron: '0 0 1 1 *' });
    expect(readScheduleSyntax('@weekly')).toEqual({ kind: 'cron', cron: '0 0 * * 0' });
    expect(readScheduleSyntax('@every 1h30m')).toEqual({ kind: 'every', everySeconds: 5400 });
    expect(readScheduleSyntax('@every 10ms')).toEqual({ kind: 'every', everySeconds: 1 }); // robfig rounds up to 1 s
  });

  it('takes the CRON_TZ= or TZ= prefix off', () => {
    expect(readScheduleSyntax('CRON_TZ=Europe/Berlin 30 2 * * *')).toEqual({
      kind: 'cron',
      zone: { prefix: 'CRON_TZ', name: 'Europe/Berlin' },
      cron: '30 2 * * *',
    });
    expect(readScheduleSyntax('TZ=Asia/Tokyo @daily')).toEqual({
      kind: 'cron',
      zone: { prefix: 'TZ', name: 'Asia/Tokyo' },
      cron: '0 0 * * *',
    });
  });

  it.each([
    ['', /expected exactly 5 fields/],
    ['0 0 * * * *', /found 6.*no seconds or year field/],
    ['0 0 * *', /found 4/],
    ['61 * * * *', /minute field "61": 61 is outside 0-59/],
    ['0 24 * * *', /hour field/],
    ['0 0 0 * *', /day of month field "0": 0 is outside 1-31/],
    ['0 0 * 13 *', /month field/],
    ['0 0 * * 7', /day of week field "7": 7 is outside 0-6 \(use 0 for Sunday\)/],
    ['0 0 L * *', /L, W, # and H are not supported/],
    ['0 0 * * 1#2', /L, W, # and H are not supported/],
    ['H * * * *', /"H" is not a number/],
    ['5-2 * * * *', /runs backwards/],
    ['*/0 * * * *', /step must be a positive number/],
    ['0 0 * foo *', /"foo" is not a number or a name like JAN/],
    ['@reboot', /unknown descriptor "@reboot"/],
    ['@every soon', /Go duration/],
    ['CRON_TZ=Europe/Berlin', /must be followed by a space/],
  ])('rejects %j', (text, why) => {
    const syntax = readScheduleSyntax(text);
    expect(syntax.kind).toBe('invalid');
    expect(syntax.kind === 'invalid' && syntax.message).toMatch(why);
  });
});

describe('day-of-month and day-of-week as robfig combines them', () => {
  it('ANDs them when either is a star, `*/1` included (cron-parser alone would OR `*/1` with Monday)', () => {
    expect(januaryDays('0 0 */1 * 1')).toEqual([1, 8, 15, 22, 29]);
    expect(januaryDays('0 0 * * 1')).toEqual([1, 8, 15, 22, 29]);
    expect(januaryDays('0 0 ? * mon')).toEqual([1, 8, 15, 22, 29]);
  });

  it('ORs them when both are restricted, `*/2` included (a step drops robfig’s star)', () => {
    // Odd days, or Mondays (8, 22 are even Mondays).
    expect(januaryDays('0 0 */2 * 1')).toEqual([1, 3, 5, 7, 8, 9, 11, 13, 15, 17, 19, 21, 22, 23, 25, 27, 29, 31]);
    expect(januaryDays('0 0 1,15 * 5')).toEqual([1, 5, 12, 15, 19, 26]); // 1st, 15th, or Fridays
  });
});

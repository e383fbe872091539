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
    expect(readScheduleSyntax('*/15 * * * *')).toEqual({ kind: 'cron', cron: '*/15 * * * *' });
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

  it('accepts what robfig accepts although it looks wrong: `*-5` is `*`, `+5` is 5, a negative @every is 1 s', () => {
    // parser.go getRange: the `*` branch never reads what follows `*-`; mustParseInt is strconv.Atoi (a sign is
    // allowed); constantdelay.go Every rounds any delay below a second up to one second.
    expect(readScheduleSyntax('*-5 * * * *')).toEqual({ kind: 'cron', cron: '* * * * *' });
    expect(readScheduleSyntax('+5 * * * *')).toEqual({ kind: 'cron', cron: '5 * * * *' });
    expect(readScheduleSyntax('@every -1h')).toEqual({ kind: 'every', everySeconds: 1 });
    // getField splits on commas and skips empty items: a field of only commas has no value, so it never fires.
    expect(readScheduleSyntax(', * * * *')).toEqual({ kind: 'never' });
  });

  // robfig/cron v3.0.1 parser.go, the text of each error worked out by hand from the line that returns it.
  it.each([
    ['', 'empty spec string'], // L90
    ['0 0 * * * *', 'expected exactly 5 fields, found 6: [0 0 * * * *]'], // L187, fields printed as Go prints []string
    ['0 0 * *', 'expected exactly 5 fields, found 4: [0 0 * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'], // L308
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'], // L305
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'], // L334
    ['0 0 * * 1#2', 'failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'], // L311
    ['*/0 * * * *', 'step of range should be a positive number: */0'], // L314
    ['*/-1 * * * *', 'negative number (-1) not allowed: -1'], // L337
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'], // L280
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'], // L301
    ['0 0 * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    [
      '0 0 * * 99999999999999999999',
      'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    ['0 0 * * 9007199254740993', 'end of range (9007199254740993) above maximum (6): 9007199254740993'],
    ['@reboot', 'unrecognized descriptor: @reboot'], // L433
    ['@daily ', 'unrecognized descriptor: @daily '], // no trimming before the descriptor check
    ['@every soon', 'failed to parse duration @every soon: time: invalid duration "soon"'], // L428 + Go's time.ParseDuration
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
  ])('rejects %j with robfig’s error "%s"', (text, error) => {
    const syntax = readScheduleSyntax(text);
    expect(syntax).toMatchObject({ kind: 'invalid', error });
  });

  it.each([
    ['61 * * * *', /minute field "61": 61 is outside 0-59/],
    ['0 0 * * 7', /day of week field "7": 7 is outside 0-6 \(use 0 for Sunday\)/],
    ['0 0 L * *', /L, W, # and H are not supported/],
    ['0 0 * foo *', /"foo" is not a number or a name like JAN/],
    ['5-2 * * * *', /runs backwards/],
    ['@reboot', /Argo accepts @yearly/],
    ['@every soon', /Go duration/],
    ['CRON_TZ=Europe/Berlin', /must be followed by a space/],
  ])('explains %j in plain words too', (text, hint) => {
    const syntax = readScheduleSyntax(text);
    expect(syntax.kind === 'invalid' && syntax.hint).toMatch(hint);
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

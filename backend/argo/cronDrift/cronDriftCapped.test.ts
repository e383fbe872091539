import { decodeTable, type DecodedTable } from '../../test/decodeFrames';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { DEFAULT_MAX_TICKS } from '../cron/scheduleTicks';
import { CRON_DRIFT_TEXT } from './cronDriftText';
import { cronDriftFrames, DAY, HOUR } from './cronDriftTestKit';
import { cronHistory, cronObject, cronRun, MINUTE } from './cronHistoryKit';

/**
 * The reviewer's case through QueryData against the Argo Server double: five months of a cron that ticks every
 * minute next to crons created two hours before the end. Each cron is capped on its own count of ticks, its
 * latest ticks are the ones evaluated, and a capped cron answers no missed value (null, with missedAtLeast),
 * never a 0 an alert rule would read as "none missed". Expected values are worked out here by hand.
 */
const END = Date.parse('2026-01-15T12:00:00Z');
const FROM = END - 150 * DAY;
const CREATED = END - 2 * HOUR;

// every-minute: 150 × 1440 = 216 000 ticks in the range, no run. Capped: the latest 50 000, all missed (the
// last, END − 1 min, is past the 60 s grace at "now" = END, since a tick is pending only while now < tick + 60 s).
const everyMinute = cronObject('every-minute', { schedules: ['* * * * *'] }, FROM - DAY);
// every-two: 108 000 ticks in the range, capped too. Created at END − 2 h: robfig fires only after it was added,
// so its ticks are END − 2 h + 2 min … END − 2 min, 59 of them; 10 have runs, 49 are missed.
const everyTwo = cronObject('every-two', { schedules: ['*/2 * * * *'] }, CREATED);
// every-five: 43 200 ticks, under the cap. Ticks after creation: END − 2 h + 5 min … END − 5 min, 23 of them;
// 10 have runs, 13 are missed.
const everyFive = cronObject('every-five', { schedules: ['*/5 * * * *'] }, CREATED);
const runs = [
  ...Array.from({ length: 10 }, (_, i) => cronRun(everyTwo, CREATED + (i + 1) * 2 * MINUTE)),
  ...Array.from({ length: 10 }, (_, i) => cronRun(everyFive, CREATED + (i + 1) * 5 * MINUTE)),
];

let server: ArgoServerHandle;
beforeAll(async () => {
  server = await startArgoServer({ history: cronHistory(END, [everyMinute, everyTwo, everyFive], runs) });
});
afterAll(() => server.close());

const missed = async (crons?: string[]) => {
  const frames = (
    await cronDriftFrames(
      { view: 'missed', ...(crons ? { filters: { crons } } : {}) },
      { url: server.url, fromMs: FROM, toMs: END }
    )
  ).map(decodeTable);
  return new Map(frames.map((f) => [f.fields[0].labels.cron, f]));
};
const value = (frame: DecodedTable | undefined) => frame?.columns.missed[0];
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('cronDrift missed with more ticks than the cap', () => {
  it('caps each cron on its own ticks and answers null for a capped cron, never 0', async () => {
    expect(DEFAULT_MAX_TICKS).toBe(50_000);
    const all = await missed();
    expect([...all.keys()].sort()).toEqual(['every-five', 'every-minute', 'every-two']);
    expect(value(all.get('every-minute'))).toBeNull();
    expect(all.get('every-minute')!.meta?.custom).toMatchObject({
      missed: null,
      reason: 'capped',
      missedAtLeast: 50_000,
      ticks: 50_000,
      evaluatedFrom: iso(END - 50_000 * MINUTE),
      evaluatedTo: iso(END),
    });
    expect(value(all.get('every-two'))).toBeNull();
    expect(all.get('every-two')!.meta?.custom).toMatchObject({
      reason: 'capped',
      missedAtLeast: 49,
      ran: 10,
      evaluatedFrom: iso(END - 50_000 * 2 * MINUTE),
    });
    expect(value(all.get('every-five'))).toBe(13);
    expect(all.get('every-five')!.fields[0].config).toMatchObject({ displayNameFromDS: 'argo/every-five missed' });
  });

  it('gives each cron the same answer with or without the others in the query', async () => {
    const all = await missed();
    for (const name of ['every-two', 'every-five']) {
      const alone = (await missed([name])).get(name)!;
      expect({ name, value: value(alone), custom: alone.meta?.custom }).toEqual({
        name,
        value: value(all.get(name)),
        custom: all.get(name)!.meta?.custom,
      });
    }
  });

  it('names the capped crons and says how an alert rule reads the empty value', async () => {
    // Notices ride on the first frame of the answer.
    const [first] = (await cronDriftFrames({ view: 'missed' }, { url: server.url, fromMs: FROM, toMs: END })).map(
      decodeTable
    );
    const notices = first.meta?.notices as Array<{ severity: string; text: string }>;
    expect(notices).toContainEqual({
      severity: 'warning',
      text: CRON_DRIFT_TEXT.missedCapped('argo/every-minute, argo/every-two', 50_000),
    });
    expect(CRON_DRIFT_TEXT.missedCapped('x', 1)).toMatch(/No Data/);
  });

  it('shows the runs table of the evaluated window only, newest first', async () => {
    const [table] = (
      await cronDriftFrames(
        { view: 'runs', limit: 60, filters: { crons: ['every-two'] } },
        { url: server.url, fromMs: FROM, toMs: END }
      )
    ).map(decodeTable);
    // 59 ticks since creation: 10 ran (the oldest ten), 49 missed; the newest row is the tick END − 2 min.
    expect(table.columns.status.filter((s) => s === 'ran')).toHaveLength(10);
    expect(table.columns.status.filter((s) => s === 'missed')).toHaveLength(49);
    expect(table.columns.scheduled[0]).toBe(END - 2 * MINUTE);
  });
});

import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import { readCronSchedules } from './cronSchedules';
import type { RunSummary } from './cronTypes';
import { matchRuns, runTiming, unixSecondsInName } from './matchRuns';

/*
 * Unix seconds worked out by hand: 2024-05-02T00:00:00Z is 19 845 days after 1970-01-01
 * (54 years × 365 + 13 leap days = 19 723, plus 122 days from 1 January to 2 May 2024), × 86 400 = 1 714 608 000.
 */
const MAY_2 = 1_714_608_000;
const HOUR = 3600;

const cron = readCronSchedules({
  metadata: { name: 'report', namespace: 'argo', creationTimestamp: '2024-05-01T00:00:00Z' },
  spec: { schedules: ['0 * * * *'] },
});
const isHourly = (ms: number) => ms % 3_600_000 === 0;
const ctx = { nowMs: Date.parse('2024-05-02T12:00:00Z'), graceMs: 60_000, isTick: isHourly };

function run(name: string, extra: Partial<RunSummary> = {}): RunSummary {
  return {
    name,
    namespace: 'argo',
    uid: name,
    labels: { [LABELS.cronWorkflow]: 'report' },
    creationTimestamp: '2024-05-02T00:00:01Z',
    phase: 'Succeeded',
    ...extra,
  };
}

describe('unixSecondsInName', () => {
  it.each([
    ['report-1714608000', 1_714_608_000],
    ['report-17146080', undefined], // 8 digits: 1970, and a generateName suffix is 5 characters
    ['report-24567', undefined], // a generateName suffix made of digits
    ['report-1714608000x', undefined],
    ['report-01714608000', undefined],
    ['report-x7k2p', undefined],
    ['reports-1714608000', undefined],
    ['report', undefined],
  ])('%s → %s', (name, seconds) => {
    expect(unixSecondsInName(name, 'report')).toBe(seconds);
  });
});

describe('matchRuns', () => {
  it('takes the tick from the scheduled-time annotation, with its offset', () => {
    const annotated = run(`report-${MAY_2 + 3 * HOUR}`, {
      annotations: { [ANNOTATIONS.scheduledTime]: '2024-05-02T05:00:00+02:00' }, // 03:00Z
      creationTimestamp: '2024-05-02T03:00:01Z',
    });
    const { scheduled, manual } = matchRuns(cron, [annotated], ctx);
    expect(manual).toEqual([]);
    expect(scheduled).toMatchObject([
      { scheduledMs: Date.parse('2024-05-02T03:00:00Z'), scheduledFrom: 'annotation', notes: [] },
    ]);
  });

  it('falls back to the <cron>-<unix seconds> name without the annotation', () => {
    const { scheduled } = matchRuns(
      cron,
      [run(`report-${MAY_2 + HOUR}`, { creationTimestamp: '2024-05-02T01:00:00Z' })],
      ctx
    );
    expect(scheduled).toMatchObject([
      { scheduledMs: Date.parse('2024-05-02T01:00:00Z'), scheduledFrom: 'name', onExpectedTick: true },
    ]);
  });

  it('treats runs submitted by hand as manual, never as a tick', () => {
    const runs = [
      // argo submit --from cronwf/report: generated name, scheduled-time = the moment of submission
      run('report-x7k2p', { annotations: { [ANNOTATIONS.scheduledTime]: '2024-05-02T02:17:43Z' } }),
      // no annotation, a name of one's own
      run('report-manual'),
      // looks like a cron child, but is not unix seconds
      run('report-17146080'),
      run(`report-${MAY_2}x`),
      // a name with a tick in it, but created an hour before that tick: not the cron engine
      run(`report-${MAY_2 + 5 * HOUR}`, { creationTimestamp: '2024-05-02T04:00:00Z' }),
    ];
    const { scheduled, manual } = matchRuns(cron, runs, ctx);
    expect(scheduled).toEqual([]);
    expect(manual.map((m) => m.name)).toEqual([
      'report-x7k2p',
      'report-manual',
      'report-17146080',
      `report-${MAY_2}x`,
      `report-${MAY_2 + 5 * HOUR}`,
    ]);
    expect(manual[0].reason).toMatch(/2024-05-02T02:17:43Z is not a tick/);
    expect(manual[1].reason).toMatch(/no scheduled-time annotation/);
    expect(manual[4].reason).toMatch(/created before the time in its name/);
  });

  it('accepts an annotation on a tick without the name (argo submit --scheduled-time), with a note', () => {
    const backfill = run('report-abcde', {
      annotations: { [ANNOTATIONS.scheduledTime]: '2024-05-02T02:00:00Z' },
      creationTimestamp: '2024-05-02T02:30:00Z',
    });
    const { scheduled } = matchRuns(cron, [backfill], ctx);
    expect(scheduled).toMatchObject([{ scheduledMs: Date.parse('2024-05-02T02:00:00Z'), scheduledFrom: 'annotation' }]);
    expect(scheduled[0].notes).toHaveLength(1);
  });

  it('notes an annotation that disagrees with the name, and an unreadable one', () => {
    const disagree = run(`report-${MAY_2}`, { annotations: { [ANNOTATIONS.scheduledTime]: '2024-05-02T01:00:00Z' } });
    const unreadable = run(`report-${MAY_2 + HOUR}`, {
      annotations: { [ANNOTATIONS.scheduledTime]: 'yesterday' },
      creationTimestamp: '2024-05-02T01:00:01Z',
    });
    const { scheduled } = matchRuns(cron, [disagree, unreadable], ctx);
    expect(scheduled.map((s) => [s.scheduledMs, s.scheduledFrom, s.notes.length])).toEqual([
      [MAY_2 * 1000, 'name', 1],
      [(MAY_2 + HOUR) * 1000, 'name', 1],
    ]);
  });

  it('ignores runs of other crons and namespaces, keeps unlabelled <cron>-<unix> runs, and drops uid duplicates', () => {
    const runs = [
      run(`report-${MAY_2}`, { labels: { [LABELS.cronWorkflow]: 'other' } }),
      run(`report-${MAY_2}`, { namespace: 'prod', uid: 'u2' }),
      run(`report-${MAY_2}`, { labels: undefined, uid: 'u3' }), // a v3.4 archive listing has no labels
      run('report-abcde', { labels: undefined, uid: 'u4' }),
      run(`report-${MAY_2 + HOUR}`, { uid: 'u5', finishedAt: null, creationTimestamp: '2024-05-02T01:00:01Z' }),
      run(`report-${MAY_2 + HOUR}`, {
        uid: 'u5',
        finishedAt: '2024-05-02T01:05:00Z',
        creationTimestamp: '2024-05-02T01:00:01Z',
      }),
    ];
    const { scheduled, manual, ignored } = matchRuns(cron, runs, ctx);
    expect(ignored).toBe(3);
    expect(manual).toEqual([]);
    expect(scheduled.map((s) => [s.uid, s.finishedMs])).toEqual([
      ['u3', undefined],
      ['u5', Date.parse('2024-05-02T01:05:00Z')],
    ]);
  });

  it('computes start delay, pending time and duration', () => {
    const timed = run(`report-${MAY_2}`, {
      creationTimestamp: '2024-05-02T00:00:01Z',
      startedAt: '2024-05-02T00:00:05Z',
      finishedAt: '2024-05-02T00:10:05Z',
    });
    const still = run(`report-${MAY_2 + HOUR}`, {
      creationTimestamp: '2024-05-02T01:00:01Z',
      startedAt: '2024-05-02T01:00:02Z',
      phase: 'Running',
    });
    const { scheduled } = matchRuns(cron, [timed, still], ctx);
    expect(scheduled[0]).toMatchObject({
      startDelayMs: 5000,
      pendingMs: 4000,
      durationMs: 600_000,
      running: false,
      timing: 'on-time',
    });
    // Still running at 12:00: duration so far is 10 h 59 min 58 s.
    expect(scheduled[1]).toMatchObject({ running: true, durationMs: 39_598_000 });
  });
});

describe('runTiming', () => {
  it('is on time within the grace, late after it, late beyond the deadline past both', () => {
    expect(runTiming(undefined, 60_000, 30)).toBe('not-started');
    expect(runTiming(45_000, 60_000, 30)).toBe('on-time'); // past a 30 s deadline, but within the controller's grace
    expect(runTiming(90_000, 60_000)).toBe('late');
    expect(runTiming(90_000, 60_000, 300)).toBe('late');
    expect(runTiming(400_000, 60_000, 300)).toBe('late-beyond-deadline');
    expect(runTiming(61_000, 60_000, 0)).toBe('late-beyond-deadline');
  });
});

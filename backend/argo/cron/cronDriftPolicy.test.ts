import { cronDrift } from './cronDrift';
import { at, child, cron, range, statuses, T0 } from './cronDriftFixtures';

describe('cronDrift: concurrencyPolicy', () => {
  const hourly = range('2024-05-02T00:00:00Z', '2024-05-02T04:00:00Z');
  const now = at('2024-05-02T05:00:00Z');
  // The 00:00 run runs until 02:30, through the 01:00 and 02:00 ticks.
  const long = child(T0, { finishedAt: '2024-05-02T02:30:00Z' });

  it('Forbid: ticks while a run was active are skipped, not missed', () => {
    const report = cronDrift(
      cron({ schedules: ['0 * * * *'], concurrencyPolicy: 'Forbid' }),
      [long, child(T0 + 3 * 3600)],
      hourly,
      now
    );
    expect(statuses(report.ticks)).toEqual(['00:00 ran', '01:00 skipped-forbid', '02:00 skipped-forbid', '03:00 ran']);
    expect(report.ticks[1].blockedBy).toBe(`report-${T0}`);
    expect(report.counts).toMatchObject({ skippedForbid: 2, missed: 0 });
  });

  it('Allow: the same ticks are missed', () => {
    const report = cronDrift(cron({ schedules: ['0 * * * *'] }), [long, child(T0 + 3 * 3600)], hourly, now);
    expect(statuses(report.ticks)).toEqual(['00:00 ran', '01:00 missed', '02:00 missed', '03:00 ran']);
  });

  it('Forbid: a run that finished seconds before a tick may still be in status.active (10 s sync)', () => {
    const justDone = child(T0, { finishedAt: '2024-05-02T00:59:55Z' });
    const report = cronDrift(cron({ schedules: ['0 * * * *'], concurrencyPolicy: 'Forbid' }), [justDone], hourly, now);
    expect(statuses(report.ticks).slice(0, 3)).toEqual(['00:00 ran', '01:00 skipped-forbid', '02:00 missed']);
  });

  it('Forbid: a run still running blocks every later tick', () => {
    const running = child(T0, { finishedAt: null, phase: 'Running' });
    const report = cronDrift(cron({ schedules: ['0 * * * *'], concurrencyPolicy: 'Forbid' }), [running], hourly, now);
    expect(report.counts.skippedForbid).toBe(3);
  });

  it('Replace: the run still going at the next tick is reported as replaced', () => {
    const stopped = child(T0, { finishedAt: '2024-05-02T01:00:03Z', phase: 'Failed' });
    const report = cronDrift(
      cron({ schedules: ['0 * * * *'], concurrencyPolicy: 'Replace' }),
      [stopped, child(T0 + 3600)],
      hourly,
      now
    );
    expect(report.runs.map((r) => [r.name, r.replacedBy])).toEqual([
      [`report-${T0}`, `report-${T0 + 3600}`],
      [`report-${T0 + 3600}`, undefined],
    ]);
    expect(report.counts.replaced).toBe(1);
  });
});

describe('cronDrift: suspend, creation, lastScheduledTime, pruned history', () => {
  const sixHours = range('2024-05-02T00:00:00Z', '2024-05-02T06:00:00Z');
  const now = at('2024-05-02T06:30:00Z');

  it('suspended now: ticks after status.lastScheduledTime are suspended, earlier ones without a run missed', () => {
    const report = cronDrift(
      cron({ schedules: ['0 * * * *'], suspend: true }, { lastScheduledTime: '2024-05-02T02:00:00Z' }),
      [child(T0), child(T0 + 2 * 3600)],
      sixHours,
      now
    );
    expect(statuses(report.ticks)).toEqual([
      '00:00 ran',
      '01:00 missed',
      '02:00 ran',
      '03:00 suspended',
      '04:00 suspended',
      '05:00 suspended',
    ]);
    expect(report.counts).toMatchObject({ missed: 1, suspended: 3 });
    expect(report.notes.map((n) => n.field)).toContain('spec.suspend');
  });

  it('ticks up to the creation second are before-creation, not missed', () => {
    const report = cronDrift(
      cron({ schedules: ['0 * * * *'] }, {}, '2024-05-02T03:00:00Z'),
      [child(T0 + 4 * 3600)],
      sixHours,
      now
    );
    expect(statuses(report.ticks)).toEqual([
      '00:00 before-creation',
      '01:00 before-creation',
      '02:00 before-creation',
      '03:00 before-creation', // robfig fires strictly after the moment the cron was added
      '04:00 ran',
      '05:00 missed',
    ]);
  });

  it('a tick named by status.lastScheduledTime was submitted even when its run is gone', () => {
    const report = cronDrift(
      cron({ schedules: ['0 * * * *'] }, { lastScheduledTime: '2024-05-02T05:00:00Z' }),
      [child(T0 + 4 * 3600)],
      sixHours,
      now
    );
    expect(statuses(report.ticks).slice(4)).toEqual(['04:00 ran', '05:00 submitted-not-listed']);
  });

  it('warns that old missed ticks may be pruned runs, and reports them as unknown when told so', () => {
    const runs = [child(T0 + 4 * 3600), child(T0 + 5 * 3600)];
    const judged = cronDrift(cron({ schedules: ['0 * * * *'] }), runs, sixHours, now);
    expect(judged.counts.missed).toBe(4);
    expect(judged.problems.map((p) => `${p.level} ${p.field}`)).toEqual(['warning spec.successfulJobsHistoryLimit']);
    const pruned = cronDrift(cron({ schedules: ['0 * * * *'] }), runs, sixHours, now, { prunedHistory: true });
    expect(statuses(pruned.ticks)).toEqual([
      '00:00 unknown-pruned',
      '01:00 unknown-pruned',
      '02:00 unknown-pruned',
      '03:00 unknown-pruned',
      '04:00 ran',
      '05:00 ran',
    ]);
    expect(pruned.problems).toEqual([]);
  });
});

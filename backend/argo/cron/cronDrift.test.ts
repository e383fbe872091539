import fs from 'fs';
import path from 'path';

import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import { ARGO_FIXTURES_DIR } from '../extract/testCorpus';
import { cronDrift } from './cronDrift';
import { at, child, cron, iso, range, statuses, T0 } from './cronDriftFixtures';
import type { RunSummary } from './cronTypes';

describe('cronDrift: an hourly cron over six hours', () => {
  const runs: RunSummary[] = [
    child(T0),
    // 01:00: no annotation (name only), started 3 min late, failed
    child(T0 + 3600, {
      annotations: undefined,
      startedAt: '2024-05-02T01:03:00Z',
      finishedAt: '2024-05-02T01:04:00Z',
      phase: 'Failed',
    }),
    // 02:00: missing
    // 03:00: annotation written in another zone
    child(T0 + 3 * 3600, { annotations: { [ANNOTATIONS.scheduledTime]: '2024-05-02T05:00:00+02:00' } }),
    // 04:00: created, not started yet
    child(T0 + 4 * 3600, { startedAt: null, finishedAt: null, phase: 'Pending' }),
    // 05:00: missing
    // by hand: argo submit --from cronwf/report at 02:17:43
    child(0, {
      name: 'report-x7k2p',
      uid: 'm1',
      annotations: { [ANNOTATIONS.scheduledTime]: '2024-05-02T02:17:43Z' },
      creationTimestamp: '2024-05-02T02:17:43Z',
      startedAt: '2024-05-02T02:17:45Z',
      finishedAt: '2024-05-02T02:20:00Z',
    }),
    child(0, {
      name: 'report-17146080',
      uid: 'm2',
      annotations: undefined,
      creationTimestamp: '2024-05-02T03:30:00Z',
      startedAt: null,
      finishedAt: null,
      phase: 'Running',
    }),
    // another cron's run
    child(T0 + 2 * 3600, { labels: { [LABELS.cronWorkflow]: 'other' } }),
  ];
  const report = cronDrift(
    cron({ schedules: ['0 * * * *'] }),
    runs,
    range('2024-05-02T00:00:00Z', '2024-05-02T06:00:00Z'),
    at('2024-05-02T05:30:00Z')
  );

  it('marks each tick: run, missed (grace passed), never the manual runs', () => {
    expect(statuses(report.ticks)).toEqual([
      '00:00 ran',
      '01:00 ran',
      '02:00 missed',
      '03:00 ran',
      '04:00 ran',
      '05:00 missed',
    ]);
  });

  it('reports per run: scheduled time, start, delays, duration, phase, timing', () => {
    expect(
      report.runs.map((r) => [
        r.name,
        iso(r.scheduledMs),
        r.scheduledFrom,
        r.startDelayMs,
        r.pendingMs,
        r.durationMs,
        r.phase,
        r.timing,
      ])
    ).toEqual([
      [`report-${T0}`, '2024-05-02T00:00:00Z', 'annotation', 5000, 4000, 595_000, 'Succeeded', 'on-time'],
      [`report-${T0 + 3600}`, '2024-05-02T01:00:00Z', 'name', 180_000, 179_000, 60_000, 'Failed', 'late'],
      [`report-${T0 + 3 * 3600}`, '2024-05-02T03:00:00Z', 'annotation', 5000, 4000, 595_000, 'Succeeded', 'on-time'],
      [
        `report-${T0 + 4 * 3600}`,
        '2024-05-02T04:00:00Z',
        'annotation',
        undefined,
        undefined,
        undefined,
        'Pending',
        'not-started',
      ],
    ]);
  });

  it('lists manual runs apart, and counts', () => {
    expect(report.manualRuns.map((r) => r.name)).toEqual(['report-x7k2p', 'report-17146080']);
    expect(report.counts).toEqual({
      ticks: 6,
      ran: 4,
      missed: 2,
      pending: 0,
      upcoming: 0,
      skippedForbid: 0,
      suspended: 0,
      runs: 4,
      manualRuns: 2,
      late: 1,
      lateBeyondDeadline: 0,
      replaced: 0,
      ignoredRuns: 1,
    });
  });

  it('gives the time since the last successful run, manual ones included', () => {
    // The 03:00 run finished at 03:10:00, after the manual one (02:20:00); now is 05:30:00 → 2 h 20 min.
    expect(report.lastSuccess).toEqual({
      name: `report-${T0 + 3 * 3600}`,
      finishedMs: at('2024-05-02T03:10:00Z'),
      sinceMs: 8_400_000,
    });
    // Without the scheduled successes, the manual run counts.
    const manualOnly = cronDrift(
      cron({ schedules: ['0 * * * *'] }),
      runs.slice(4),
      range('2024-05-02T00:00:00Z', '2024-05-02T06:00:00Z'),
      at('2024-05-02T05:30:00Z')
    );
    expect(manualOnly.lastSuccess).toEqual({
      name: 'report-x7k2p',
      finishedMs: at('2024-05-02T02:20:00Z'),
      sinceMs: 11_400_000,
    });
  });

  it('has no problems, and notes the UTC assumption', () => {
    expect(report.problems).toEqual([]);
    expect(report.notes.map((n) => n.field)).toEqual(['spec.timezone']);
  });
});

describe('cronDrift: grace period and startingDeadlineSeconds', () => {
  // */5 from 10:00 to 10:30, judged at 10:27:00.
  const base = at('2024-05-02T10:00:00Z') / 1000;
  const runs = [
    child(base, { startedAt: '2024-05-02T10:00:30Z' }), // 30 s: on time
    child(base + 300, { startedAt: '2024-05-02T10:07:00Z' }), // 120 s: late, within a 300 s deadline
    child(base + 600, { startedAt: '2024-05-02T10:16:40Z' }), // 400 s: beyond a 300 s deadline
    child(base + 900, { startedAt: '2024-05-02T10:15:10Z' }),
    // 10:20 and 10:25: no run
  ];
  const window = range('2024-05-02T10:00:00Z', '2024-05-02T10:30:00Z');
  const now = at('2024-05-02T10:27:00Z');

  it('with a 300 s deadline: 10:20 is missed (deadline passed at 10:25), 10:25 is still pending', () => {
    const report = cronDrift(cron({ schedules: ['*/5 * * * *'], startingDeadlineSeconds: 300 }), runs, window, now);
    expect(statuses(report.ticks)).toEqual([
      '10:00 ran',
      '10:05 ran',
      '10:10 ran',
      '10:15 ran',
      '10:20 missed',
      '10:25 pending',
    ]);
    expect(report.runs.map((r) => r.timing)).toEqual(['on-time', 'late', 'late-beyond-deadline', 'on-time']);
    expect(report.counts).toMatchObject({ missed: 1, pending: 1, late: 2, lateBeyondDeadline: 1 });
  });

  it('without a deadline: the 60 s grace applies, so 10:25 is missed too and no run is beyond a deadline', () => {
    const report = cronDrift(cron({ schedules: ['*/5 * * * *'] }), runs, window, now);
    expect(statuses(report.ticks).slice(4)).toEqual(['10:20 missed', '10:25 missed']);
    expect(report.runs.map((r) => r.timing)).toEqual(['on-time', 'late', 'late', 'on-time']);
  });

  it('counts ticks after now as upcoming and the one just past as pending', () => {
    const report = cronDrift(cron({ schedules: ['*/5 * * * *'] }), runs, window, at('2024-05-02T10:20:30Z'));
    expect(statuses(report.ticks).slice(4)).toEqual(['10:20 pending', '10:25 upcoming']);
  });
});

describe('cronDrift across DST and several schedules', () => {
  it('matches both 01:30 runs of the New York fall-back night to their own tick', () => {
    // 3 November 2024 00:00Z = 1 730 592 000 s (20 030 days: 19 723 to 2024 + 307 into the year).
    // 01:30 EDT = 05:30Z = 1 730 611 800; 01:30 EST = 06:30Z = 1 730 615 400.
    const runs = [
      child(1_730_611_800, { annotations: { [ANNOTATIONS.scheduledTime]: '2024-11-03T01:30:00-04:00' } }),
      child(1_730_615_400, { annotations: { [ANNOTATIONS.scheduledTime]: '2024-11-03T01:30:00-05:00' } }),
    ];
    const report = cronDrift(
      cron({ schedules: ['30 1 * * *'], timezone: 'America/New_York' }),
      runs,
      range('2024-11-03T00:00:00Z', '2024-11-04T00:00:00Z'),
      at('2024-11-04T00:00:00Z')
    );
    expect(report.ticks.map((t) => [iso(t.scheduledMs), t.status, t.runs])).toEqual([
      ['2024-11-03T05:30:00Z', 'ran', ['report-1730611800']],
      ['2024-11-03T06:30:00Z', 'ran', ['report-1730615400']],
    ]);
  });

  it('expects nothing on the spring-forward night for 02:30 New York, so nothing is missed', () => {
    const report = cronDrift(
      cron({ schedules: ['30 2 * * *'], timezone: 'America/New_York' }),
      [],
      range('2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z'),
      at('2024-03-12T00:00:00Z')
    );
    expect(report.ticks).toEqual([]);
    expect(report.counts.missed).toBe(0);
  });

  it('one run serves two schedules that hit the same instant', () => {
    const report = cronDrift(
      cron({ schedules: ['0 * * * *', '*/30 * * * *'] }),
      [child(T0)],
      range('2024-05-02T00:00:00Z', '2024-05-02T01:00:00Z'),
      at('2024-05-02T02:00:00Z')
    );
    expect(statuses(report.ticks)).toEqual(['00:00 ran', '00:30 missed']);
  });
});

describe('cronDrift on a real object (operator_test_L421: Forbid, America/Los_Angeles, 0-36/1 21-22)', () => {
  const dir = path.resolve(
    ARGO_FIXTURES_DIR,
    'cronworkflows'
  );
  const object = JSON.parse(fs.readFileSync(path.join(dir, 'operator_test_L421_hello-world.json'), 'utf8'));

  it('expects minutes 0–36 of 21:00 and 22:00 PST and finds its active child on the 21:34 tick', () => {
    // PST = UTC−8: 21:00–21:36 PST on 3 February = 05:00–05:36Z on 4 February; 22:xx = 06:xx Z.
    // Its child hello-world-1643952840 is 2022-02-04T05:34:00Z (21:34 PST); the cron was created 05:33:24Z.
    const active = {
      name: 'hello-world-1643952840',
      namespace: 'argo',
      uid: 'c56a8f98-ff46-4815-9d6f-d9db5cfcd941',
      labels: { [LABELS.cronWorkflow]: 'hello-world' },
      creationTimestamp: '2022-02-04T05:34:00Z',
      startedAt: '2022-02-04T05:34:01Z',
      phase: 'Running',
    };
    const report = cronDrift(
      object,
      [active],
      range('2022-02-04T05:00:00Z', '2022-02-04T07:00:00Z'),
      at('2022-02-04T05:36:30Z')
    );
    expect(report.ticks).toHaveLength(74);
    expect(iso(report.ticks[36].scheduledMs)).toBe('2022-02-04T05:36:00Z');
    expect(iso(report.ticks[37].scheduledMs)).toBe('2022-02-04T06:00:00Z');
    // 05:35 and 05:36 fall while the 05:34 run is still running: Forbid skips them (even the one just past).
    expect(statuses(report.ticks.slice(33, 38))).toEqual([
      '05:33 before-creation',
      '05:34 ran',
      '05:35 skipped-forbid',
      '05:36 skipped-forbid',
      '06:00 upcoming',
    ]);
    expect(report.runs).toMatchObject([
      { name: 'hello-world-1643952840', scheduledFrom: 'name', startDelayMs: 1000, timing: 'on-time' },
    ]);
    expect(report.problems).toEqual([]);
  });
});

describe('cronDrift never throws on bad input', () => {
  const window = range('2024-05-02T00:00:00Z', '2024-05-02T06:00:00Z');
  it.each([
    ['null', null, 'cron'],
    ['no spec', { metadata: { name: 'report' } }, 'spec'],
    ['an invalid expression', cron({ schedules: ['0 0 * * 8'] }), 'spec.schedules[0]'],
    ['an unknown timezone', cron({ schedules: ['0 * * * *'], timezone: 'Europe/Atlantis' }), 'spec.timezone'],
  ])('%s: a report with an error on %s and no ticks', (_, input, field) => {
    const report = cronDrift(input, [child(T0)], window, at('2024-05-02T06:00:00Z'));
    expect(report.problems.filter((p) => p.level === 'error').map((p) => p.field)).toEqual([field]);
    expect(report.ticks).toEqual([]);
  });

  it('a bad range or now is a problem too', () => {
    const report = cronDrift(cron({ schedules: ['0 * * * *'] }), [], { fromMs: 10, toMs: 5 }, Number.NaN);
    expect(report.problems.map((p) => p.field)).toEqual(['range', 'nowMs']);
    expect(report.ticks).toEqual([]);
  });

  it('runs that are not run summaries are tolerated', () => {
    const odd = [
      { name: 'report-x', labels: { [LABELS.cronWorkflow]: 'report' }, creationTimestamp: 'soon', phase: null },
    ] as RunSummary[];
    const report = cronDrift(cron({ schedules: ['0 * * * *'] }), odd, window, at('2024-05-02T06:00:00Z'));
    expect(report.manualRuns).toEqual([]);
    expect(report.counts.missed).toBe(6);
  });
});

import fs from 'fs';
import path from 'path';

import { ARGO_FIXTURES_DIR } from '../extract/testCorpus';
import { readCronSchedules } from './cronSchedules';
import type { CronProblem, CronSchedules } from './cronTypes';

const CRON_DIR = path.resolve(ARGO_FIXTURES_DIR, 'cronworkflows');

function readObject(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(CRON_DIR, file), 'utf8'));
}

const problemsOf = (read: CronSchedules) => read.problems.map(({ level, field }: CronProblem) => `${level} ${field}`);

/** One version of each supported minor, and the patches where cron validation changed (v3.7.12, v4.0.3). */
const VERSIONS = ['v3.4.18', 'v3.5.15', 'v3.6.19', 'v3.7.11', 'v3.7.12', 'v4.0.2', 'v4.0.3', 'v4.1.2'] as const;
type Version = (typeof VERSIONS)[number];
const BEFORE_V36: Version[] = ['v3.4.18', 'v3.5.15'];
const V36_V37: Version[] = ['v3.6.19', 'v3.7.11', 'v3.7.12'];
const FROM_V40: Version[] = ['v4.0.2', 'v4.0.3', 'v4.1.2'];

interface Reading {
  schedules: Array<[field: string, text: string, zone: string]>;
  problems: string[];
  rejected: boolean;
  /** Argo's own error text the first error problem quotes. */
  argoError?: string;
}

const ok = (schedules: Reading['schedules']): Reading => ({ schedules, problems: [], rejected: false });
const rejected = (field: string, argoError: string): Reading => ({
  schedules: [],
  problems: [`error ${field}`],
  rejected: true,
  argoError,
});

/*
 * What each real object (Argo's own test fixtures, backend/test/fixtures/argo/SOURCES.md) means to each version,
 * worked out by hand from Argo's source:
 * - v3.4/v3.5: the Go type has only `schedule` (cron_workflow_types.go v3.5.15 L47), so `schedules` is dropped;
 *   ValidateCronWorkflow (validate.go v3.5.15 L377-378) parses Spec.Schedule: "" fails with robfig's "empty
 *   spec string" (robfig parser.go v3.0.1 L90), as "cron schedule is malformed: empty spec string".
 * - v3.6/v3.7: both fields; GetSchedules takes `schedule` when non-empty, else `schedules`
 *   (cron_workflow_types.go v3.7.18 L190-208); validation loops over them (validate.go v3.7.18 L417-421) and
 *   passes with none; the controller then adds no job (controller.go v3.7.18 L199-206).
 * - v4.0+: only `schedules`; "cron workflow must have at least one schedule" (validate.go v4.1.2 L444-446).
 * Argo's operator_test.go (v4.1.2 L337, L608, L669) expects the two v4 errors below for L611 and L552.
 */
const EMPTY_SCHEDULE = 'cron schedule is malformed: empty spec string';
const MONTH_ERROR =
  'cron schedule 10 * * 12737123 * is malformed: end of range (12737123) above maximum (12): 12737123';
const REAL: Record<string, (version: Version) => Reading> = {
  'operator_test_L22_hello-world.json': (v) =>
    BEFORE_V36.includes(v)
      ? rejected('spec.schedule', EMPTY_SCHEDULE)
      : ok([['spec.schedules[0]', '* * * * *', 'UTC']]),
  'operator_test_L421_hello-world.json': (v) =>
    BEFORE_V36.includes(v)
      ? rejected('spec.schedule', EMPTY_SCHEDULE)
      : ok([['spec.schedules[0]', '0-36/1 21-22 * * *', 'America/Los_Angeles']]),
  'operator_test_L489_hello-world.json': (v) =>
    BEFORE_V36.includes(v)
      ? rejected('spec.schedule', EMPTY_SCHEDULE)
      : ok([
          ['spec.schedules[0]', '* * * * *', 'UTC'],
          ['spec.schedules[1]', '0 * * * *', 'UTC'],
        ]),
  'operator_test_L552_hello-world.json': (v) =>
    BEFORE_V36.includes(v)
      ? rejected('spec.schedule', EMPTY_SCHEDULE)
      : V36_V37.includes(v)
        ? { schedules: [], problems: ['error spec.schedule'], rejected: false }
        : rejected('spec.schedules', 'cron workflow must have at least one schedule'),
  'operator_test_L611_hello-world.json': (v) =>
    BEFORE_V36.includes(v) ? rejected('spec.schedule', EMPTY_SCHEDULE) : rejected('spec.schedules[1]', MONTH_ERROR),
  'v3.6.19_operator_test_L24_hello-world.json': (v) =>
    FROM_V40.includes(v)
      ? rejected('spec.schedules', 'cron workflow must have at least one schedule')
      : ok([['spec.schedule', '* * * * *', 'UTC']]),
  'v3.6.19_operator_test_L415_hello-world.json': (v) =>
    FROM_V40.includes(v)
      ? rejected('spec.schedules', 'cron workflow must have at least one schedule')
      : ok([['spec.schedule', '0-36/1 21-22 * * *', 'America/Los_Angeles']]),
};

describe('readCronSchedules on the real CronWorkflow objects, as each Argo version reads them', () => {
  it('has an expectation for every file in the reference data', () => {
    expect(
      fs
        .readdirSync(CRON_DIR)
        .filter((f) => f.endsWith('.json'))
        .sort()
    ).toEqual(Object.keys(REAL).sort());
  });

  const cases = Object.keys(REAL).flatMap((file) => VERSIONS.map((version) => [file, version] as const));
  it.each(cases)('%s as %s', (file, version) => {
    const expected = REAL[file](version);
    const read = readCronSchedules(readObject(file), { argoVersion: version });
    expect(read.name).toBe('hello-world');
    expect(read.argoVersion).toBe(`Argo ${version}`);
    expect({
      schedules: read.schedules.map((s) => [s.field, s.text, s.timeZone]),
      problems: problemsOf(read),
      rejected: read.rejected,
    }).toEqual({ schedules: expected.schedules, problems: expected.problems, rejected: expected.rejected });
    if (expected.argoError) {
      expect(read.problems[0].message).toContain(`Argo ${version} rejects the CronWorkflow ("${expected.argoError}")`);
    }
  });

  it('keeps the policy and status fields of L421 (Forbid, deadline 0, limits 4, one active run)', () => {
    const read = readCronSchedules(readObject('operator_test_L421_hello-world.json'), { argoVersion: 'v4.1.2' });
    expect(read).toMatchObject({
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 0,
      successfulJobsHistoryLimit: 4,
      failedJobsHistoryLimit: 4,
      activeRuns: ['hello-world-1643952840'],
      createdMs: Date.parse('2022-02-04T05:33:24Z'),
      lastScheduledMs: Date.parse('2022-02-04T05:34:00Z'),
    });
    // Its last-used-schedule annotation matches the spec, so no "schedule changed" note.
    expect(read.notes).toEqual([]);
  });

  it('explains the broken month of L611 in plain words as well as in Argo’s', () => {
    const [problem] = readCronSchedules(readObject('operator_test_L611_hello-world.json'), {
      argoVersion: 'v4.1.2',
    }).problems;
    expect(problem.message).toMatch(/^"10 \* \* 12737123 \*": month field "12737123": 12737123 is outside 1-12: /);
    expect(problem.message).toMatch(/schedules nothing and no tick is expected or missed/);
  });

  it('says where the zone came from, and that the controller default is taken as UTC', () => {
    const l22 = readCronSchedules(readObject('operator_test_L22_hello-world.json'), { argoVersion: 'v4.1.2' });
    expect(l22.schedules[0].timeZoneFrom).toBe('controller default');
    expect(l22.notes.map((n) => n.field)).toEqual(['spec.timezone']);
    const l421 = readCronSchedules(readObject('operator_test_L421_hello-world.json'), { argoVersion: 'v4.1.2' });
    expect(l421.schedules[0].timeZoneFrom).toBe('spec.timezone');
  });

  it('says what each version does with the field it does not have', () => {
    const l24 = readObject('v3.6.19_operator_test_L24_hello-world.json');
    const notes = (version: Version) =>
      readCronSchedules(l24, { argoVersion: version }).notes.map((n) => `${n.field} ${n.message}`);
    expect(notes('v3.5.15')).toEqual([expect.stringMatching(/^spec\.timezone is not set/)]);
    expect(notes('v3.7.12')).toContainEqual(
      'spec.schedule is deprecated in Argo v3.7.12 and removed in Argo v4.0 (whose server drops it): move it to spec.schedules'
    );
    expect(notes('v4.0.3')).toEqual([
      'spec.schedule is set, but Argo v4.0.3 has no spec.schedule field (its server drops it); only spec.schedules is read',
    ]);
    const l22 = readObject('operator_test_L22_hello-world.json');
    expect(readCronSchedules(l22, { argoVersion: 'v3.4.18' }).notes.map((n) => n.field)).toEqual(['spec.schedules']);
  });
});

function cronWith(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return { kind: 'CronWorkflow', metadata: { name: 'nightly', namespace: 'argo' }, spec, ...extra };
}

describe('readCronSchedules on bad or unusual input never throws', () => {
  it.each([
    ['null', null, 'cron'],
    ['a string', 'nightly', 'cron'],
    ['an array', [], 'cron'],
    ['no metadata.name', { spec: { schedules: ['0 * * * *'] } }, 'metadata.name'],
    ['no spec', { metadata: { name: 'nightly' } }, 'spec'],
  ])('%s → error naming %s', (_, input, field) => {
    const read = readCronSchedules(input);
    expect(read.rejected).toBe(true);
    expect(read.schedules).toEqual([]);
    expect(read.problems.some((p) => p.level === 'error' && p.field === field)).toBe(true);
  });

  it.each([
    [{ schedules: ['61 * * * *'] }, ['spec.schedules[0]']],
    [{ schedules: ['0 0 * * 7'] }, ['spec.schedules[0]']],
    [{ schedules: ['0 * * * *', 42] }, ['spec.schedules[1]']],
    [{ schedules: '0 * * * *' }, ['spec.schedules', 'spec.schedules']],
    [{ schedules: [] }, ['spec.schedules']],
    [{ schedules: ['0 * * * *'], timezone: 'Mars/Olympus' }, ['spec.timezone']],
    [{ schedules: ['0 * * * *'], timezone: 'america/new_york' }, ['spec.timezone']],
    [{ schedules: ['CRON_TZ=Nowhere/Town 0 * * * *'] }, ['spec.schedules[0]']],
    [{ schedules: ['CRON_TZ=Europe/Berlin'] }, ['spec.schedules[0]']],
    [{ schedules: ['0 * * * *'], concurrencyPolicy: 'Sometimes' }, ['spec.concurrencyPolicy']],
    [{ schedules: ['0 * * * *'], startingDeadlineSeconds: -1 }, ['spec.startingDeadlineSeconds']],
  ])('%j: Argo v4.1.2 rejects the CronWorkflow; errors on %j', (spec, fields) => {
    const read = readCronSchedules(cronWith(spec), { argoVersion: 'v4.1.2' });
    expect(read.rejected).toBe(true);
    expect(read.schedules).toEqual([]);
    expect(read.problems.filter((p) => p.level === 'error').map((p) => p.field)).toEqual(fields);
  });

  it('reads a CRON_TZ= prefix as the zone, and stops adding schedules at one that has it next to spec.timezone', () => {
    const own = readCronSchedules(cronWith({ schedules: ['CRON_TZ=Europe/Berlin 30 2 * * *'] }));
    expect(own.schedules).toMatchObject([{ timeZone: 'Europe/Berlin', timeZoneFrom: 'CRON_TZ', cron: '30 2 * * *' }]);
    expect(own.problems).toEqual([]);
    const twice = readCronSchedules(
      cronWith({ schedules: ['0 1 * * *', 'TZ=Asia/Tokyo 0 2 * * *', '0 3 * * *'], timezone: 'UTC' }),
      { argoVersion: 'v4.1.2' }
    );
    // controller.go v4.1.2 L205-210: AddJob("CRON_TZ=UTC TZ=Asia/Tokyo 0 2 * * *") fails, the loop returns.
    // robfig Parse strips the first prefix and then finds 6 fields (checked with robfig/cron v3.0.1 in Go).
    expect(twice.schedules.map((s) => s.text)).toEqual(['0 1 * * *']);
    expect(problemsOf(twice)).toEqual(['error spec.schedules[1]']);
    expect(twice.problems[0].message).toContain('("expected exactly 5 fields, found 6: [TZ=Asia/Tokyo 0 2 * * *]")');
    expect(twice.rejected).toBe(false);
  });

  it('keeps going on schedules it cannot compute, with a warning: @every, 30 February, an empty field', () => {
    const read = readCronSchedules(
      cronWith({ schedules: ['@every 1h', '0 0 30 2 *', '@daily', ', 1 * * *'], timezone: 'Asia/Tokyo' })
    );
    expect(read.rejected).toBe(false);
    expect(read.schedules.map((s) => [s.text, s.cron, s.everySeconds])).toEqual([
      ['@every 1h', undefined, 3600],
      ['@daily', '0 0 * * *', undefined],
    ]);
    expect(problemsOf(read)).toEqual([
      'warning spec.schedules[0]',
      'warning spec.schedules[1]',
      'warning spec.schedules[3]',
    ]);
    expect(read.problems[1].message).toMatch(/never fires/);
  });

  it('reads suspend, Stopped, conditions, when, timezone "Local" and a changed schedule (v3.6+)', () => {
    const read = readCronSchedules(
      cronWith(
        { schedules: ['0 2 * * *'], suspend: true, when: '{{= cronworkflow.failed == 0 }}', timezone: 'Local' },
        {
          metadata: {
            name: 'nightly',
            annotations: { 'cronworkflows.argoproj.io/last-used-schedule': 'CRON_TZ=Local 0 1 * * *' },
          },
          status: {
            phase: 'Stopped',
            conditions: [{ type: 'SubmissionError', status: 'True', message: 'Failed to submit Workflow: quota' }],
          },
        }
      ),
      { argoVersion: 'v3.7.12' }
    );
    expect(read).toMatchObject({ suspended: true, stopped: true, rejected: false });
    expect(read.schedules).toMatchObject([{ timeZone: 'UTC', timeZoneFrom: 'spec.timezone' }]);
    expect(problemsOf(read)).toEqual(['warning status.conditions']);
    expect(read.problems[0].message).toBe('SubmissionError: Failed to submit Workflow: quota');
    expect(read.notes.map((n) => n.field).sort()).toEqual([
      'metadata.annotations',
      'spec.suspend',
      'spec.timezone',
      'spec.when',
    ]);
  });
});

describe('readCronSchedules with the controller’s time zone given', () => {
  it('uses it for schedules without spec.timezone or CRON_TZ=, and says so', () => {
    const read = readCronSchedules(cronWith({ schedules: ['0 2 * * *', 'CRON_TZ=UTC 0 3 * * *'] }), {
      controllerTimeZone: 'America/New_York',
    });
    expect(read.schedules.map((s) => [s.timeZone, s.timeZoneFrom])).toEqual([
      ['America/New_York', 'controller default'],
      ['UTC', 'CRON_TZ'],
    ]);
    expect(read.notes[0].message).toMatch(/we assume America\/New_York$/);
  });

  it('falls back to UTC for a zone it does not know, with a warning', () => {
    const read = readCronSchedules(cronWith({ schedules: ['0 2 * * *'] }), { controllerTimeZone: 'Moon/Base' });
    expect(read.schedules[0].timeZone).toBe('UTC');
    expect(problemsOf(read)).toEqual(['warning controllerTimeZone']);
  });
});

import fs from 'fs';
import path from 'path';

import { ARGO_FIXTURES_DIR } from '../extract/testCorpus';
import { readCronSchedules } from './cronSchedules';
import type { CronProblem, CronSchedules } from './cronTypes';

const CRON_DIR = path.resolve(
  ARGO_FIXTURES_DIR,
  'cronworkflows'
);

function readObject(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(CRON_DIR, file), 'utf8'));
}

const problemsOf = (read: CronSchedules) => read.problems.map(({ level, field }: CronProblem) => `${level} ${field}`);

/**
 * What each real object (Argo's own test fixtures, backend/test/fixtures/argo/SOURCES.md) says, read off the JSON by hand.
 * operator_test.go expects SpecError for L552 ("cron workflow must have at least one schedule") and for L611
 * ("cron schedule 10 * * 12737123 * is malformed: end of range (12737123) above maximum (12)"), so for those two
 * Argo schedules nothing, and neither do we.
 */
const EXPECTED: Record<
  string,
  { schedules: Array<[field: string, text: string, zone: string]>; problems: string[]; extra?: Partial<CronSchedules> }
> = {
  'operator_test_L22_hello-world.json': {
    schedules: [['spec.schedules[0]', '* * * * *', 'UTC']],
    problems: [],
    extra: {
      startingDeadlineSeconds: 30,
      concurrencyPolicy: 'Allow',
      lastScheduledMs: Date.parse('2020-02-28T19:05:00Z'),
    },
  },
  'operator_test_L421_hello-world.json': {
    schedules: [['spec.schedules[0]', '0-36/1 21-22 * * *', 'America/Los_Angeles']],
    problems: [],
    extra: {
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 0,
      successfulJobsHistoryLimit: 4,
      failedJobsHistoryLimit: 4,
      activeRuns: ['hello-world-1643952840'],
      createdMs: Date.parse('2022-02-04T05:33:24Z'),
    },
  },
  'operator_test_L489_hello-world.json': {
    schedules: [
      ['spec.schedules[0]', '* * * * *', 'UTC'],
      ['spec.schedules[1]', '0 * * * *', 'UTC'],
    ],
    problems: [],
  },
  'operator_test_L552_hello-world.json': {
    schedules: [],
    problems: ['error spec.schedules'],
    extra: { rejected: true },
  },
  'operator_test_L611_hello-world.json': {
    schedules: [],
    problems: ['error spec.schedules[1]'],
    extra: { rejected: true },
  },
  'v3.6.19_operator_test_L24_hello-world.json': { schedules: [['spec.schedule', '* * * * *', 'UTC']], problems: [] },
  'v3.6.19_operator_test_L415_hello-world.json': {
    schedules: [['spec.schedule', '0-36/1 21-22 * * *', 'America/Los_Angeles']],
    problems: [],
    extra: { concurrencyPolicy: 'Forbid', activeRuns: ['hello-world-1643952840'] },
  },
};

describe('readCronSchedules on the real CronWorkflow objects', () => {
  it('has an expectation for every file in the reference data', () => {
    expect(
      fs
        .readdirSync(CRON_DIR)
        .filter((f) => f.endsWith('.json'))
        .sort()
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const read = readCronSchedules(readObject(file));
    expect(read.name).toBe('hello-world');
    expect(read.namespace).toBe('argo');
    expect(read.schedules.map((s) => [s.field, s.text, s.timeZone])).toEqual(expected.schedules);
    expect(problemsOf(read)).toEqual(expected.problems);
    expect(read).toMatchObject(expected.extra ?? {});
  });

  it('names the broken month in L611 and says nothing runs', () => {
    const [problem] = readCronSchedules(readObject('operator_test_L611_hello-world.json')).problems;
    expect(problem.message).toMatch(/"10 \* \* 12737123 \*".*month field "12737123": 12737123 is outside 1-12/);
    expect(problem.message).toMatch(/none of its schedules run/);
  });

  it('says where the zone came from, and that the controller default is taken as UTC', () => {
    const l22 = readCronSchedules(readObject('operator_test_L22_hello-world.json'));
    expect(l22.schedules[0].timeZoneFrom).toBe('controller default');
    expect(l22.notes.map((n) => n.field)).toEqual(['spec.timezone']);
    const l421 = readCronSchedules(readObject('operator_test_L421_hello-world.json'));
    expect(l421.schedules[0].timeZoneFrom).toBe('spec.timezone');
    // Its last-used-schedule annotation matches the spec, so no "schedule changed" note.
    expect(l421.notes).toEqual([]);
  });

  it('notes that spec.schedule is deprecated (v3.6.19 objects)', () => {
    const read = readCronSchedules(readObject('v3.6.19_operator_test_L24_hello-world.json'));
    expect(read.notes.map((n) => n.field)).toEqual(['spec.schedule', 'spec.timezone']);
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
    [{ schedules: ['61 * * * *'] }, 'spec.schedules[0]'],
    [{ schedules: ['0 0 * * 7'] }, 'spec.schedules[0]'],
    [{ schedules: ['0 * * * *', 42] }, 'spec.schedules[1]'],
    [{ schedules: '0 * * * *' }, 'spec.schedules'],
    [{ schedule: 5 }, 'spec.schedule'],
    [{ schedules: [] }, 'spec.schedules'],
    [{ schedules: ['0 * * * *'], timezone: 'Mars/Olympus' }, 'spec.timezone'],
    [{ schedules: ['0 * * * *'], timezone: 'america/new_york' }, 'spec.timezone'],
    [{ schedules: ['CRON_TZ=Nowhere/Town 0 * * * *'] }, 'spec.schedules[0]'],
    [{ schedules: ['0 * * * *'], concurrencyPolicy: 'Sometimes' }, 'spec.concurrencyPolicy'],
    [{ schedules: ['0 * * * *'], startingDeadlineSeconds: -1 }, 'spec.startingDeadlineSeconds'],
  ])('%j: Argo rejects the CronWorkflow; error on %s', (spec, field) => {
    const read = readCronSchedules(cronWith(spec));
    expect(read.rejected).toBe(true);
    expect(read.schedules).toEqual([]);
    expect(read.problems.filter((p) => p.level === 'error').map((p) => p.field)).toEqual([field]);
  });

  it('reads a CRON_TZ= prefix as the zone, and rejects it next to spec.timezone', () => {
    const own = readCronSchedules(cronWith({ schedules: ['CRON_TZ=Europe/Berlin 30 2 * * *'] }));
    expect(own.schedules).toMatchObject([{ timeZone: 'Europe/Berlin', timeZoneFrom: 'CRON_TZ', cron: '30 2 * * *' }]);
    expect(own.problems).toEqual([]);
    const twice = readCronSchedules(
      cronWith({ schedules: ['0 1 * * *', 'TZ=Asia/Tokyo 0 2 * * *', '0 3 * * *'], timezone: 'UTC' })
    );
    // The controller adds schedules in order and stops at the one it cannot parse.
    expect(twice.schedules.map((s) => s.text)).toEqual(['0 1 * * *']);
    expect(problemsOf(twice)).toEqual(['error spec.schedules[1]']);
    expect(twice.rejected).toBe(false);
  });

  it('keeps going on schedules it cannot compute, with a warning: @every, 30 February', () => {
    const read = readCronSchedules(
      cronWith({ schedules: ['@every 1h', '0 0 30 2 *', '@daily'], timezone: 'Asia/Tokyo' })
    );
    expect(read.rejected).toBe(false);
    expect(read.schedules.map((s) => [s.text, s.cron, s.everySeconds])).toEqual([
      ['@every 1h', undefined, 3600],
      ['@daily', '0 0 * * *', undefined],
    ]);
    expect(problemsOf(read)).toEqual(['warning spec.schedules[0]', 'warning spec.schedules[1]']);
    expect(read.problems[1].message).toMatch(/never fires/);
  });

  it('uses spec.schedule when both fields are set (as v3.7 does) and warns', () => {
    const read = readCronSchedules(cronWith({ schedule: '0 1 * * *', schedules: ['0 2 * * *'] }));
    expect(read.schedules.map((s) => s.field)).toEqual(['spec.schedule']);
    expect(problemsOf(read)).toEqual(['warning spec.schedule']);
  });

  it('reads suspend, Stopped, conditions, when, timezone "Local" and a changed schedule', () => {
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
      )
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
    const read = readCronSchedules(cronWith({ schedules: ['0 2 * * *', 'CRON_TZ=UTC 0 3 * * *'] }), 'America/New_York');
    expect(read.schedules.map((s) => [s.timeZone, s.timeZoneFrom])).toEqual([
      ['America/New_York', 'controller default'],
      ['UTC', 'CRON_TZ'],
    ]);
    expect(read.notes[0].message).toMatch(/we assume America\/New_York$/);
  });

  it('falls back to UTC for a zone it does not know, with a warning', () => {
    const read = readCronSchedules(cronWith({ schedules: ['0 2 * * *'] }), 'Moon/Base');
    expect(read.schedules[0].timeZone).toBe('UTC');
    expect(problemsOf(read)).toEqual(['warning controllerTimeZone']);
  });
});

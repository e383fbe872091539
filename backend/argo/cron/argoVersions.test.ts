import { argoCronRules } from './argoCronRules';
import { cronDrift } from './cronDrift';
import { at, cron } from './cronDriftFixtures';
import { readCronSchedules } from './cronSchedules';
import type { CronSchedules } from './cronTypes';

/**
 * Constructed CronWorkflows read as each Argo version reads them. Every expectation is worked out by hand
 * from Argo's source at that tag (file and lines cited); robfig/cron's texts were also checked by running
 * robfig/cron v3.0.1's ParseStandard in Go.
 */
const read = (spec: Record<string, unknown>, version: string, status: Record<string, unknown> = {}) =>
  readCronSchedules(cron(spec, status), { argoVersion: version });
const errors = (r: CronSchedules) => r.problems.filter((p) => p.level === 'error');
const texts = (r: CronSchedules) => r.schedules.map((s) => s.text);

describe('spec.schedule and spec.schedules both set', () => {
  const both = { schedule: '0 1 * * *', schedules: ['0 2 * * *'] };

  it.each(['v3.4.18', 'v3.5.15'])('%s: its server drops schedules; schedule runs', (version) => {
    // cron_workflow_types.go v3.5.15 L47: `Schedule string` is the only schedule field.
    const r = read(both, version);
    expect([r.rejected, texts(r), errors(r)]).toEqual([false, ['0 1 * * *'], []]);
    expect(r.notes.map((n) => n.message)).toContainEqual(
      `is set, but Argo ${version} has no spec.schedules field (its server drops it); only spec.schedule is read`
    );
  });

  it.each(['v3.6.0', 'v3.6.19', 'v3.7.0', 'v3.7.18'])('%s: validation rejects it, nothing runs', (version) => {
    // validate.go v3.6.19 L403-405, v3.7.18 L407-409; operator_test.go v3.7.18 L584 (TestSpecErrorWithScheduleAndSchedules).
    const r = read(both, version);
    expect([r.rejected, texts(r)]).toEqual([true, []]);
    expect(errors(r)).toEqual([
      {
        level: 'error',
        field: 'spec.schedule',
        message: `and spec.schedules are both set: Argo ${version} rejects the CronWorkflow ("cron workflow cant be configured with both Spec.Schedule and Spec.Schedules"), so its controller schedules nothing and no tick is expected or missed; fix it`,
      },
    ]);
  });

  it.each(['v4.0.0', 'v4.1.2'])('%s: its server drops schedule; schedules run', (version) => {
    // cron_workflow_types.go v4.1.2 L43-72: no Schedule field; GetSchedules reads Schedules (L182-190).
    const r = read(both, version);
    expect([r.rejected, texts(r), errors(r)]).toEqual([false, ['0 2 * * *'], []]);
  });

  it('answers with no tick at all for v3.7, where the reviewer saw 85 missed over two hours', () => {
    const report = cronDrift(
      cron({ schedule: '* * * * *', schedules: ['*/2 * * * *'] }),
      [],
      { fromMs: at('2024-05-02T10:00:00Z'), toMs: at('2024-05-02T12:00:00Z') },
      at('2024-05-02T12:00:00Z'),
      { argoVersion: 'v3.7.12' }
    );
    expect([report.ticks, report.counts.missed, report.cron.rejected]).toEqual([[], 0, true]);
  });
});

describe('spec.timezone that Go cannot load', () => {
  const badZone = (version: string) =>
    read(
      version < 'v3.6'
        ? { schedule: '0 * * * *', timezone: 'Mars/Olympus' }
        : { schedules: ['0 * * * *'], timezone: 'Mars/Olympus' },
      version
    );

  it.each(['v3.4.18', 'v3.5.15', 'v3.6.19', 'v3.7.11', 'v4.0.0', 'v4.0.2'])(
    '%s: validation passes, the cron engine refuses it: an error, no tick, not rejected',
    (version) => {
      // No timezone check in ValidateCronWorkflow before v3.7.12 / v4.0.3; AddJob parses "CRON_TZ=Mars/Olympus 0 * * * *"
      // and robfig's LoadLocation fails (parser.go L100); the controller only logs "could not schedule CronWorkflow"
      // (controller.go v3.5.15 L193-196, v4.0.2 L203-206).
      const r = badZone(version);
      expect([r.rejected, r.schedules]).toEqual([false, []]);
      expect(errors(r).map((p) => p.field)).toEqual(['spec.timezone']);
      expect(errors(r)[0].message).toContain(
        `Argo ${version} passes validation but its cron engine refuses every schedule ("provided bad location Mars/Olympus: unknown time zone Mars/Olympus")`
      );
    }
  );

  it.each(['v3.7.12', 'v3.7.18', 'v4.0.3', 'v4.1.2'])('%s: validation rejects it', (version) => {
    // validate.go v3.7.12 L423-427, v4.0.3 L425-429, v4.1.2 L454-458; Go: `unknown time zone Mars/Olympus`.
    const r = badZone(version);
    expect([r.rejected, r.schedules]).toEqual([true, []]);
    expect(errors(r)[0].message).toContain(
      `Argo ${version} rejects the CronWorkflow ("invalid timezone "Mars/Olympus": unknown time zone Mars/Olympus")`
    );
  });
});

describe('checks every version makes', () => {
  const name53 = 'a'.repeat(53);
  it.each(['v3.4.18', 'v3.5.15', 'v3.6.19', 'v3.7.18', 'v4.0.3', 'v4.1.2'])(
    '%s: a name over 52 characters',
    (version) => {
      // validate.go v3.4.18 L372-374 … v4.1.2 L440-442; the Go test (validate_test.go v3.6.19 L2854-2856) has the text.
      const r = readCronSchedules(
        {
          metadata: { name: name53, namespace: 'argo' },
          spec: version < 'v3.6' ? { schedule: '0 * * * *' } : { schedules: ['0 * * * *'] },
        },
        { argoVersion: version }
      );
      expect(r.rejected).toBe(true);
      expect(errors(r)[0].message).toContain(
        `("cron workflow name "${name53}" must not be more than 52 characters long (currently 53)")`
      );
    }
  );

  it.each(['v3.4.18', 'v3.7.18', 'v4.1.2'])(
    '%s: concurrencyPolicy and a negative startingDeadlineSeconds',
    (version) => {
      // validate.go v3.4.18 L380-389, v3.7.18 L429-438, v4.1.2 L460-469.
      const schedule = version < 'v3.6' ? { schedule: '0 * * * *' } : { schedules: ['0 * * * *'] };
      const r = read({ ...schedule, concurrencyPolicy: 'Sometimes', startingDeadlineSeconds: -1 }, version);
      expect(errors(r).map((p) => p.field)).toEqual(['spec.concurrencyPolicy', 'spec.startingDeadlineSeconds']);
      expect(errors(r)[0].message).toContain(`("'Sometimes' is not a valid concurrencyPolicy")`);
      expect(errors(r)[1].message).toContain('("startingDeadlineSeconds must be positive")');
    }
  );

  it.each([
    ['v3.5.15', 'cron schedule is malformed: end of range (61) above maximum (59): 61'], // validate.go v3.5.15 L376-378
    ['v3.6.19', 'cron schedule 61 * * * * is malformed: end of range (61) above maximum (59): 61'], // v3.6.19 L413-417
    ['v4.1.2', 'cron schedule 61 * * * * is malformed: end of range (61) above maximum (59): 61'], // v4.1.2 L448-452
  ])('%s words a malformed schedule as "%s"', (version, text) => {
    const r = read(version < 'v3.6' ? { schedule: '61 * * * *' } : { schedules: ['61 * * * *'] }, version);
    expect(errors(r)[0].message).toContain(`("${text}")`);
  });

  it('v3.6–v3.7 with no schedule at all: accepted, nothing scheduled, no condition', () => {
    // GetSchedules gives [] (cron_workflow_types.go v3.7.18 L190-208), the validation loop runs zero times,
    // and the AddJob loop adds nothing (controller.go v3.7.18 L199-206).
    const r = read({ schedules: [] }, 'v3.7.18');
    expect([r.rejected, r.schedules]).toEqual([false, []]);
    expect(errors(r).map((p) => `${p.field} ${p.message}`)).toEqual([
      'spec.schedule and spec.schedules are both empty: Argo v3.7.18 accepts the CronWorkflow without an error and schedules nothing, so no tick is expected; add a schedule',
    ]);
  });
});

describe('fields older versions do not have: when, stopStrategy, status.phase', () => {
  it('v3.5 ignores them; v3.6 skips ticks by `when` and stops on status.phase Stopped', () => {
    const spec = { schedule: '0 * * * *', when: '{{= false }}', stopStrategy: { expression: 'true' } };
    const old = read(spec, 'v3.5.15', { phase: 'Stopped' });
    expect(old.stopped).toBe(false);
    expect(old.notes.map((n) => n.field)).toEqual(['spec.when', 'spec.stopStrategy', 'spec.timezone']);
    expect(old.notes[0].message).toBe(
      'is set, but Argo v3.5.15 has no spec.when field (its server drops it); every tick runs'
    );
    // operator.go v3.6.19 enforceRuntimePolicy: phase Stopped and evalWhen skip the tick.
    const newer = read(spec, 'v3.6.19', { phase: 'Stopped' });
    expect(newer.stopped).toBe(true);
    expect(newer.notes.find((n) => n.field === 'spec.when')?.message).toMatch(/^is set: Argo v3\.6\.19 skips a tick/);
  });
});

describe('a SpecError condition: the controller’s own verdict', () => {
  it('rejects the cron in every version (operator.go run: validate, report SpecError, return)', () => {
    for (const version of ['v3.4.18', 'v3.7.18', 'v4.1.2']) {
      const schedule = version < 'v3.6' ? { schedule: '0 * * * *' } : { schedules: ['0 * * * *'] };
      const r = read(schedule, version, {
        conditions: [{ type: 'SpecError', status: 'True', message: "templates.main: template 'x' not found" }],
      });
      expect([version, r.rejected, r.schedules]).toEqual([version, true, []]);
      expect(errors(r)[0]).toMatchObject({ field: 'status.conditions' });
      expect(errors(r)[0].message).toContain(`Argo ${version} failed to validate`);
    }
  });
});

describe('the version to read with', () => {
  it.each([
    [undefined, 'Argo v4.1 (assumed)', 'schedules', /version is not known/],
    ['latest', 'Argo v4.1 (assumed)', 'schedules', /reports version "latest", not a release/],
    ['v0.0.0-2026-01-01-abcdef', 'Argo v4.1 (assumed)', 'schedules', /not a release/],
    ['v3.3.10', 'Argo v3.3.10', 'schedule', /older than v3\.4; CronWorkflows are read as Argo v3\.4/],
    ['v4.2.0', 'Argo v4.2.0', 'schedules', /newer than v4\.1; CronWorkflows are read as Argo v4\.1/],
    ['v3.7.12', 'Argo v3.7.12', 'both', undefined],
    ['3.6.2', 'Argo v3.6.2', 'both', undefined],
  ])('%j is read as %s', (version, name, fields, assumption) => {
    const rules = argoCronRules(version);
    expect([rules.name, rules.fields]).toEqual([name, fields]);
    if (assumption) {
      expect(rules.assumption).toMatch(assumption);
    } else {
      expect(rules.assumption).toBeUndefined();
    }
  });

  it('checks spec.timezone from v3.7.12 and v4.0.3 on only', () => {
    const checked = ['v3.7.11', 'v3.7.12', 'v4.0.0', 'v4.0.2', 'v4.0.3', 'v4.1.0', 'v4.2.0', 'latest'].filter(
      (v) => argoCronRules(v).validatesTimezone
    );
    expect(checked).toEqual(['v3.7.12', 'v4.0.3', 'v4.1.0', 'v4.2.0', 'latest']);
  });
});

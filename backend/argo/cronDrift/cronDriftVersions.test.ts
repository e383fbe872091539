import { decodeTable } from '../../test/decodeFrames';
import { startArgoServer } from '../../test/argoServer/startArgoServer';
import { cronDriftFrames, DAY, HOUR } from './cronDriftTestKit';
import { cronHistory, cronObject } from './cronHistoryKit';

/**
 * One CronWorkflow with both `schedule` and `schedules`, through QueryData against the double as each Argo
 * version: the query learns the server's version and reads the cron as that version does. Worked out by hand:
 * - v3.4/v3.5 have only `schedule` (cron_workflow_types.go v3.5.15 L47); the server drops `schedules`:
 *   "* * * * *" over two hours without a run is 120 missed ticks (the last, END − 1 min, is past the 60 s grace).
 * - v3.6/v3.7 reject it (validate.go v3.6.19 L403-405, v3.7.18 L407-409): no tick is expected, the number is
 *   null, and no view shows a missed tick.
 * - v4.0/v4.1 have only `schedules` (cron_workflow_types.go v4.1.2 L43-72): "*\/2 * * * *" is 60 missed ticks.
 */
const END = Date.parse('2026-01-15T12:00:00Z');
const FROM = END - 2 * HOUR;
const both = cronObject('both-fields', { schedule: '* * * * *', schedules: ['*/2 * * * *'] }, END - DAY);

async function views(version: string) {
  const server = await startArgoServer({ version, history: cronHistory(END, [both], []) });
  const options = { url: server.url, fromMs: FROM, toMs: END };
  try {
    const [missed] = (await cronDriftFrames({ view: 'missed' }, options)).map(decodeTable);
    const [runs] = (await cronDriftFrames({ view: 'runs', limit: 500 }, options)).map(decodeTable);
    const delay = (await cronDriftFrames({ view: 'delay' }, options)).map(decodeTable);
    return { missed, runs, delay };
  } finally {
    await server.close();
  }
}

describe('cronDrift reads a cron as the Argo Server’s version does', () => {
  it.each([
    ['v3.4.18', 120],
    ['v3.5.15', 120],
    ['v4.0.3', 60],
    ['v4.1.2', 60],
  ])('%s counts the field it has: %d missed', async (version, count) => {
    const { missed, runs } = await views(version);
    expect(missed.columns.missed).toEqual([count]);
    expect(missed.meta?.custom).toMatchObject({ missed: count, ticks: count, argo: `Argo ${version}` });
    expect(runs.columns.status.filter((s) => s === 'missed')).toHaveLength(count);
  });

  it.each(['v3.6.19', 'v3.7.11', 'v3.7.12'])(
    '%s rejects it: no number, no missed tick in any view',
    async (version) => {
      const { missed, runs, delay } = await views(version);
      expect(missed.columns.missed).toEqual([null]);
      expect(missed.meta?.custom).toMatchObject({
        missed: null,
        reason: 'specError',
        problem: `spec.schedule and spec.schedules are both set: Argo ${version} rejects the CronWorkflow ("cron workflow cant be configured with both Spec.Schedule and Spec.Schedules"), so its controller schedules nothing and no tick is expected or missed; fix it`,
      });
      expect(missed.meta?.notices).toContainEqual({
        severity: 'error',
        text: expect.stringContaining(
          `CronWorkflow argo/both-fields: spec.schedule and spec.schedules are both set: Argo ${version} rejects`
        ),
      });
      expect(runs.rows).toBe(0);
      // The delay view answers the typed empty frame: no series, so no gap where a run was due.
      expect(delay.map((frame) => frame.fields.length)).toEqual([0]);
    }
  );

  it('answers no missed value for a cron with spec.when from v3.6 on (a skip leaves no trace), a number before', async () => {
    // operator.go v3.6.19 enforceRuntimePolicy: evalWhen false returns before the run, and run() persists
    // nothing a reader could see. v3.5.15's Go type has no `when` (cron_workflow_types.go L43-77).
    const conditional = (schedule: Record<string, unknown>) =>
      cronObject('conditional', { ...schedule, when: '{{= cronworkflow.failed == 0 }}' }, END - DAY);
    const answer = async (version: string, schedule: Record<string, unknown>) => {
      const server = await startArgoServer({ version, history: cronHistory(END, [conditional(schedule)], []) });
      try {
        const [missed] = (await cronDriftFrames({ view: 'missed' }, { url: server.url, fromMs: FROM, toMs: END })).map(
          decodeTable
        );
        return [missed.columns.missed[0], (missed.meta?.custom as { reason?: string }).reason];
      } finally {
        await server.close();
      }
    };
    expect(await answer('v3.5.15', { schedule: '0 * * * *' })).toEqual([2, undefined]);
    expect(await answer('v3.7.12', { schedules: ['0 * * * *'] })).toEqual([null, 'conditional']);
    expect(await answer('v4.1.2', { schedules: ['0 * * * *'] })).toEqual([null, 'conditional']);
  });

  it('says what it assumed when the server reports no release version', async () => {
    const { missed } = await views('untagged');
    expect(missed.meta?.notices).toContainEqual({
      severity: 'info',
      text: 'The Argo Server reports version "untagged", not a release; CronWorkflows are read as Argo v4.1 reads them.',
    });
    expect(missed.columns.missed).toEqual([60]);
  });
});

import { decodeTable } from '../../test/decodeFrames';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import type { ArgoHistory } from '../../test/argoServer/workflowHistory';
import { baseHistory, cronDriftFrames, expectedTicks, HOUR, runsOf, scheduledMs } from './cronDriftTestKit';

/**
 * Without the workflow archive the controller deletes old runs (history limits, TTLs): a tick older than the
 * oldest run still listed is unknown, not missed. The same deletions with the archive on are missed ticks.
 */
const LABEL_ARCHIVING = 'workflows.argoproj.io/workflow-archiving-status';
let TO: number;
let FROM: number;
let pruned: number[];
let gap: number;

/** nightly-etl without its runs for the first 12 ticks of the range (and before), and without one later run. */
function thinned(archiveOn: boolean): ArgoHistory {
  const history = baseHistory();
  TO = history.endMs - 2 * HOUR;
  FROM = TO - 46 * HOUR;
  gap = FROM + 20 * HOUR;
  const etl = history.cronWorkflows.find((c) => c.metadata.name === 'nightly-etl')!;
  pruned = expectedTicks(etl, FROM, FROM + 12 * HOUR);
  const gone = new Set(
    runsOf(history, 'nightly-etl').filter((run) => scheduledMs(run) < FROM + 12 * HOUR || scheduledMs(run) === gap)
  );
  history.workflows = history.workflows.filter((g) => !gone.has(g.workflow));
  if (!archiveOn) {
    for (const generated of history.workflows) {
      generated.storage = 'live';
      delete generated.workflow.metadata.labels?.[LABEL_ARCHIVING];
    }
  }
  return history;
}

let archiveOff: ArgoServerHandle;
let archiveOn: ArgoServerHandle;

beforeAll(async () => {
  archiveOff = await startArgoServer({ history: thinned(false) });
  archiveOn = await startArgoServer({ history: thinned(true) });
});

afterAll(async () => {
  await archiveOff.close();
  await archiveOn.close();
});

const missedOf = async (url: string) =>
  Object.fromEntries(
    (await cronDriftFrames({ view: 'missed' }, { url, fromMs: FROM, toMs: TO }))
      .map(decodeTable)
      .map((f) => [f.fields[0].labels.cron, f.columns.missed[0]])
  );

describe('cronDrift when the archive is off', () => {
  it('counts only the gap after the oldest listed run as missed, and says why', async () => {
    expect(pruned).toHaveLength(12);
    expect(await missedOf(archiveOn.url)).toEqual({ 'nightly-etl': 13, 'hourly-sync': 0, 'model-train': 0 });
    expect(await missedOf(archiveOff.url)).toEqual({ 'nightly-etl': 1, 'hourly-sync': 0, 'model-train': 0 });
  });

  it('lists the older ticks as unknown-pruned in the runs table, with a warning', async () => {
    const [table] = (
      await cronDriftFrames(
        { view: 'runs', limit: 500, filters: { crons: ['nightly-etl'] } },
        { url: archiveOff.url, fromMs: FROM, toMs: TO }
      )
    ).map(decodeTable);
    const statusAt = (t: number) => table.columns.status[table.columns.scheduled.indexOf(t)];
    expect(pruned.map(statusAt)).toEqual(pruned.map(() => 'unknown-pruned'));
    expect(statusAt(gap)).toBe('missed');
    expect(table.columns.status.filter((s) => s !== 'ran')).toHaveLength(13);
    expect(table.meta?.notices).toContainEqual({
      severity: 'warning',
      text: expect.stringMatching(/^No listed run is archived: the workflow archive seems to be off/),
    });
  });
});

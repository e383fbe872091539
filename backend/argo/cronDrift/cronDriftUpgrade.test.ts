import { checkHealth } from '../../handlers/checkHealth';
import { queryData } from '../../handlers/queryData';
import { HealthStatus } from '../../protocol/messages';
import { decodeTable } from '../../test/decodeFrames';
import { startArgoServer, type ArgoServerHandle } from '../../test/argoServer/startArgoServer';
import { dataQuery, pluginContext } from '../../test/pluginContext';
import { DAY, HOUR } from './cronDriftTestKit';
import { cronHistory, cronObject } from './cronHistoryKit';

/**
 * The Argo Server is upgraded under a datasource (v3.x → v4.0, same settings, same plugin process): the
 * next cronDrift query reads its CronWorkflows as v4.0 does. The cron has both `schedule` ("* * * * *")
 * and `schedules` ("*\/2 * * * *"); over two hours without a run (see cronDriftVersions.test.ts):
 * v3.5 reads `schedule` only: 120 missed; v3.7 rejects the cron: no number; v4.0 has `schedules` only: 60 missed.
 */
const END = Date.parse('2026-01-15T12:00:00Z');
const both = cronObject('both-fields', { schedule: '* * * * *', schedules: ['*/2 * * * *'] }, END - DAY);

describe('cronDrift after the Argo Server is upgraded', () => {
  let server: ArgoServerHandle;
  afterEach(() => server.close());

  /** One datasource (fixed uid and settings version): its client, and what it learnt, live across queries. */
  const datasource = (uid: string) => pluginContext({ argo: { url: server.url } }, {}, uid);
  async function missed(uid: string) {
    const query = dataQuery(
      'A',
      { queryType: 'cronDrift', source: 'argo', view: 'missed' },
      { fromEpochMS: END - 2 * HOUR, toEpochMS: END }
    );
    const answer = (
      await queryData({ pluginContext: datasource(uid), headers: {}, queries: [query] }, new AbortController().signal)
    ).responses.A;
    const [frame] = (answer.frames ?? []).map(decodeTable);
    const custom = frame?.meta?.custom as { argo?: string; reason?: string } | undefined;
    return { missed: frame?.columns.missed[0], argo: custom?.argo, reason: custom?.reason, error: answer.error };
  }

  it('is seen at the next query when the server names its version in its answers (v3.7 → v4.0)', async () => {
    server = await startArgoServer({ version: 'v3.7.12', history: cronHistory(END, [both], []) });
    expect(await missed('upgrade-header')).toEqual({
      missed: null,
      argo: 'Argo v3.7.12',
      reason: 'specError',
      error: undefined,
    });
    server.setVersion('v4.0.3');
    expect(await missed('upgrade-header')).toEqual({
      missed: 60,
      argo: 'Argo v4.0.3',
      reason: undefined,
      error: undefined,
    });
  });

  it('is seen after Save & test when nothing names the version in answers (v3.5 → v4.0 behind a proxy that drops the header)', async () => {
    server = await startArgoServer({
      version: 'v3.5.15',
      quirks: { versionHeader: false },
      history: cronHistory(END, [both], []),
    });
    expect(await missed('upgrade-proxy')).toEqual({
      missed: 120,
      argo: 'Argo v3.5.15',
      reason: undefined,
      error: undefined,
    });
    server.setVersion('v4.0.3');
    // Within five minutes the version known is used: the v4.0 server no longer serves `schedule`, and v3.5
    // does not read `schedules`, so the cron reads as one with an empty schedule, which v3.5 rejects.
    expect(await missed('upgrade-proxy')).toEqual({
      missed: null,
      argo: 'Argo v3.5.15',
      reason: 'specError',
      error: undefined,
    });

    const health = await checkHealth(
      { pluginContext: datasource('upgrade-proxy'), headers: {} },
      new AbortController().signal
    );
    expect(health.status).toBe(HealthStatus.OK);
    expect(health.message).toMatch(/^Argo Server v4\.0\.3 reachable/);
    expect(await missed('upgrade-proxy')).toEqual({
      missed: 60,
      argo: 'Argo v4.0.3',
      reason: undefined,
      error: undefined,
    });
  });
});

import type { CronWorkflow } from '../client/argoTypes';
import { cronReports } from './cronReports';

/**
 * Each capped cron costs tens of milliseconds of CPU (50 000 ticks), so many of them make a long query: the
 * reports give the event loop back between crons (other queries go on) and stop when the query is cancelled.
 */
const END = Date.parse('2026-01-15T12:00:00Z');
const range = { fromMs: END - 100 * 86_400_000, toMs: END };
const crons: CronWorkflow[] = Array.from({ length: 40 }, (_, i) => ({
  metadata: { name: `minutely-${i}`, namespace: 'argo', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { schedules: ['* * * * *'] },
}));

describe('cronReports over many capped crons', () => {
  it('lets a timer run while it works, and stops with an AbortError when the query is cancelled', async () => {
    const cancel = new AbortController();
    let timerRan = false;
    // Fires only if the reports give the event loop back: a synchronous loop would finish all 40 crons first.
    setTimeout(() => {
      timerRan = true;
      cancel.abort();
    }, 20);
    await expect(
      cronReports(crons, new Map(), range, END, { detail: false, signal: cancel.signal })
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(timerRan).toBe(true);
  });

  it('answers every cron when not cancelled', async () => {
    const { reports } = await cronReports(crons.slice(0, 3), new Map(), range, END, { detail: false });
    expect(reports.map((r) => [r.cron, r.report.capped, r.report.counts.ticks])).toEqual([
      ['minutely-0', true, 50_000],
      ['minutely-1', true, 50_000],
      ['minutely-2', true, 50_000],
    ]);
  });
});

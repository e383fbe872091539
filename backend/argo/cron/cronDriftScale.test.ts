import { ANNOTATIONS, LABELS } from '../client/argoTypes';
import { cronDrift } from './cronDrift';
import type { RunSummary } from './cronTypes';

/*
 * A cron ticking every minute for five months, all its runs listed: the report must stay linear (or n·log n)
 * in the runs. The limits (CPU seconds) are an order of magnitude above what the report takes (about
 * 1 s); the quadratic searches it had took over a minute (Forbid: every tick without a run scanned every
 * earlier run) and hours (Replace: every run scanned every tick before it) here.
 */
const MINUTE = 60_000;
const END_MS = Date.UTC(2026, 5, 1);
const MINUTES = 216_000;
const kube = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Runs every `everyMinutes` minutes until `lastRunMinute` (then none: the cron stopped running), each lasting 150 s. */
function history(policy: string, everyMinutes: number, lastRunMinute = MINUTES) {
  const fromMs = END_MS - MINUTES * MINUTE;
  const runs: RunSummary[] = [];
  for (let minute = 0; minute < lastRunMinute; minute += everyMinutes) {
    const tickMs = fromMs + minute * MINUTE;
    runs.push({
      name: `busy-${tickMs / 1000}`,
      uid: `u-${tickMs}`,
      namespace: 'argo',
      labels: { [LABELS.cronWorkflow]: 'busy' },
      annotations: { [ANNOTATIONS.scheduledTime]: kube(tickMs) },
      creationTimestamp: kube(tickMs + 1000),
      startedAt: kube(tickMs + 2000),
      finishedAt: kube(tickMs + 150_000),
      phase: 'Succeeded',
    });
  }
  const cron = {
    metadata: { name: 'busy', namespace: 'argo', creationTimestamp: kube(fromMs - MINUTE) },
    spec: { schedules: ['* * * * *'], concurrencyPolicy: policy, workflowSpec: { entrypoint: 'main' } },
  };
  return { cron, runs, fromMs };
}

/**
 * The report's CPU seconds (this process's user + system time), not the wall clock: on a machine busy
 * with other work the wall clock of a 1 s report passed 15 s (CI with two other jobs), its CPU time
 * does not. Its speed itself is measured by `npm run bench:cron`.
 */
function timed(policy: string, everyMinutes: number, lastRunMinute?: number) {
  const { cron, runs, fromMs } = history(policy, everyMinutes, lastRunMinute);
  const started = process.cpuUsage();
  const report = cronDrift(cron, runs, { fromMs, toMs: END_MS }, END_MS);
  const used = process.cpuUsage(started);
  return { report, runs: runs.length, seconds: (used.user + used.system) / 1e6 };
}

describe('cronDrift over five months of a cron ticking every minute', () => {
  it('Forbid: a cron that stopped running 50,000 ticks ago, after 166,000 runs, in seconds', () => {
    const { report, seconds } = timed('Forbid', 1, MINUTES - 50_000);
    // The latest 50,000 ticks are minutes 166,000 to 215,999. A run is active from 1 s after its tick for
    // 150 s + 10 s of lag: minute 166,000 is blocked by the runs of 165,998 (the earlier one is named) and
    // 165,999, minute 166,001 by that of 165,999; the rest are missed.
    const run = (minute: number) => `busy-${(END_MS - (MINUTES - minute) * MINUTE) / 1000}`;
    expect(report.counts).toMatchObject({ ticks: 50_000, ran: 0, skippedForbid: 2, missed: 49_998 });
    expect(report.ticks.slice(0, 3).map((t) => t.blockedBy)).toEqual([run(165_998), run(165_999), undefined]);
    expect(seconds).toBeLessThan(15);
  }, 600_000);

  it('Replace: 216,000 runs, each replaced by the next, in seconds', () => {
    const { report, runs, seconds } = timed('Replace', 1);
    expect(runs).toBe(MINUTES);
    expect(report.counts).toMatchObject({ ticks: 50_000, ran: 50_000, replaced: 49_999 });
    expect(report.runs[0].replacedBy).toBe(report.runs[1].name);
    expect(seconds).toBeLessThan(15);
  }, 600_000);

  it('Allow: 216,000 runs, in seconds', () => {
    const { report, seconds } = timed('Allow', 1);
    expect(report.counts).toMatchObject({ ticks: 50_000, ran: 50_000, missed: 0, replaced: 0 });
    expect(seconds).toBeLessThan(15);
  }, 600_000);
});

import { fork, type ChildProcess } from 'node:child_process';

import { cronDriftQuerySchema, type CronDriftView } from '../../src/query/cronDriftQuery';
import { cronDrift } from '../argo/cron/cronDrift';
import { cronDriftFrames } from '../argo/cronDrift/cronDriftAnswer';
import { runsByCron } from '../argo/cronDrift/runSummaries';
import type { ConcurrencyPolicy } from '../argo/cron/cronTypes';
import { encodeFrame } from '../frames/arrowEncoder';
import { queryData } from '../handlers/queryData';
import { startArgoServer } from '../test/argoServer/startArgoServer';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { cronBenchHistory } from './cronBenchHistory';

/**
 * What a cronDrift query costs for one cron ticking every minute with all its runs listed (216,000 runs:
 * five months), per view and concurrencyPolicy. Two measurements, each case in a process of its own,
 * stopped (by its pid) after --timeout seconds:
 * - report: everything after the Argo listing (runs per cron, the drift report, the view's frames, Arrow),
 *   on the listed Workflows in memory: the code path of cronDriftAnswer after readCronHistory;
 * - query: QueryData in process, as Grafana calls it, with the runs listed from the Argo Server test double
 *   (v4.1.2, run in another process so that its CPU is not counted).
 * Wall time and CPU time (user + system of the measuring process) per query, medians of the repeats,
 * after one warm-up query on a small history.
 *
 *   node --expose-gc scripts/run-ts.mjs backend/bench/cronDriftBench.ts [runs=10000,100000,216000] [repeats=3]
 *     [--timeout=600] [--report-only | --query-only] [--policies=Allow,Forbid,Replace]
 */
const VIEWS: CronDriftView[] = ['missed', 'sinceSuccess', 'delay', 'runs'];
const POLICIES: ConcurrencyPolicy[] = ['Allow', 'Forbid', 'Replace'];

interface Measured {
  view: CronDriftView;
  wallMs: number;
  cpuMs: number;
}
interface CaseResult {
  runs: number;
  ticks: number;
  measured: Measured[];
  /** What the report found (report part): ticks evaluated, ran, missed, skipped, replaced, manual runs. */
  counts?: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Runs `work` once per view and repeat; medians per view. */
async function measureViews(repeats: number, work: (view: CronDriftView) => Promise<void>): Promise<Measured[]> {
  const samples = new Map<CronDriftView, Array<{ wallMs: number; cpuMs: number }>>();
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const view of VIEWS) {
      gc();
      const cpu = process.cpuUsage();
      const started = performance.now();
      await work(view);
      const wallMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      samples.set(view, [...(samples.get(view) ?? []), { wallMs, cpuMs: (used.user + used.system) / 1000 }]);
    }
  }
  return VIEWS.map((view) => ({
    view,
    wallMs: median(samples.get(view)!.map((s) => s.wallMs)),
    cpuMs: median(samples.get(view)!.map((s) => s.cpuMs)),
  }));
}

const query = (view: CronDriftView) =>
  cronDriftQuerySchema.parse({ refId: 'A', queryType: 'cronDrift', source: 'argo', view });

/** Child: the report part, on Workflows in memory. */
async function childReport(runs: number, policy: ConcurrencyPolicy, repeats: number): Promise<CaseResult> {
  const signal = new AbortController().signal;
  const once = async (history: ReturnType<typeof cronBenchHistory>, view: CronDriftView) => {
    const listed = {
      crons: [history.cron],
      runs: history.workflows,
      liveOnly: false,
      notices: [],
      executed: '',
      argoVersion: 'v4.1.2',
    };
    const range = { fromMs: history.fromMs, toMs: history.endMs };
    const frames = await cronDriftFrames(query(view), listed, {
      range,
      windowStartMs: range.fromMs - 86_400_000,
      nowMs: history.endMs,
      signal,
    });
    frames.forEach(encodeFrame);
  };
  const warmUp = cronBenchHistory(2_000, policy);
  for (const view of VIEWS) {
    await once(warmUp, view);
  }
  const history = cronBenchHistory(runs, policy);
  const measured = await measureViews(repeats, (view) => once(history, view));
  const { counts: c } = cronDrift(
    history.cron,
    runsByCron(history.workflows, ['argo/every-minute']).get('argo/every-minute')!,
    { fromMs: history.fromMs, toMs: history.endMs },
    history.endMs
  );
  const counts = `${c.ticks} ticks evaluated: ${c.ran} ran, ${c.missed} missed, ${c.skippedForbid} skipped (Forbid); ${c.late} late, ${c.replaced} replaced, ${c.manualRuns} by hand`;
  return { runs: history.workflows.length, ticks: (history.endMs - history.fromMs) / 60_000, measured, counts };
}

/** Child: the Argo Server test double serving one history; prints its URL and range, serves until SIGTERM. */
async function childDouble(runs: number, policy: ConcurrencyPolicy): Promise<void> {
  const history = cronBenchHistory(runs, policy);
  // Archive-only, but for the last day's runs, which are live too (as with an archive and a day's TTL).
  const liveFromMs = history.endMs - 86_400_000;
  const workflows = history.workflows.map((workflow) => ({
    workflow,
    storage:
      Date.parse(workflow.metadata.creationTimestamp ?? '') >= liveFromMs ? ('both' as const) : ('archived' as const),
    pipeline: history.cron.metadata.name!,
  }));
  const server = await startArgoServer({ history: { endMs: history.endMs, cronWorkflows: [history.cron], workflows } });
  reply({ url: server.url, fromMs: history.fromMs, endMs: history.endMs, runs: workflows.length });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

/** Child: QueryData against the double. */
async function childQuery(
  url: string,
  fromMs: number,
  endMs: number,
  runs: number,
  repeats: number
): Promise<CaseResult> {
  let uid = 0;
  const ask = async (view: CronDriftView) => {
    // A datasource of its own per query: no client state (learnt version, features) carries over.
    const context = pluginContext({ argo: { url } }, {}, `bench-${++uid}`);
    const json = { queryType: 'cronDrift', source: 'argo', view };
    const request = { ...dataQuery('A', json, { fromEpochMS: fromMs, toEpochMS: endMs }), maxDataPoints: 1000 };
    const answer = (
      await queryData({ pluginContext: context, headers: {}, queries: [request] }, new AbortController().signal)
    ).responses.A;
    if (answer.error) {
      throw new Error(`${view}: ${answer.error}`);
    }
  };
  await ask('missed');
  const measured = await measureViews(repeats, ask);
  return { runs, ticks: (endMs - fromMs) / 60_000, measured };
}

/** Starts this script in `mode`; its answer (a message), or undefined when it ran past the timeout (then it is killed). */
function child<T>(
  args: string[],
  timeoutMs: number,
  onStarted?: (process: ChildProcess) => void
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const started = fork(process.argv[1], args, { stdio: 'inherit' });
    onStarted?.(started);
    const timer = setTimeout(() => {
      started.kill('SIGKILL');
      resolve(undefined);
    }, timeoutMs);
    started.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as T);
    });
    started.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== null) {
        reject(new Error(`${args.join(' ')} exited with ${code}`));
      }
      resolve(undefined);
    });
  });
}

function row(part: string, policy: string, result: CaseResult | undefined, runs: number, timeoutS: number): string[] {
  if (!result) {
    return [`| ${part} | ${runs} | ${policy} | — | over ${timeoutS} s (stopped) | |`];
  }
  return result.measured.map(
    (m) => `| ${part} | ${result.runs} | ${policy} | ${m.view} | ${m.wallMs.toFixed(0)} ms | ${m.cpuMs.toFixed(0)} ms |`
  );
}

/** A child's answer to this script, or on stdout when started by hand (to profile one case, say). */
function reply(message: object): void {
  if (process.send) {
    process.send(message);
  } else {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  // A child ends with this script, however it ends (its IPC channel closes): no double left serving.
  process.on('disconnect', () => process.exit(0));
  if (mode === '--child-report') {
    const [runs, policy, repeats] = rest;
    reply(await childReport(Number(runs), policy as ConcurrencyPolicy, Number(repeats)));
    return process.exit(0);
  }
  if (mode === '--child-double') {
    return childDouble(Number(rest[0]), rest[1] as ConcurrencyPolicy);
  }
  if (mode === '--child-query') {
    const [url, fromMs, endMs, runs, repeats] = rest;
    reply(await childQuery(url, Number(fromMs), Number(endMs), Number(runs), Number(repeats)));
    return process.exit(0);
  }
  const options = process.argv.slice(2).filter((a) => a.startsWith('--'));
  const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const sizes = (positional[0] ?? '10000,100000,216000').split(',').map(Number);
  const repeats = Number(positional[1] ?? 3);
  const option = (name: string) => options.find((o) => o.startsWith(`--${name}=`))?.split('=')[1];
  const timeoutS = Number(option('timeout') ?? 600);
  const policies = (option('policies') ?? POLICIES.join(',')).split(',') as ConcurrencyPolicy[];
  const parts = options.includes('--report-only')
    ? ['report']
    : options.includes('--query-only')
      ? ['query']
      : ['report', 'query'];

  process.stdout.write('| part | runs | policy | view | wall | CPU |\n| --- | --- | --- | --- | --- | --- |\n');
  for (const part of parts) {
    for (const runs of sizes) {
      for (const policy of policies) {
        let result: CaseResult | undefined;
        if (part === 'report') {
          result = await child<CaseResult>(['--child-report', String(runs), policy, String(repeats)], timeoutS * 1000);
        } else {
          let double: ChildProcess | undefined;
          const served = await child<{ url: string; fromMs: number; endMs: number; runs: number }>(
            ['--child-double', String(runs), policy],
            timeoutS * 1000,
            (started) => (double = started)
          );
          try {
            if (served) {
              const args = [
                '--child-query',
                served.url,
                String(served.fromMs),
                String(served.endMs),
                String(served.runs),
                String(repeats),
              ];
              result = await child<CaseResult>(args, timeoutS * 1000);
            }
          } finally {
            double?.kill('SIGTERM');
          }
        }
        process.stdout.write(`${row(part, policy, result, runs, timeoutS).join('\n')}\n`);
        if (result?.counts) {
          process.stdout.write(`|  |  |  | (${result.counts}) |  |  |\n`);
        }
      }
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { Client } from '@elastic/elasticsearch';

import { benchElasticsearch } from './benchElasticsearch';
import { BENCH_INDEX, ensureBenchHistory } from './benchHistory';
import { captureSearches, replayLoad } from './elasticsearchReplay';
import { runLoad, type LoadResult } from './memoryLoad';
import { loadAverage, processCpuMs } from './processMemory';
import { handshakeTarget } from '../test/pluginHandshake';

/**
 * Issue 13's throughput benchmark: N clients sending a dashboard's mix of 30-day panels (the memory
 * benchmark's, backend/bench/memoryLoad.ts) to the packaged backend over gRPC, and the very same
 * concurrent mix sent to Elasticsearch alone (the search bodies each panel's frames report in
 * `executedQueryString`, replayed with fetch by the same N loops for the same time). Phases alternate
 * (backend, Elasticsearch alone, backend, ...) so drift in the machine's load hits both sides.
 * Prints panels/s, latency p50/p95 and the CPU seconds of the backend and of Elasticsearch per phase,
 * and the ratio of throughputs (goal ≥ 0.9).
 *
 *   npm run bench:load -- [--clients 32] [--seconds 30] [--rounds 2]
 *     [--variant NAME=VALUE]...   one backend per variant (environment), each alternated with Elasticsearch
 *
 * Elasticsearch: ES_URL, or this checkout's test node (scripts/elasticsearch/start.sh), started here
 * if it is not running and then stopped at the end. Its CPU is read when its pid is known (ES_PID or
 * the test node's pid file). Run `npm run build` first (the backend is dist/'s executable).
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const CLIENTS = Number(option('--clients', '32'));
const SECONDS = Number(option('--seconds', '30'));
const ROUNDS = Number(option('--rounds', '2'));
const VARIANTS = args.flatMap((arg, i) => (arg === '--variant' ? [args[i + 1]] : []));
const EXECUTABLE = join(__dirname, '../../dist/datasource/gpx_argoperf_workflows_linux_amd64');

async function startBackend(variant: string | undefined) {
  const env: Record<string, string> = { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'error' };
  if (variant) {
    const [name, ...value] = variant.split('=');
    env[name] = value.join('=');
  }
  const child = spawn(EXECUTABLE, [], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await handshakeTarget(child, `${EXECUTABLE} (run npm run build first)`);
  return { name: `backend${variant ? ` ${variant}` : ''}`, pid: child.pid!, address, stop: () => child.kill() };
}

interface Phase {
  side: string;
  load: LoadResult;
  /** From the first panel sent to the last answered (the phase's panels in flight at its end finish). */
  seconds: number;
  backendCpuMs?: number;
  esCpuMs?: number;
  /** Elasticsearch's search thread pool, sampled every 0.5 s: mean searches running and waiting, and its size. */
  searchPool?: { active: number; queued: number; threads: number };
  /** This process: the clients' side (gRPC calls, or fetch reading the answers), on the same cores. */
  driverCpuMs: number;
  loadAverage: string;
}

/**
 * Samples the node's search thread pool (active and queued searches) every 0.5 s until stopped: a side
 * that keeps fewer searches running than the pool has threads leaves Elasticsearch idle.
 */
function sampleSearchPool(esUrl: string) {
  const samples: Array<{ active: number; queue: number; threads: number }> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const answer = (await (await fetch(`${esUrl}/_nodes/_local/stats/thread_pool?filter_path=nodes.*.thread_pool.search`)).json()) as {
          nodes: Record<string, { thread_pool: { search: { active: number; queue: number; threads: number } } }>;
        };
        samples.push(...Object.values(answer.nodes).map((node) => node.thread_pool.search));
      } catch {
        // a missed sample
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const mean = (pick: (s: (typeof samples)[number]) => number) => samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
  return {
    async stop() {
      running = false;
      await loop;
      return samples.length ? { active: mean((s) => s.active), queued: mean((s) => s.queue), threads: mean((s) => s.threads) } : undefined;
    },
  };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const cpu = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : (ms / 1000).toFixed(1));
const failures = (load: LoadResult) => load.callFailures + [...load.errors.values()].reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const es = benchElasticsearch();
  const backends: Array<Awaited<ReturnType<typeof startBackend>>> = [];
  try {
    const client = new Client({ node: es.url });
    const history = await ensureBenchHistory(client);
    // As in the query benchmark: both sides really search (no shard request cache).
    await client.indices.putSettings({ index: BENCH_INDEX, settings: { 'index.requests.cache.enable': false } });
    await client.close();
    for (const variant of VARIANTS.length ? VARIANTS : [undefined]) {
      backends.push(await startBackend(variant));
    }
    const target = { esUrl: es.url, index: BENCH_INDEX, fromMs: history.fromMs, toMs: history.toMs };
    const searches = await captureSearches({ ...target, address: backends[0].address });
    console.log(
      `${CLIENTS} clients, ${SECONDS} s a phase, ${ROUNDS} rounds; ${history.nodeDocs} node documents over 30 days; ` +
        `${searches.flat(2).length} searches per pass over the ${searches.length} panels; load average before: ${loadAverage()}\n`
    );
    // Warm-up: every panel once on every side (one loop per panel, each ending after its first panel),
    // so no side pays first-use costs inside its phase.
    for (const backend of backends) {
      await runLoad({ ...target, address: backend.address, clients: searches.length, seconds: 0.001 });
    }
    await replayLoad(searches, { ...target, clients: searches.length, seconds: 0.001 });
    const phases: Phase[] = [];
    const measure = async (side: string, backendPid: number | undefined, run: () => Promise<LoadResult>) => {
      const [backendBefore, esBefore] = [backendPid && processCpuMs(backendPid), es.pid && processCpuMs(es.pid)];
      const started = performance.now();
      const driverBefore = process.cpuUsage();
      const pool = sampleSearchPool(es.url);
      const load = await run();
      const searchPool = await pool.stop();
      const driver = process.cpuUsage(driverBefore);
      const seconds = (performance.now() - started) / 1000;
      const backendCpuMs = backendPid ? processCpuMs(backendPid) - (backendBefore as number) : undefined;
      const esCpuMs = es.pid ? processCpuMs(es.pid) - (esBefore as number) : undefined;
      phases.push({ side, load, seconds, backendCpuMs, esCpuMs, driverCpuMs: (driver.user + driver.system) / 1000, searchPool, loadAverage: loadAverage() });
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const backend of backends) {
        await measure(backend.name, backend.pid, () => runLoad({ ...target, address: backend.address, clients: CLIENTS, seconds: SECONDS }));
        await measure('Elasticsearch alone', undefined, () => replayLoad(searches, { ...target, clients: CLIENTS, seconds: SECONDS }));
      }
    }
    report(phases);
  } finally {
    backends.forEach((backend) => backend.stop());
    es.stop();
  }
}

function report(phases: Phase[]): void {
  console.log('| phase | panels | panels/s | latency p50 | latency p95 | failed | CPU s backend | CPU s Elasticsearch | CPU s load driver | searches in Elasticsearch: running / waiting (threads) | load average after |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  phases.forEach(({ side, load, seconds, backendCpuMs, esCpuMs, driverCpuMs, searchPool: pool, loadAverage: after }) => {
    const searches = pool ? `${pool.active.toFixed(1)} / ${pool.queued.toFixed(1)} (${pool.threads.toFixed(0)})` : '—';
    console.log(
      `| ${side} | ${load.panels} | ${(load.panels / seconds).toFixed(2)} | ${percentile(load.latenciesMs, 0.5).toFixed(0)} ms | ` +
        `${percentile(load.latenciesMs, 0.95).toFixed(0)} ms | ${failures(load)} | ${cpu(backendCpuMs)} | ${cpu(esCpuMs)} | ${cpu(driverCpuMs)} | ${searches} | ${after} |`
    );
  });
  const sides = [...new Set(phases.map((p) => p.side))];
  const totals = new Map(sides.map((side) => {
    const of = phases.filter((p) => p.side === side);
    const panels = of.reduce((sum, p) => sum + p.load.panels, 0);
    const latencies = of.flatMap((p) => p.load.latenciesMs);
    const perPanel = (pick: (p: Phase) => number | undefined) => of.reduce((sum, p) => sum + (pick(p) ?? NaN), 0) / panels;
    return [side, {
      perSecond: panels / of.reduce((sum, p) => sum + p.seconds, 0),
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      cpuPerPanel: [side === 'Elasticsearch alone' ? 0 : perPanel((p) => p.backendCpuMs), perPanel((p) => p.esCpuMs), perPanel((p) => p.driverCpuMs)],
    }];
  }));
  const alone = totals.get('Elasticsearch alone')!;
  console.log('\n| side | panels/s | latency p50 | latency p95 | CPU ms a panel: backend / Elasticsearch / load driver | throughput ÷ Elasticsearch alone |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [side, t] of totals) {
    const ratio = t.perSecond / alone.perSecond;
    console.log(
      `| ${side} | ${t.perSecond.toFixed(2)} | ${t.p50.toFixed(0)} ms | ${t.p95.toFixed(0)} ms | ${t.cpuPerPanel.map((ms) => (Number.isNaN(ms) ? '—' : ms.toFixed(0))).join(' / ')} | ` +
        `${side === 'Elasticsearch alone' ? '—' : `${ratio.toFixed(2)} (goal ≥ 0.9: ${ratio >= 0.9 ? 'met' : 'NOT met'})`} |`
    );
  }
  for (const phase of phases) {
    for (const [message, count] of phase.load.errors) {
      console.log(`  ${phase.side}: ${count} × ${message}`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

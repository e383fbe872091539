import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { Client } from '@elastic/elasticsearch';

import { BENCH_INDEX, ensureBenchHistory } from './benchHistory';
import { benchElasticsearch } from './benchElasticsearch';
import { runLoad } from './memoryLoad';
import { report, type Sample } from './memoryReport';
import { heapFiguresOf, loadAverage, processCpuMs, processMemory, type HeapFigures } from './processMemory';
import { handshakeTarget } from '../test/pluginHandshake';

/**
 * Issue 10's memory benchmark: the packaged executable (as Grafana starts it) under N concurrent
 * clients sending a dashboard's mix of 30-day queries against ~1.0 M node documents, then idle.
 * Samples RSS (/proc/<pid>/status) and V8's heap (the backend's `memory` log line) every 0.5 s and
 * prints start, peak and plateau under load and the RSS after 10, 30 and 60 s idle.
 *
 *   node scripts/run-ts.mjs backend/bench/memoryUnderLoad.ts [--clients 32] [--load 90] [--idle 60]
 *     [--executable <launcher>]   (default dist/datasource/gpx_argoperf_workflows_linux_amd64)
 *     [--env NAME=VALUE]... [--node <node flags...> --]   (plain node on build/backend/main.cjs)
 *     [--samples file.json] [--signal-at-idle SIGUSR2] [--signal-under-load SIGUSR2] [--cwd dir]
 *
 * Starts (and afterwards stops) the Elasticsearch node unless ES_URL is set or a node runs already.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const CLIENTS = Number(option('--clients', '32'));
const LOAD_SECONDS = Number(option('--load', '90'));
const IDLE_SECONDS = Number(option('--idle', '60'));
const SAMPLE_MS = 500;
const root = join(__dirname, '../..');
const EXECUTABLE = option('--executable', join(root, 'dist/datasource/gpx_argoperf_workflows_linux_amd64'));

function extraEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  args.forEach((arg, i) => {
    if (arg === '--env') {
      const [name, ...value] = args[i + 1].split('=');
      env[name] = value.join('=');
    }
  });
  return env;
}

/** The command to start: the packaged executable, or with --node plain node on the bundle. */
function command(): [string, string[]] {
  const at = args.indexOf('--node');
  if (at < 0) {
    return [EXECUTABLE, []];
  }
  const end = args.indexOf('--', at);
  // The Node 24 the executables are built from (scripts/package/build-executables.sh), if cached.
  const node24 = join(root, '.cache/package/node/24.21.0/linux_amd64/node');
  return [existsSync(node24) ? node24 : process.execPath, [...args.slice(at + 1, end < 0 ? undefined : end), join(root, 'build/backend/main.cjs')]];
}

async function startPlugin() {
  const [file, argv] = command();
  const env = { grafana_plugin_type: 'datasource', ARGOPERF_LOG_LEVEL: 'info', ARGOPERF_MEMORY_LOG_MS: String(SAMPLE_MS), ...extraEnv() };
  const child = spawn(file, argv, { env, cwd: option('--cwd', process.cwd()), stdio: ['ignore', 'pipe', 'pipe'] });
  let heap: HeapFigures | undefined;
  createInterface({ input: child.stderr }).on('line', (line) => {
    heap = heapFiguresOf(line) ?? heap;
    if (line.includes('"@level":"error"') || line.includes('"@level":"warn"')) {
      process.stderr.write(`backend: ${line.slice(0, 400)}\n`);
    }
  });
  const address = await handshakeTarget(child, `${file} (run npm run build first)`);
  return { pid: child.pid!, address, heap: () => heap, exited: () => child.exitCode !== null || child.signalCode !== null, stop: () => child.kill() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const es = benchElasticsearch();
  try {
    const client = new Client({ node: es.url });
    const history = await ensureBenchHistory(client);
    await client.close();
    const plugin = await startPlugin();
    const samples: Sample[] = [];
    let phase: Sample['phase'] = 'start';
    const t0 = Date.now();
    const sampler = setInterval(() => {
      const memory = processMemory(plugin.pid);
      if (memory) {
        samples.push({ t: Date.now() - t0, phase, ...memory, ...plugin.heap() });
      }
    }, SAMPLE_MS);
    await sleep(3000);
    console.log(
      `${CLIENTS} clients, ${LOAD_SECONDS} s of load then ${IDLE_SECONDS} s idle; ${history.nodeDocs} node documents over 30 days; ` +
        `${command()[0] === EXECUTABLE ? EXECUTABLE.replace(`${root}/`, '') : `node ${command()[1].join(' ')}`} ${JSON.stringify(extraEnv())}; load average before: ${loadAverage()}`
    );
    phase = 'load';
    if (args.includes('--signal-under-load')) {
      setTimeout(() => process.kill(plugin.pid, option('--signal-under-load', 'SIGUSR2') as NodeJS.Signals), (LOAD_SECONDS * 1000) / 2);
    }
    const cpuBefore = processCpuMs(plugin.pid);
    const load = await runLoad({ address: plugin.address, esUrl: es.url, index: BENCH_INDEX, fromMs: history.fromMs, toMs: history.toMs, clients: CLIENTS, seconds: LOAD_SECONDS });
    const loadAverageUnderLoad = loadAverage();
    const cpuMs = processCpuMs(plugin.pid) - cpuBefore;
    phase = 'idle';
    const idleStart = Date.now() - t0;
    if (args.includes('--signal-at-idle')) {
      // e.g. SIGUSR2 with --node --heapsnapshot-signal=SIGUSR2 --: a heap snapshot 20 s into the idle.
      setTimeout(() => process.kill(plugin.pid, option('--signal-at-idle', 'SIGUSR2') as NodeJS.Signals), 20_000);
    }
    await sleep(IDLE_SECONDS * 1000 + SAMPLE_MS);
    clearInterval(sampler);
    const crashed = plugin.exited();
    plugin.stop();
    report(samples, load, { idleStart, cpuMs, loadSeconds: LOAD_SECONDS });
    console.log(`load average at the end of the load: ${loadAverageUnderLoad}; the backend ${crashed ? 'EXITED during the run' : 'ran to the end'}`);
    if (args.includes('--samples')) {
      writeFileSync(option('--samples', ''), JSON.stringify(samples));
    }
  } finally {
    es.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

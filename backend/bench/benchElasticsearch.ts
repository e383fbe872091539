import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export interface BenchElasticsearch {
  url: string;
  /** The node's process when it is this checkout's test node (for CPU figures); undefined otherwise. */
  pid?: number;
  /** Stops the node if this benchmark started it; a node it found running is left running. */
  stop(): void;
}

/** This checkout's test node's process, from the run file of scripts/elasticsearch/start.sh. */
export function testNodePid(): number | undefined {
  const file = join(root, '.cache/elasticsearch/run/pid');
  const pid = Number(process.env.ES_PID ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : ''));
  return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`) ? pid : undefined;
}

/**
 * The Elasticsearch node a benchmark runs against, the way `npm test` gets it: ES_URL when set, else
 * this checkout's test node from scripts/elasticsearch/start.sh (reused if running, started if not).
 */
export function benchElasticsearch(): BenchElasticsearch {
  if (process.env.ES_URL) {
    return { url: process.env.ES_URL, pid: testNodePid(), stop: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'argoperf-bench-'));
  try {
    const startedFile = join(dir, 'started');
    const url = execFileSync('bash', [join(root, 'scripts/elasticsearch/start.sh')], {
      env: { ...process.env, ES_STARTED_FILE: startedFile },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    }).trim().split('\n').pop()!;
    const started = readFileSync(startedFile, 'utf8').trim() === 'started';
    let stopped = !started;
    const stop = () => {
      if (!stopped) {
        stopped = true;
        execFileSync('bash', [join(root, 'scripts/elasticsearch/stop.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
      }
    };
    // an interrupted benchmark stops the node it started too
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        stop();
        process.exit(128 + constants.signals[signal]);
      });
    }
    return { url, pid: testNodePid(), stop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Elasticsearch node a benchmark runs against: ES_URL when set, else the node of
 * scripts/elasticsearch/start.sh (reused when it runs, started when not). `stop()` stops it only when
 * this benchmark started it. A node started here keeps its data in .cache/elasticsearch-bench, so the
 * benchmark history (about 100 s to index) is indexed once, not at every run.
 */
export interface BenchElasticsearch {
  url: string;
  /** Stops the node if this benchmark started it; a node it found running is left running. */
  stop(): void;
}

const root = resolve(__dirname, '../..');
const runDir = join(root, '.cache/elasticsearch/run');

function runningNodePid(): number | undefined {
  const file = join(runDir, 'pid');
  const pid = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
  return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`) ? pid : undefined;
}

export function benchElasticsearch(): BenchElasticsearch {
  if (process.env.ES_URL) {
    return { url: process.env.ES_URL, stop: () => undefined };
  }
  const before = runningNodePid();
  const env = { ...process.env, ES_DATA_DIR: process.env.ES_DATA_DIR ?? join(root, '.cache/elasticsearch-bench') };
  const output = execFileSync(join(root, 'scripts/elasticsearch/start.sh'), { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = output.trim().split('\n').pop() ?? '';
  const after = runningNodePid();
  const started = after !== undefined && after !== before;
  return {
    url,
    stop: () => {
      if (started) {
        execFileSync(join(root, 'scripts/elasticsearch/stop.sh'), { stdio: ['ignore', 'inherit', 'inherit'] });
      }
    },
  };
}

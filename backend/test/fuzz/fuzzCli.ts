import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { formatReport } from './findingsReport';
import { startFuzzEnvironment } from './fuzzEnvironment';
import { runFuzz, SERVICES, type Service } from './fuzzer';
import { benchElasticsearch } from '../../bench/benchElasticsearch';

/**
 * The long fuzz run (`npm run fuzz`), against the built backend, the Elasticsearch node at ES_URL (this checkout's test node, started when ES_URL is not set) and
 * the Argo double. Prints progress, then the findings summary (known vs NEW, each with its smallest
 * failing request); exits 1 when anything was found.
 *
 *   npm run fuzz -- --queries 100000 --resources 5000 --health 1000 --seed 7
 *   npm run fuzz -- --seed 7 --replay QueryData:1234      # one case alone, shrunk
 */
const USAGE =
  'usage: npm run fuzz -- [--seed N] [--queries N] [--resources N] [--health N] [--concurrency N] [--deadline-ms N] [--shrink-ms N] [--max-shrunk N] [--replay SERVICE:INDEX] [--json FILE]';

function count(value: string | undefined, fallback: number, name: string): number {
  const number = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new Error(`--${name}: "${value}" is not a whole number\n${USAGE}`);
  }
  return number;
}

function replayOf(value: string | undefined): { service: Service; index: number } | undefined {
  if (value === undefined) {
    return undefined;
  }
  const [service, index] = value.split(':');
  if (!SERVICES.includes(service as Service) || !/^\d+$/.test(index ?? '')) {
    throw new Error(`--replay: "${value}" is not SERVICE:INDEX with SERVICE one of ${SERVICES.join(', ')}\n${USAGE}`);
  }
  return { service: service as Service, index: Number(index) };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      queries: { type: 'string' },
      resources: { type: 'string' },
      health: { type: 'string' },
      concurrency: { type: 'string' },
      'deadline-ms': { type: 'string' },
      'shrink-ms': { type: 'string' },
      'max-shrunk': { type: 'string' },
      replay: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(seed)) {
    throw new Error(`--seed: "${values.seed}" is not a whole number\n${USAGE}`);
  }
  const options = {
    seed,
    counts: {
      QueryData: count(values.queries, 20_000, 'queries'),
      CallResource: count(values.resources, 2000, 'resources'),
      CheckHealth: count(values.health, 500, 'health'),
    },
    concurrency: Math.max(1, count(values.concurrency, 4, 'concurrency')),
    deadlineMs: count(values['deadline-ms'], 60_000, 'deadline-ms'),
    shrinkMs: count(values['shrink-ms'], 30_000, 'shrink-ms'),
    maxShrunk: count(values['max-shrunk'], 40, 'max-shrunk'),
    only: replayOf(values.replay),
    progress: (line: string) => process.stderr.write(`${line}\n`),
  };
  // Starts this checkout's Elasticsearch test node when ES_URL is not set, as npm test does, and stops it after.
  const node = benchElasticsearch();
  process.env.ES_URL = node.url;
  process.stderr.write(`fuzz: seed ${seed}; starting the environment (Elasticsearch at ${node.url})\n`);
  const env = await startFuzzEnvironment().catch((error: unknown) => {
    node.stop();
    throw error;
  });
  try {
    const report = await runFuzz(env, options);
    process.stdout.write(`${formatReport(report)}\n`);
    if (values.json) {
      writeFileSync(
        values.json,
        JSON.stringify(
          {
            ...report,
            findings: report.findings.map(({ first, ...f }) => ({
              ...f,
              first: { index: first.index, caseSeed: first.caseSeed },
            })),
          },
          null,
          2
        )
      );
    }
    return report.findings.length ? 1 : 0;
  } finally {
    await env.close();
    node.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${process.env.FUZZ_DEBUG ? (error as Error).stack : (error as Error).message}\n`);
    process.exit(2);
  }
);

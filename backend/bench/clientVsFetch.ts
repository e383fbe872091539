import { readFileSync } from 'node:fs';

import { Client, Serializer } from '@elastic/elasticsearch';

import { BENCH_INDEX } from './benchHistory';

/**
 * What @elastic/elasticsearch adds over a plain HTTP client (docs/benchmarks.md, Queries): one search
 * body sent alternately through the client (configured as the backend's: plain JSON.parse, one retry)
 * and Node's fetch, each answer read whole and parsed. Medians.
 *
 *   ES_URL=... node scripts/run-ts.mjs backend/bench/clientVsFetch.ts <body.json> [runs=200]
 */
const esUrl = process.env.ES_URL!;
const body = readFileSync(process.argv[2], 'utf8');
const runs = Number(process.argv[3] ?? 200);

class PlainJson extends Serializer {
  deserialize<T>(json: string): T {
    return JSON.parse(json) as T;
  }
}

async function main(): Promise<void> {
  const client = new Client({ node: esUrl, maxRetries: 1, name: 'bench', Serializer: PlainJson });
  const url = `${esUrl}/${BENCH_INDEX}/_search`;
  const headers = { 'content-type': 'application/json' };
  const sides: Record<string, () => Promise<unknown>> = {
    '@elastic/elasticsearch': () => client.search({ index: BENCH_INDEX, ...JSON.parse(body) }, { maxResponseSize: 32 * 1024 * 1024 }),
    fetch: () => fetch(url, { method: 'POST', headers, body }).then(async (r) => JSON.parse(await r.text())),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  for (const side of Object.values(sides)) {
    await side();
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, side] of Object.entries(sides)) {
      const started = performance.now();
      await side();
      times[name].push(performance.now() - started);
    }
  }
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    console.log(`${name.padEnd(24)} median ${list[Math.floor(list.length / 2)].toFixed(2)} ms, p10 ${list[Math.floor(list.length / 10)].toFixed(2)} ms`);
  }
  await client.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});

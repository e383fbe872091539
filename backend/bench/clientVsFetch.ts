import { readFileSync } from 'node:fs';

import { Client, Serializer } from '@elastic/elasticsearch';
import { Agent, request } from 'undici';

import { BENCH_INDEX } from './benchHistory';

/**
 * What @elastic/elasticsearch adds over a plain HTTP client (docs/benchmarks.md, Queries): one search
 * body sent alternately through the client (configured as the backend's: plain JSON.parse, one retry),
 * undici's bare request() and Node's fetch, each answer read whole and parsed. Medians of the time, and
 * this process's CPU a search (user + system, which includes the loopback sends).
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
  const agent = new Agent({ connections: 8 });
  const sides: Record<string, () => Promise<unknown>> = {
    '@elastic/elasticsearch': () => client.search({ index: BENCH_INDEX, ...JSON.parse(body) }, { maxResponseSize: 32 * 1024 * 1024 }),
    undici: async () => JSON.parse(await (await request(url, { method: 'POST', dispatcher: agent, headers, body })).body.text()),
    fetch: () => fetch(url, { method: 'POST', headers, body }).then(async (r) => JSON.parse(await r.text())),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  const cpuMicros: Record<string, number> = Object.fromEntries(Object.keys(sides).map((name) => [name, 0]));
  for (const side of Object.values(sides)) {
    await side();
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, side] of Object.entries(sides)) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await side();
      const used = process.cpuUsage(cpu);
      times[name].push(performance.now() - started);
      cpuMicros[name] += used.user + used.system;
    }
  }
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    const cpu = cpuMicros[name] / list.length;
    console.log(`${name.padEnd(24)} median ${list[Math.floor(list.length / 2)].toFixed(2)} ms, p10 ${list[Math.floor(list.length / 10)].toFixed(2)} ms, CPU ${cpu.toFixed(0)} µs a search`);
  }
  await client.close();
  await agent.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});

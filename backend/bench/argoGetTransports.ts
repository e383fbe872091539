/**
 * Issue 13: the client CPU of the collector's archive GETs over three HTTP transports. The Argo Server
 * double (the collector benchmark's history, archived rows as prepared JSON) runs in its own process; each
 * transport GETs every archived object, 4 at a time, in a fresh process of its own, alternated over rounds:
 * - node:http: requestJson as it was before undici (bench/nodeHttpJson.ts), keep-alive http.Agent (maxSockets 4);
 * - requestJson: backend/net/requestJson.ts over its jsonAgent (connections 4), as ArgoHttp does;
 * - undici: undici's bare request() over an undici Agent (connections 4), body.text();
 * - fetch: Node's global fetch.
 * Every transport reads the body as text and JSON.parses it. Prints client CPU-s, wall s and the load.
 *
 *   node scripts/run-ts.mjs backend/bench/argoGetTransports.ts [workflows=10000] [rounds=3] [transport,...]
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { Agent, request } from 'undici';

import { jsonAgent, requestJson } from '../net/requestJson';
import { nodeHttpJson } from './nodeHttpJson';
import { startArgoServer } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';

const CONCURRENCY = 4;
const TRANSPORTS = ['node:http', 'requestJson', 'undici', 'fetch', 'parse only'] as const;
type Transport = (typeof TRANSPORTS)[number];

// As the collector sends them: its process-long signal and an Authorization header on every GET.
const signal = new AbortController().signal;
const authorization = 'Bearer bench-token';

async function getAll(urls: string[], get: (url: string) => Promise<unknown>): Promise<number> {
  let next = 0;
  let count = 0;
  const worker = async () => {
    while (next < urls.length) {
      const body = (await get(urls[next++])) as { metadata?: { uid?: string } };
      if (!body?.metadata?.uid) {
        throw new Error('not an archived workflow');
      }
      count++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count;
}

function getter(transport: Transport): { get: (url: string) => Promise<unknown>; close: () => Promise<void> } {
  const options = { headers: { Authorization: authorization }, timeoutMs: 30_000, signal, maxBytes: 256 * 1024 * 1024 };
  if (transport === 'node:http') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    return {
      get: async (url) => (await nodeHttpJson({ url, ...options, agent })).body,
      close: async () => agent.destroy(),
    };
  }
  if (transport === 'requestJson') {
    const agent = jsonAgent({ connections: CONCURRENCY });
    return { get: async (url) => (await requestJson({ url, ...options, agent })).body, close: () => agent.close() };
  }
  if (transport === 'undici') {
    const agent = new Agent({ connections: CONCURRENCY });
    return {
      get: async (url) => {
        const res = await request(url, {
          dispatcher: agent,
          headers: { accept: 'application/json', authorization },
          signal,
          headersTimeout: 30_000,
          bodyTimeout: 30_000,
        });
        return JSON.parse(await res.body.text());
      },
      close: () => agent.close(),
    };
  }
  return {
    get: async (url) =>
      JSON.parse(await (await fetch(url, { headers: { accept: 'application/json', authorization }, signal })).text()),
    close: async () => undefined,
  };
}

/** The JSON.parse floor: the same texts fetched beforehand (not counted), then only parsed. */
async function parseOnly(
  urls: string[]
): Promise<{ get: (url: string) => Promise<unknown>; close: () => Promise<void> }> {
  const texts = new Map<string, string>();
  const { get, close } = getter('undici');
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const url = urls[next++];
        texts.set(url, JSON.stringify(await get(url)));
      }
    })
  );
  await close();
  return { get: async (url) => JSON.parse(texts.get(url)!), close: async () => undefined };
}

async function client(transport: Transport, base: string, uids: string[]): Promise<void> {
  const urls = uids.map((uid) => `${base}/api/v1/archived-workflows/${uid}`);
  const { get, close } = transport === 'parse only' ? await parseOnly(urls) : getter(transport);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const count = await getAll(urls, get);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await close();
  process.stdout.write(
    `${JSON.stringify({ count, ms, cpuMs: (used.user + used.system) / 1000, systemMs: used.system / 1000 })}\n`
  );
}

async function serve(workflows: number): Promise<void> {
  const history = generateArgoHistory({ seed: 5, workflows, days: 60, liveHours: 24 * 365 });
  const server = await startArgoServer({ history, prepareArchiveJson: true });
  process.stdout.write(
    `${JSON.stringify({ url: server.url, uids: server.store.archive.map((w) => w.metadata.uid) })}\n`
  );
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

function child(argv: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [__filename, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('error', fail);
    proc.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`${argv[0]} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'serve') {
    return serve(Number(rest[0]));
  }
  if (mode === 'client') {
    const { url, uids } = JSON.parse(readFileSync(rest[1], 'utf8')) as { url: string; uids: string[] };
    return client(rest[0] as Transport, url, uids);
  }
  const workflows = Number(process.argv[2] ?? 10_000);
  const rounds = Number(process.argv[3] ?? 3);
  const chosen = process.argv[4] ? (process.argv[4].split(',') as Transport[]) : [...TRANSPORTS];
  const serverProc = spawn(process.execPath, [__filename, 'serve', String(workflows)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const double = await new Promise<{ url: string; uids: string[] }>((done) => {
    let out = '';
    serverProc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        done(JSON.parse(out.slice(0, out.indexOf('\n'))));
      }
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'argo-get-'));
  const doubleFile = join(dir, 'double.json');
  writeFileSync(doubleFile, JSON.stringify(double));
  try {
    console.log(
      `${double.uids.length} archived objects, ${CONCURRENCY} at a time; load at start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`
    );
    console.log('| round | transport | client CPU s (kernel) | wall s | load (1 min) |');
    console.log('| --- | --- | ---: | ---: | ---: |');
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? chosen : [...chosen].reverse();
      for (const transport of order) {
        const result = JSON.parse(await child(['client', transport, doubleFile])) as {
          ms: number;
          cpuMs: number;
          systemMs: number;
        };
        console.log(
          `| ${round} | ${transport} | ${(result.cpuMs / 1000).toFixed(2)} (${(result.systemMs / 1000).toFixed(2)}) | ${(result.ms / 1000).toFixed(2)} | ${loadavg()[0].toFixed(1)} |`
        );
      }
    }
  } finally {
    serverProc.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});

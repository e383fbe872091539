import { loadavg } from 'node:os';

import { ArgoClient } from '../argo/client/argoClient';
import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { serveDouble, startDoubleProcess, type DoubleProcess } from './argoDoubleProcess';

/**
 * Issue 4's benchmark: list 10,000 workflows (about 160,000 nodes) with their nodes from the Argo Server
 * test double and extract node and run documents, against fetching the very same pages and JSON.parse-ing
 * them. The double runs in a child process (as a real Argo Server runs elsewhere), so both sides pay the
 * same server cost off the measured thread; the sides alternate; medians of the repeats; peak memory of
 * this process sampled every 5 ms. Two rows time JSON.parse (+ extract) of the same bytes in this process.
 *
 *   node --expose-gc scripts/run-ts.mjs backend/bench/argoListExtract.ts [workflows] [repeats]
 */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Measured<T> {
  ms: number;
  /** CPU of this process (the client side) and of the double, during the run. */
  cpuMs: number;
  doubleCpuMs: number;
  heapPeak: number;
  rssPeak: number;
  result: T;
}

/** Runs `work`, sampling the heap and RSS; returns its time, CPU and the peaks above the start. */
async function measure<T>(double: DoubleProcess, work: (sample: () => void) => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let heapPeak = 0;
  let rssPeak = 0;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed - base.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss - base.rss);
  };
  const doubleBefore = await double.cpuMs();
  const timer = setInterval(sample, 5);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work(sample);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(timer);
  sample();
  const doubleCpuMs = (await double.cpuMs()) - doubleBefore;
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, doubleCpuMs, heapPeak, rssPeak, result };
}

async function main(workflows: number, repeats: number): Promise<void> {
  const loadBefore = load();
  const double = await startDoubleProcess(process.argv[1], workflows);
  const client = new ArgoClient({ url: double.url, concurrency: 4, pageSize: 500, nodePageSize: 500 });
  const query = { projection: 'nodes' as const };

  const ours = async (sample: () => void = () => {}) => {
    let runs = 0;
    let nodes = 0;
    for await (const page of client.listWorkflowPagesWithNodes(query)) {
      sample();
      for (const item of page.items) {
        const extracted = extractWorkflow(item);
        runs += extracted.workflow ? 1 : 0;
        nodes += extracted.nodes.length;
      }
    }
    return { runs, nodes };
  };
  // The same pages, fetched as text by the URLs the client asked for (this warm-up run's).
  await ours();
  const urls = await double.urls();
  const pages: string[] = [];
  for (const url of urls) {
    pages.push(await (await fetch(url)).text());
  }
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0);
  const parseOnly = async (sample: () => void) => {
    let items = 0;
    for (const page of pages) {
      const parsed = JSON.parse(page) as { items?: unknown[] };
      sample();
      items += parsed.items?.length ?? 0;
    }
    return items;
  };
  const parseAndExtract = async (sample: () => void) => {
    let extracted = 0;
    for (const page of pages) {
      const parsed = JSON.parse(page) as { items?: unknown[] };
      sample();
      for (const item of parsed.items ?? []) {
        extracted += extractWorkflow(item).nodes.length;
      }
      sample();
    }
    return extracted;
  };
  const fetchAndParse = async (sample: () => void) => {
    let items = 0;
    for (const url of urls) {
      const parsed = JSON.parse(await (await fetch(url)).text()) as { items?: unknown[] };
      sample();
      items += parsed.items?.length ?? 0;
    }
    return items;
  };

  const oursRuns: Array<Measured<{ runs: number; nodes: number }>> = [];
  const fetchRuns: Array<Measured<number>> = [];
  const parseRuns: Array<Measured<number>> = [];
  const extractRuns: Array<Measured<number>> = [];
  for (let i = 0; i < repeats; i++) {
    oursRuns.push(await measure(double, ours));
    fetchRuns.push(await measure(double, fetchAndParse));
    parseRuns.push(await measure(double, parseOnly));
    extractRuns.push(await measure(double, parseAndExtract));
  }
  const { runs, nodes } = oursRuns[0].result;
  const oursMs = median(oursRuns.map((r) => r.ms));
  const fetchMs = median(fetchRuns.map((r) => r.ms));
  const parseMs = median(parseRuns.map((r) => r.ms));
  const extractMs = median(extractRuns.map((r) => r.ms));
  console.log(
    `${runs} workflows with ${double.rawNodes} nodes (${nodes} node documents: pods, retries and skipped steps), ${urls.length} pages, ${mb(bytes)} of JSON; median of ${repeats}; the double in its own process\n`
  );
  console.log('| measurement | time | CPU (this process) | CPU (double) | peak heap | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const row = (name: string, measured: Array<Measured<unknown>>) =>
    console.log(
      `| ${name} | ${median(measured.map((r) => r.ms)).toFixed(0)} ms | ${median(measured.map((r) => r.cpuMs)).toFixed(0)} ms | ${median(measured.map((r) => r.doubleCpuMs)).toFixed(0)} ms | ${mb(median(measured.map((r) => r.heapPeak)))} | ${mb(median(measured.map((r) => r.rssPeak)))} |`
    );
  row('list (ArgoClient) + extract', oursRuns);
  row('fetch the same pages + JSON.parse', fetchRuns);
  row('JSON.parse of the same bytes alone', parseRuns);
  row('JSON.parse + extract of the same bytes', extractRuns);
  console.log(`\nratio (JSON.parse + extract) ÷ JSON.parse, same bytes: ${(extractMs / parseMs).toFixed(2)} (target ≤ 2)`);
  console.log(`ratio list through ArgoClient + extract ÷ (fetch + JSON.parse), end to end: ${(oursMs / fetchMs).toFixed(2)} (goal ≤ 1.1)`);
  console.log(`per run: ${oursRuns.map((r, i) => (r.ms / fetchRuns[i].ms).toFixed(2)).join(' ')}`);
  console.log(`load average before: ${loadBefore}; after: ${load()}`);
  client.close();
  double.stop();
}

const [first, second] = process.argv.slice(2);
const done = first === '--argo-double' ? serveDouble(Number(second)) : main(Number(first ?? 10_000), Number(second ?? 3));
done.catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

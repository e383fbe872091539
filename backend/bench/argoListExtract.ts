import { ArgoClient } from '../argo/client/argoClient';
import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { startArgoServer } from '../test/argoServer/startArgoServer';
import { generateArgoHistory } from '../test/argoServer/workflowHistory';

/**
 * Issue 4's benchmark: list 10,000 workflows (about 200,000 nodes) with their nodes from the Argo Server
 * test double and extract node and run documents, against plain JSON.parse of the very same page bytes.
 * Both sides run in this process, alternately; medians of the repeats; peak memory sampled every 5 ms.
 *
 *   node --expose-gc scripts/run-ts.mjs backend/bench/argoListExtract.ts [workflows] [repeats]
 */
const WORKFLOWS = Number(process.argv[2] ?? 10_000);
const REPEATS = Number(process.argv[3] ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Runs `work`, sampling the heap and RSS; returns its time and the peaks above the start. */
async function measure<T>(work: (sample: () => void) => Promise<T>): Promise<{ ms: number; heapPeak: number; rssPeak: number; result: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let heapPeak = 0;
  let rssPeak = 0;
  const sample = () => {
    const now = process.memoryUsage();
    heapPeak = Math.max(heapPeak, now.heapUsed - base.heapUsed);
    rssPeak = Math.max(rssPeak, now.rss - base.rss);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  const result = await work(sample);
  const ms = performance.now() - started;
  clearInterval(timer);
  sample();
  return { ms, heapPeak, rssPeak, result };
}

async function main(): Promise<void> {
  const history = generateArgoHistory({ seed: 5, workflows: WORKFLOWS, days: 30, liveHours: 24 * 365 });
  // A server whose live list carries the nodes (v3.4; later versions need a GET per archived run).
  const server = await startArgoServer({ version: 'v3.4.17', history });
  const client = new ArgoClient({ url: server.url, concurrency: 4, pageSize: 500, nodePageSize: 500 });
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
  // The same pages, fetched as text by their recorded URLs; only JSON.parse is timed on this side.
  server.resetRequests();
  await ours();
  const urls = server.requests.filter((r) => r.apiPath.startsWith('/api/v1/workflows')).map((r) => `${server.url}${r.apiPath}?${new URLSearchParams(r.query)}`);
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

  const oursRuns: Array<Awaited<ReturnType<typeof measure<{ runs: number; nodes: number }>>>> = [];
  const parseRuns: Array<Awaited<ReturnType<typeof measure<number>>>> = [];
  const extractRuns: Array<Awaited<ReturnType<typeof measure<number>>>> = [];
  const fetchRuns: Array<Awaited<ReturnType<typeof measure<number>>>> = [];
  for (let i = 0; i < REPEATS; i++) {
    oursRuns.push(await measure(ours));
    fetchRuns.push(await measure(fetchAndParse));
    parseRuns.push(await measure(parseOnly));
    extractRuns.push(await measure(parseAndExtract));
  }
  const rawNodes = history.workflows.reduce((sum, { workflow }) => sum + Object.keys(workflow.status?.nodes ?? {}).length, 0);
  const extractMs = median(extractRuns.map((r) => r.ms));
  const { runs, nodes } = oursRuns[0].result;
  const oursMs = median(oursRuns.map((r) => r.ms));
  const fetchMs = median(fetchRuns.map((r) => r.ms));
  const parseMs = median(parseRuns.map((r) => r.ms));
  console.log(`${runs} workflows with ${rawNodes} nodes (${nodes} node documents: pods, retries and skipped steps), ${urls.length} pages, ${mb(bytes)} of JSON; median of ${REPEATS}\n`);
  console.log('| measurement | time | peak heap | peak RSS |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| list (ArgoClient) + extract | ${oursMs.toFixed(0)} ms | ${mb(median(oursRuns.map((r) => r.heapPeak)))} | ${mb(median(oursRuns.map((r) => r.rssPeak)))} |`);
  console.log(`| fetch the same pages + JSON.parse | ${fetchMs.toFixed(0)} ms | ${mb(median(fetchRuns.map((r) => r.heapPeak)))} | ${mb(median(fetchRuns.map((r) => r.rssPeak)))} |`);
  console.log(`| JSON.parse of the same bytes alone | ${parseMs.toFixed(0)} ms | ${mb(median(parseRuns.map((r) => r.heapPeak)))} | ${mb(median(parseRuns.map((r) => r.rssPeak)))} |`);
  console.log(`| JSON.parse + extract of the same bytes | ${extractMs.toFixed(0)} ms | ${mb(median(extractRuns.map((r) => r.heapPeak)))} | ${mb(median(extractRuns.map((r) => r.rssPeak)))} |`);
  console.log(`\nratio (JSON.parse + extract) ÷ JSON.parse, same bytes: ${(extractMs / parseMs).toFixed(2)} (target ≤ 2)`);
  console.log(`ratio list through ArgoClient + extract ÷ (fetch + JSON.parse), end to end: ${(oursMs / fetchMs).toFixed(2)}`);
  client.close();
  await server.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

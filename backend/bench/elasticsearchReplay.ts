import { PANELS, panelRequest, type LoadOptions, type LoadResult } from './memoryLoad';
import { queryDataClient } from './queryDataClient';
import { executedQueryString, postSearch, searchBodies } from './replaySearches';

/** Per panel, per query: the search bodies the backend sent to Elasticsearch for it, in order. */
export type PanelSearches = string[][][];

/**
 * Asks the backend for every panel once and reads back what it searched: the frames' meta
 * `executedQueryString` holds one body per line (runs sends two searches, one after the other); the
 * `//` lines label rewritten searches and are not bodies.
 */
export async function captureSearches(options: Pick<LoadOptions, 'address' | 'esUrl' | 'index' | 'fromMs' | 'toMs'>): Promise<PanelSearches> {
  const data = queryDataClient(options.address);
  try {
    const panels: PanelSearches = [];
    for (const panel of PANELS) {
      const response = await data.queryData(panelRequest(panel, options));
      panels.push(
        panel.queries.map((_, i) => {
          const answer = response.responses[String.fromCharCode(65 + i)];
          if (!answer || answer.error || !answer.frames?.length) {
            throw new Error(`${panel.name}: ${answer?.error ?? 'no frames'}`);
          }
          const bodies = searchBodies(executedQueryString(answer.frames[0]));
          if (bodies.length === 0) {
            throw new Error(`${panel.name}: the answer says no executedQueryString`);
          }
          return bodies;
        })
      );
    }
    return panels;
  } finally {
    data.close();
  }
}

/**
 * The same concurrent mix sent to Elasticsearch alone: N loops, each taking the panels in the order the
 * backend's clients do, a panel's queries at once (as the backend answers them) and each query's
 * searches one after the other. Answers are read whole as text, not parsed.
 */
export async function replayLoad(searches: PanelSearches, options: Pick<LoadOptions, 'esUrl' | 'index' | 'clients' | 'seconds'>): Promise<LoadResult> {
  const url = `${options.esUrl}/${options.index}/_search`;
  const result: LoadResult = { panels: 0, queries: 0, errors: new Map(), callFailures: 0, latenciesMs: [] };
  const query = async (bodies: string[]) => {
    for (const body of bodies) {
      await postSearch(url, body);
    }
  };
  const until = performance.now() + options.seconds * 1000;
  const client = async (index: number) => {
    for (let i = index; performance.now() < until; i++) {
      const started = performance.now();
      const answers = await Promise.allSettled(searches[i % searches.length].map(query));
      for (const answer of answers) {
        result.queries++;
        if (answer.status === 'rejected') {
          const key = String((answer.reason as Error)?.message ?? answer.reason).slice(0, 120);
          result.errors.set(key, (result.errors.get(key) ?? 0) + 1);
        }
      }
      result.panels++;
      result.latenciesMs.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return result;
}

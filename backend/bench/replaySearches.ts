import { tableFromIPC } from 'apache-arrow';

/**
 * Elasticsearch alone, for the query and load benchmarks: the searches a QueryData answer reports in its
 * frame's executedQueryString, POSTed straight to Elasticsearch with fetch, in order, answers read whole.
 */
export type Replay = 'lines' | 'pages';

/** The executedQueryString of an answer's first frame (Arrow bytes). */
export function executedQueryString(frame: Uint8Array): string {
  const meta = JSON.parse(tableFromIPC(frame).schema.metadata.get('meta') ?? '{}') as { executedQueryString?: string };
  return meta.executedQueryString ?? '';
}

/** The search bodies of an executedQueryString: one a line; `//` lines label rewritten searches. */
export function searchBodies(executed: string): string[] {
  return executed.split('\n').filter((line) => line.trim() && !line.startsWith('//'));
}

/** One search, its answer read whole as text; an error answer fails, as it would not be a search's time. */
export async function postSearch(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`Elasticsearch answered ${response.status}: ${text.slice(0, 100)}`);
  }
  return text;
}

/**
 * `lines`: one search body per line (runs makes two). `pages`: the timeline's form, a JSON array of the
 * run's workflow search then the first page of its node documents; the next pages are sent as the
 * backend sends them (search_after the last hit's sort, until a page comes back short), so the
 * answers are parsed here too, as any client that pages must.
 */
export function replaySearches(esUrl: string, index: string, executed: string, replay: Replay): () => Promise<void> {
  const url = `${esUrl}/${index}/_search`;
  if (replay === 'lines') {
    const bodies = searchBodies(executed);
    return async () => {
      for (const body of bodies) {
        await postSearch(url, body);
      }
    };
  }
  const [workflowSearch, firstPage] = JSON.parse(executed) as [object, { size: number }];
  const workflowBody = JSON.stringify(workflowSearch);
  return async () => {
    await postSearch(url, workflowBody);
    let after: unknown[] | undefined;
    for (;;) {
      const answer = JSON.parse(await postSearch(url, JSON.stringify(after ? { ...firstPage, search_after: after } : firstPage))) as { hits: { hits: Array<{ sort: unknown[] }> } };
      const hits = answer.hits.hits;
      if (hits.length < firstPage.size) {
        return;
      }
      after = hits[hits.length - 1].sort;
    }
  };
}

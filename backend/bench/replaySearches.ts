/**
 * Elasticsearch alone, for the query benchmark: the searches a QueryData answer reports in its frame's
 * executedQueryString, POSTed straight to Elasticsearch with fetch, in order, answers read whole.
 */
export type Replay = 'lines' | 'pages';

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return response.text();
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
    const bodies = executed.split('\n');
    return async () => {
      for (const body of bodies) {
        await post(url, body);
      }
    };
  }
  const [workflowSearch, firstPage] = JSON.parse(executed) as [object, { size: number }];
  const workflowBody = JSON.stringify(workflowSearch);
  return async () => {
    await post(url, workflowBody);
    let after: unknown[] | undefined;
    for (;;) {
      const answer = JSON.parse(await post(url, JSON.stringify(after ? { ...firstPage, search_after: after } : firstPage))) as { hits: { hits: Array<{ sort: unknown[] }> } };
      const hits = answer.hits.hits;
      if (hits.length < firstPage.size) {
        return;
      }
      after = hits[hits.length - 1].sort;
    }
  };
}

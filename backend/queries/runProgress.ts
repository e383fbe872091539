import type { ProgressQuery } from '../../src/query/progressQuery';
import { documentFields } from '../elasticsearch/documentFields';
import { progressSearch, progressTally, type ProgressAggregations } from '../elasticsearch/progressSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import type { Frame, Notice } from '../frames/frame';
import { failuresFrame, overTimeFrames, summaryFrame } from '../progress/progressFrames';
import { progressText } from '../progress/progressText';
import { tallySteps, type RunTally, type TallyWindows } from '../progress/runTally';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { searchIntervalMs } from './searchInterval';

/** progress: one run's steps from Elasticsearch (aggregations) or the Argo Server (its node status now). */
export async function runProgress(query: ProgressQuery, input: QueryInput): Promise<Frame[]> {
  const restricted: ProgressQuery = { ...query, filters: restrictNamespaces(query.filters, input.instance.settings.namespaces) };
  const windows: TallyWindows = {
    fromMs: input.fromMs,
    toMs: input.toMs,
    // Each time bucket brings a few phase buckets along.
    intervalMs: searchIntervalMs(input, 8),
    // "Now" is the earlier of the clock and the range end, so a past range shows the run as it was then.
    nowMs: Math.min(Date.now(), input.toMs),
    rateMinutes: query.rateMinutes,
    limit: query.limit,
  };
  let tally: RunTally;
  let executed: string;
  if (restricted.source === 'argo') {
    const { argoRunSteps } = await import('../argo/progress/argoRunSteps');
    tally = tallySteps(await argoRunSteps(input.instance, restricted, input.context.signal), windows);
    executed = `GET /api/v1/workflows/${restricted.filters.namespaces?.[0]}/${query.run}`;
  } else {
    const body = progressSearch(documentFields(input.instance), restricted, windows);
    tally = progressTally(await searchAggregations<ProgressAggregations>(input.instance, body, input.context.signal));
    executed = JSON.stringify(body);
  }
  const notices: Notice[] = [];
  if (Object.keys(tally.byPhase).length === 0) {
    const where = restricted.filters.namespaces?.length ? `in ${restricted.filters.namespaces.join(', ')}` : 'in any namespace';
    notices.push({ severity: 'info', text: progressText.noSteps(query.run, where) });
  }
  switch (query.view) {
    case 'overTime':
      return overTimeFrames(query, tally, executed, notices);
    case 'summary':
      return [summaryFrame(query, tally, executed, notices)];
    case 'failures':
      return [failuresFrame(query, tally, executed, notices)];
  }
}

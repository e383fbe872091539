import type { ArgoPerfQuery } from '../../src/query/model';
import { recordSearches } from '../elasticsearch/searchRecord';
import type { Frame } from '../frames/frame';
import { regexpFilterError } from './regexpFilterError';
import { reportSearches } from './searchReport';
import { runBaseline } from './runBaseline';
import { runDurations } from './runDurations';
import { runHeatmap } from './runHeatmap';
import { runOutcomes } from './runOutcomes';
import { runRuns } from './runRuns';
import { runResources } from './runResources';
import { runMetrics } from './runMetrics';
import { runProgress } from './runProgress';
import { runFreshness } from './runFreshness';
import type { QueryInput } from './queryInput';
import { checkServiceConfigured } from './requiredService';

/**
 * Runs a validated query, recording its Elasticsearch searches: the frames then show the searches as
 * sent and any failed shards (searchReport.ts), and a refused regular expression names its filter.
 */
export async function runQuery(query: ArgoPerfQuery, input: QueryInput): Promise<Frame[]> {
  checkServiceConfigured(query, input.instance.settings);
  try {
    const { result, record } = await recordSearches(() => route(query, input));
    return reportSearches(query.refId, result, record);
  } catch (error) {
    throw regexpFilterError(error, 'filters' in query ? query.filters : undefined);
  }
}

/** Routes a query to the runner of its queryType. Later query types add a line here. */
function route(query: ArgoPerfQuery, input: QueryInput): Promise<Frame[]> {
  switch (query.queryType) {
    case 'durations':
      return runDurations(query, input);
    case 'heatmap':
      return runHeatmap(query, input);
    case 'outcomes':
      return runOutcomes(query, input);
    case 'runs':
      return runRuns(query, input);
    case 'resources':
      return runResources(query, input);
    case 'metrics':
      return runMetrics(query, input);
    case 'baseline':
      return runBaseline(query, input);
    case 'progress':
      return runProgress(query, input);
    case 'freshness':
      return runFreshness(query, input);
    // The Argo-only types load their modules on first use.
    case 'live':
      return import('./runLive').then(({ runLive }) => runLive(query, input));
    case 'cronDrift':
      return import('./runCronDrift').then(({ runCronDrift }) => runCronDrift(query, input));
    case 'timeline':
      return import('./runTimeline').then(({ runTimeline }) => runTimeline(query, input));
  }
}

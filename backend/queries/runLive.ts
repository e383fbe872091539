import type { LiveQuery } from '../../src/query/liveQuery';
import { liveWorkflows } from '../argo/live/liveWorkflows';
import type { Frame } from '../frames/frame';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { checkBaselineSpan } from './timeRangeGuard';

/** live: running workflows from the Argo Server, within the datasource's namespace allow-list. */
export async function runLive(query: LiveQuery, input: QueryInput): Promise<Frame[]> {
  const restricted = { ...query, filters: restrictNamespaces(query.filters, input.instance.settings.namespaces) };
  checkBaselineSpan(query.baselineDays * 24 * 3_600_000, input.instance.settings.maxRangeDays);
  return liveWorkflows(restricted, input);
}

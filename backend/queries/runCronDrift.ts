import type { CronDriftQuery } from '../../src/query/cronDriftQuery';
import { cronDriftAnswer } from '../argo/cronDrift/cronDriftAnswer';
import type { Frame } from '../frames/frame';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';

/**
 * cronDrift: whether CronWorkflows start on time, read from the Argo Server, within the datasource's
 * namespace allow-list. Judged now, or at the end of the range when that is in the past.
 */
export async function runCronDrift(query: CronDriftQuery, input: QueryInput): Promise<Frame[]> {
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  const nowMs = Math.min(Date.now(), input.toMs);
  return cronDriftAnswer({ ...query, filters }, input, nowMs);
}

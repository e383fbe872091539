import type { ProgressQuery } from '../../../src/query/progressQuery';
import { QueryError } from '../../errors/queryError';
import type { StepFacts } from '../../progress/runTally';
import type { DatasourceInstance } from '../../settings/instances';
import { argoClient } from '../argoInstance';
import { ArgoRequestError } from '../client/argoErrors';
import { NODE_DETAIL_GET_FIELDS } from '../client/fields';
import { extractWorkflow } from '../extract/extractWorkflow';
import { argoCall } from '../history/argoCall';

/**
 * The steps of one run as the Argo Server holds them now: a GET of the workflow (nodes hydrated by the
 * server, whether offloaded or compressed), turned into node documents by the same extraction the
 * collector uses, so both sources count the same steps.
 */
export async function argoRunSteps(instance: DatasourceInstance, query: ProgressQuery, signal: AbortSignal): Promise<StepFacts[]> {
  const namespaces = query.filters.namespaces ?? [];
  if (namespaces.length !== 1) {
    throw new QueryError('filters.namespaces: source argo reads one run by its namespace and name; choose exactly one namespace');
  }
  const client = argoClient(instance);
  const workflow = await argoCall(async () => {
    try {
      return await client.getWorkflow(namespaces[0], query.run, { signal }, { fields: NODE_DETAIL_GET_FIELDS });
    } catch (error) {
      // A run that is not there is the query's answer, not the server's failure.
      if (error instanceof ArgoRequestError && error.kind === 'notFound') {
        throw notFound(query.run, namespaces[0]);
      }
      throw error;
    }
  });
  return extractWorkflow(workflow).nodes.map((doc) => ({
    phase: doc.phase,
    endMs: doc.end === undefined ? undefined : Date.parse(doc.end),
    retryAttempt: doc.node.retry_attempt,
    message: doc.message,
  }));
}

function notFound(run: string, namespace: string): QueryError {
  return new QueryError(
    `run: the Argo Server has no run "${run}" in namespace "${namespace}" (deleted after its TTL, or never there); use source elasticsearch for the collected history`,
    'downstream',
    404
  );
}

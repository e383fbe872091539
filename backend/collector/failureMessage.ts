import { errors } from '@elastic/elasticsearch';

import { ArgoRequestError } from '../argo/client/argoErrors';
import { MappingConflictError } from '../elasticsearch/installIndexTemplate';
import { UsageError } from './collectorOptions';

/** Exit codes: 0 done, 1 failed, 2 wrong usage, 3 refused because of a conflicting mapping. */
export const EXIT = { ok: 0, failed: 1, usage: 2, refused: 3 } as const;

/** One sentence naming the cause of a failure and what to do, and the exit code it leads to. */
export function failureOf(error: unknown, esUrl: string | undefined): { message: string; code: number } {
  if (error instanceof UsageError) {
    return { message: `${error.message} (see --help)`, code: EXIT.usage };
  }
  if (error instanceof MappingConflictError) {
    // The collector refuses to write, whether the conflict was found checking or installing the template.
    return { message: new MappingConflictError(error.conflicts, 'write').message, code: EXIT.refused };
  }
  if (error instanceof ArgoRequestError) {
    return { message: `Argo Server: ${error.message}`, code: EXIT.failed };
  }
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode;
    const message =
      status === 401
        ? 'Elasticsearch rejected the credentials (401): check ES_USERNAME with ES_PASSWORD, or ES_API_KEY'
        : status === 403
          ? `Elasticsearch denied access (403): the user needs write and create_index on the data and state indices and manage_index_templates: ${error.message}`
          : `Elasticsearch answered ${status}: ${error.message}`;
    return { message, code: EXIT.failed };
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError) {
    return { message: `could not reach Elasticsearch at ${esUrl}: ${error.message}; check --es-url and that Elasticsearch is running`, code: EXIT.failed };
  }
  if (error instanceof errors.ElasticsearchClientError) {
    return { message: `Elasticsearch: ${error.message}`, code: EXIT.failed };
  }
  return { message: error instanceof Error ? error.message : String(error), code: EXIT.failed };
}

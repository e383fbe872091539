import type { DatasourceInstance } from '../settings/instances';
import type { RequestContext } from '../handlers/requestContext';

/** Everything a query runner gets besides its own typed query. */
export interface QueryInput {
  instance: DatasourceInstance;
  context: RequestContext;
  fromMs: number;
  toMs: number;
  intervalMs: number;
  maxDataPoints: number;
}

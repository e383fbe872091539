/**
 * A failure that reaches the user as one refId's (or one resource call's) error, with the HTTP status
 * Grafana shows: 400 for what the user can fix in the query or settings, 403 for what the datasource may
 * not read, 5xx with source `downstream` when an outside system failed.
 */
export class QueryError extends Error {
  constructor(
    message: string,
    /** downstream: the outside system failed; plugin: the query or settings are wrong. */
    readonly source: 'plugin' | 'downstream' = 'plugin',
    readonly status = 400
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

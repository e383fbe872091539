import { describeIssues, quoteValue } from './validationMessage';
import { migrateQuery } from './migrateQuery';
import { AVAILABLE_QUERY_TYPES, QUERY_TYPES, querySchemas, type ArgoPerfQuery, type QueryOf } from './model';

export type ParsedQuery = { query: ArgoPerfQuery } | { error: string };

/**
 * Validates one target (already JSON-decoded) into a typed query with defaults filled in, or an error
 * that names the field. Used by the backend for every refId and by the editor to show problems.
 */
export function parseQuery(raw: unknown): ParsedQuery {
  const migrated = migrateQuery(raw);
  if ('error' in migrated) {
    return migrated;
  }
  const { queryType } = migrated.query;
  if (queryType === undefined || queryType === '') {
    return { error: `queryType: missing; use one of ${AVAILABLE_QUERY_TYPES.join(', ')}` };
  }
  if (typeof queryType !== 'string' || !(QUERY_TYPES as readonly string[]).includes(queryType)) {
    return { error: `queryType: ${quoteValue(queryType)} is unknown; use one of ${AVAILABLE_QUERY_TYPES.join(', ')}` };
  }
  if (!(queryType in querySchemas)) {
    return { error: `queryType: ${quoteValue(queryType)} is not available in this version yet; use one of ${AVAILABLE_QUERY_TYPES.join(', ')}` };
  }
  const schema = querySchemas[queryType as keyof typeof querySchemas];
  const result = schema.safeParse(migrated.query);
  if (!result.success) {
    return { error: describeIssues(result.error) };
  }
  return { query: result.data };
}

/** Fields a query type requires and has no default for: the documented example stands in. */
const REQUIRED_EXAMPLES: Partial<Record<keyof typeof querySchemas, object>> = {
  metrics: { metric: 'images_processed' },
  progress: { run: '$run' },
  timeline: { run: '$run' },
};

/** A query with every default filled in, for new panels (durations) and for the editor's type picker. */
export function defaultQuery<T extends keyof typeof querySchemas = 'durations'>(refId = 'A', queryType?: T): QueryOf<T> {
  const type = queryType ?? 'durations';
  const parsed = parseQuery({ refId, queryType: type, ...REQUIRED_EXAMPLES[type] });
  if ('error' in parsed) {
    throw new Error(parsed.error);
  }
  return parsed.query as QueryOf<T>;
}

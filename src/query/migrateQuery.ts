import { QUERY_SCHEMA_VERSION } from './model';
import { quoteValue } from './validationMessage';

export type QueryMigration = { query: Record<string, unknown> } | { error: string };

/**
 * Brings a stored query (dashboard JSON, alert rule model) to the current schema version.
 * Version 1 is the first; queries saved without a version are treated as version 1. A query from a
 * newer plugin is refused rather than guessed at.
 */
export function migrateQuery(raw: unknown): QueryMigration {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: 'query: must be a JSON object' };
  }
  const query = { ...(raw as Record<string, unknown>) };
  const version = query.schemaVersion ?? QUERY_SCHEMA_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: `schemaVersion: must be a whole number from 1; got ${quoteValue(query.schemaVersion)}` };
  }
  if (version > QUERY_SCHEMA_VERSION) {
    return {
      error: `schemaVersion: ${version} was saved by a newer plugin (this one reads up to ${QUERY_SCHEMA_VERSION}); update the plugin`,
    };
  }
  query.schemaVersion = QUERY_SCHEMA_VERSION;
  return { query };
}

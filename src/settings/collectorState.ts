/**
 * Where the collector keeps its checkpoints (`--state-index`): the datasource reads its sync checkpoints
 * as the collector's heartbeat (freshness). One default for both, so they agree out of the box.
 */
export const DEFAULT_STATE_INDEX = 'argoperf-collector-state';

/** Index names as the collector accepts them for --state-index (Elasticsearch's rules for a plain name). */
export const STATE_INDEX_NAME = /^[a-z0-9][a-z0-9._-]*$/;
export const STATE_INDEX_NAME_MESSAGE = "is not an index name: use lowercase letters, digits, '.', '_' and '-' (no pattern), as in the collector's --state-index";

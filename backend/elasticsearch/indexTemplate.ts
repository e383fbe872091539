/**
 * The index template of our Elasticsearch history (docs/document-model.md): one document per workflow
 * run and one per node execution, in indices matching `<prefix>-*` (default `argo-workflows-*`), plus
 * the ILM policy that deletes old indices on clusters that have ILM.
 */
export const DEFAULT_INDEX_PREFIX = 'argo-workflows';
export const DEFAULT_RETENTION_DAYS = 365;
/**
 * Bump when the mapping changes; stored in the template's `_meta`. 2: `node.step` (the step name every
 * loop item shares). 3: `node.group`, `node.after`, `node.feeds` (the run timeline's graph).
 */
export const DOCUMENT_MODEL_VERSION = 3;
export const MANAGED_BY = 'argoperf-workflows';

/** Which template to install and which indices it applies to. */
export interface TemplateTarget {
  /** Name of the index template and of the ILM policy. */
  name: string;
  indexPatterns: string[];
}

export function templateTarget(indexPrefix = DEFAULT_INDEX_PREFIX): TemplateTarget {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(indexPrefix)) {
    throw new Error(`--index-prefix "${indexPrefix}" is not a valid index name prefix: use lowercase letters, digits, '.', '_' and '-'`);
  }
  return { name: indexPrefix, indexPatterns: [`${indexPrefix}-*`] };
}

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const double = { type: 'double' } as const;
/** Kept in _source for reading back, neither searchable nor aggregatable (no index, no doc values). */
const stored = { type: 'keyword', index: false, doc_values: false } as const;

/** Everything grouped or filtered on is a keyword; nothing is added dynamically except under `metrics`. */
export const DOCUMENT_MAPPINGS = {
  dynamic: 'strict',
  date_detection: false,
  dynamic_templates: [
    // Numbers a workflow reports about its own work (images processed, accuracy): always double.
    // Numeric strings are coerced; anything else under metrics is rejected at indexing time.
    { metrics_long: { path_match: 'metrics.*', match_mapping_type: 'long', mapping: double } },
    { metrics_double: { path_match: 'metrics.*', match_mapping_type: 'double', mapping: double } },
    { metrics_string: { path_match: 'metrics.*', match_mapping_type: 'string', mapping: double } },
  ],
  properties: {
    doc_kind: keyword,
    '@timestamp': date,
    end: date,
    duration_ms: { type: 'long' },
    phase: keyword,
    namespace: keyword,
    workflow: {
      properties: { name: keyword, uid: keyword, template: keyword, cron: keyword },
    },
    node: {
      properties: {
        id: keyword,
        name: keyword,
        display_name: keyword,
        step: keyword,
        template: keyword,
        type: keyword,
        retry_attempt: { type: 'integer' },
        host: keyword,
        // The run timeline's graph: read from _source for one run, never searched or aggregated.
        group: stored,
        after: stored,
        feeds: stored,
      },
    },
    resources: {
      properties: { cpu_core_seconds: double, memory_mib_seconds: double, gpu_seconds: double },
    },
    labels: { type: 'flattened' },
    parameters: { type: 'flattened' },
    scheduled_at: date,
    // Long messages (stack traces) stay searchable through `message.text` but are not aggregated.
    message: { type: 'keyword', ignore_above: 2048, fields: { text: { type: 'text' } } },
    metrics: { type: 'object', dynamic: true },
    collected_at: date,
  },
} as const;

export const INDEX_SETTINGS = {
  'index.number_of_shards': 1,
  // History is written in bulk by the collector; dashboards do not need it within a second.
  'index.refresh_interval': '10s',
  'index.codec': 'best_compression',
} as const;

export interface IndexTemplateBody {
  index_patterns: string[];
  priority: number;
  template: { settings: Record<string, string | number>; mappings: typeof DOCUMENT_MAPPINGS };
  _meta: Record<string, unknown>;
}

/** `lifecyclePolicy`: the ILM policy name, only on clusters that have ILM (the setting is unknown otherwise). */
export function indexTemplate(target: TemplateTarget, lifecyclePolicy?: string): IndexTemplateBody {
  const settings: Record<string, string | number> = { ...INDEX_SETTINGS };
  if (lifecyclePolicy) {
    settings['index.lifecycle.name'] = lifecyclePolicy;
  }
  return {
    index_patterns: target.indexPatterns,
    // Above Elasticsearch's built-in templates (100) so that ours wins for these indices.
    priority: 200,
    template: { settings, mappings: DOCUMENT_MAPPINGS },
    _meta: { managed_by: MANAGED_BY, document_model_version: DOCUMENT_MODEL_VERSION },
  };
}

export interface LifecyclePolicyBody {
  phases: Record<string, { min_age: string; actions: Record<string, object> }>;
  _meta: Record<string, unknown>;
}

/**
 * Deletes an index `retentionDays` after its creation. No rollover: the collector writes to indices it
 * names itself (deterministic ids make re-runs idempotent), so there is no write alias to roll over.
 */
export function lifecyclePolicy(retentionDays: number): LifecyclePolicyBody {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(`--retention-days must be a whole number of days ≥ 1, not "${retentionDays}"`);
  }
  return {
    phases: {
      hot: { min_age: '0ms', actions: {} },
      delete: { min_age: `${retentionDays}d`, actions: { delete: {} } },
    },
    _meta: { managed_by: MANAGED_BY, retention_days: retentionDays },
  };
}

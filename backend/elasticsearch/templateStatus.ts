import { QueryError } from '../errors/queryError';
import type { DatasourceInstance } from '../settings/instances';
import { elasticsearchClient, elasticsearchErrorContext, elasticsearchSettings } from './client';
import { elasticsearchFailureText } from './elasticsearchErrors';
import { DOCUMENT_MODEL_VERSION, MANAGED_BY } from './indexTemplate';
import { readsCollectorPrefix } from './indexPatternMatch';

/** GET template: whether this app's index template applies to the indices the datasource reads. */
export interface TemplateStatus {
  installed: boolean;
  /** Installed at this version's document model (or newer). */
  current: boolean;
  name?: string;
  documentModelVersion?: number;
  message: string;
}

export const templateStatusText = {
  current: (name: string, version: number, index: string) => `index template ${name} (document model ${version}) applies to ${index}`,
  old: (name: string, version: number) =>
    `index template ${name} has document model ${version}, this version writes ${DOCUMENT_MODEL_VERSION}: run npm run install-template, or start the collector (it updates the template)`,
  none: (index: string) => `no index template of this app applies to ${index}: run npm run install-template, or start the collector (it installs the template)`,
};

/**
 * Our templates (the `_meta.managed_by` the installer writes) whose `<prefix>-*` pattern names indices
 * the datasource's index setting reads, newest document model first. Reading templates needs the
 * manage_index_templates privilege; without it Elasticsearch answers 403 and the caller reports that.
 */
export async function templateStatus(instance: DatasourceInstance, signal: AbortSignal): Promise<TemplateStatus> {
  const { index } = elasticsearchSettings(instance);
  const client = await elasticsearchClient(instance);
  const answer = await client.indices.getIndexTemplate({}, { signal, maxRetries: 0 }).catch((error: unknown) => {
    // Elasticsearch's refusal (e.g. 403 without manage_index_templates) or no answer: a 502 that says which.
    throw new QueryError(elasticsearchFailureText(error, elasticsearchErrorContext(instance)).message, 'downstream', 502);
  });
  const now = Date.now();
  const ours = answer.index_templates
    .filter(({ index_template: template }) => template._meta?.managed_by === MANAGED_BY)
    .filter(({ index_template: template }) =>
      [template.index_patterns].flat().some((pattern) => pattern.endsWith('-*') && readsCollectorPrefix(index, pattern.slice(0, -2), now))
    )
    .map(({ name, index_template: template }) => ({ name, version: Number(template._meta?.document_model_version) || 0 }))
    .sort((a, b) => b.version - a.version);
  const [best] = ours;
  if (!best) {
    return { installed: false, current: false, message: templateStatusText.none(index) };
  }
  const current = best.version >= DOCUMENT_MODEL_VERSION;
  return {
    installed: true,
    current,
    name: best.name,
    documentModelVersion: best.version,
    message: current ? templateStatusText.current(best.name, best.version, index) : templateStatusText.old(best.name, best.version),
  };
}

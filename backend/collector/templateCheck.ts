import type { Client } from '@elastic/elasticsearch';

import { DOCUMENT_MODEL_VERSION, templateTarget } from '../elasticsearch/indexTemplate';
import { findMappingConflicts, installIndexTemplate, MappingConflictError, storedIndexTemplate } from '../elasticsearch/installIndexTemplate';

/**
 * Before anything is written: installs the index template when it is absent or older than this
 * collector's document model (an up-to-date one, possibly installed with another retention by
 * install-template, is left alone), and refuses when an existing index maps one of our fields otherwise.
 */
export type TemplateOutcome = 'installed' | 'current' | 'checked';

export async function prepareIndices(client: Client, indexPrefix: string, install: boolean): Promise<TemplateOutcome> {
  const target = templateTarget(indexPrefix);
  if (install && !(await templateIsCurrent(client, target.name))) {
    await installIndexTemplate(client, target);
    return 'installed';
  }
  const conflicts = await findMappingConflicts(client, target.indexPatterns);
  if (conflicts.length > 0) {
    throw new MappingConflictError(conflicts, 'write');
  }
  return install ? 'current' : 'checked';
}

async function templateIsCurrent(client: Client, name: string): Promise<boolean> {
  const meta = (await storedIndexTemplate(client, name))?._meta;
  const version = Number((meta as { document_model_version?: unknown } | undefined)?.document_model_version);
  return version >= DOCUMENT_MODEL_VERSION;
}

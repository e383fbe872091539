import type { Client } from '@elastic/elasticsearch';

import { DOCUMENT_MAPPINGS } from './indexTemplate';

/**
 * Indices created from an older template map fewer fields, and their strict mapping refuses documents
 * with the new ones (node.step since document model 2). Adding a field to a mapping is allowed, so the
 * installer adds ours to every open index of the pattern that lacks them; changed types are refused
 * earlier (findMappingConflicts).
 */
type Properties = Record<string, { properties?: Properties } & Record<string, unknown>>;

/** Our fields the index lacks, as a mapping `properties` tree; undefined when it lacks none. */
export function missingProperties(ours: Properties, theirs: Properties): Properties | undefined {
  const missing: Properties = {};
  for (const [name, field] of Object.entries(ours)) {
    const existing = theirs[name];
    if (!existing) {
      missing[name] = field;
    } else if (field.properties && existing.properties) {
      const inner = missingProperties(field.properties, existing.properties);
      if (inner) {
        missing[name] = { properties: inner };
      }
    }
  }
  return Object.keys(missing).length > 0 ? missing : undefined;
}

/** Adds the missing fields to each open index matching the patterns; returns the indices it changed. */
export async function addNewFieldsToExistingIndices(client: Client, indexPatterns: string[]): Promise<string[]> {
  const response = await client.indices.getMapping({ index: indexPatterns, allow_no_indices: true, ignore_unavailable: true, expand_wildcards: ['open'] });
  const changed: string[] = [];
  for (const [index, { mappings }] of Object.entries(response).sort(([a], [b]) => a.localeCompare(b))) {
    const missing = missingProperties(DOCUMENT_MAPPINGS.properties as unknown as Properties, (mappings?.properties ?? {}) as Properties);
    if (missing) {
      await client.indices.putMapping({ index, properties: missing as never });
      changed.push(index);
    }
  }
  return changed;
}

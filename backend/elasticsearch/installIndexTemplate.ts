import type { Client } from '@elastic/elasticsearch';

import {
  DEFAULT_RETENTION_DAYS,
  DOCUMENT_MAPPINGS,
  indexTemplate,
  lifecyclePolicy,
  type IndexTemplateBody,
  type LifecyclePolicyBody,
  type TemplateTarget,
} from './indexTemplate';
import { addNewFieldsToExistingIndices } from './newFieldsOnExistingIndices';

/**
 * Installs the index template (and, where the cluster has ILM, the retention policy). Idempotent: what
 * is already installed unchanged is left alone and reported as such. Refuses when an existing index
 * matching the pattern maps one of our fields differently, since queries over old and new indices would
 * then disagree.
 */
export type InstallStatus = 'created' | 'updated' | 'unchanged';

export type RetentionReport =
  | { managed: true; policy: string; retentionDays: number; status: InstallStatus }
  | { managed: false; reason: string };

export interface InstallReport {
  template: { name: string; indexPatterns: string[]; status: InstallStatus };
  retention: RetentionReport;
}

export interface InstallOptions {
  retentionDays?: number;
  /** false: do not touch ILM at all (tests, or retention handled elsewhere). */
  manageRetention?: boolean;
}

export interface MappingConflict {
  index: string;
  field: string;
  existing: string;
  expected: string;
}

export class MappingConflictError extends Error {
  /** `refused`: what is refused, e.g. "install the index template" or "write". */
  constructor(
    readonly conflicts: MappingConflict[],
    refused = 'install the index template'
  ) {
    const lines = conflicts.map((c) => `index ${c.index} maps field "${c.field}" as ${c.existing}, the template maps it as ${c.expected}`);
    super(
      `refusing to ${refused}: ${lines.join('; ')}. ` +
        'Queries over that index and new ones would disagree. Reindex it into a new index created from the template, ' +
        'delete it, or install the template for another index prefix (--index-prefix).'
    );
    this.name = 'MappingConflictError';
  }
}

/** What would be installed on a cluster with ILM (the dry run). */
export function plannedInstall(target: TemplateTarget, retentionDays = DEFAULT_RETENTION_DAYS) {
  return {
    index_template: { name: target.name, body: indexTemplate(target, target.name) },
    lifecycle_policy: { name: target.name, body: lifecyclePolicy(retentionDays) },
  };
}

export async function installIndexTemplate(client: Client, target: TemplateTarget, options: InstallOptions = {}): Promise<InstallReport> {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const policy = lifecyclePolicy(retentionDays);
  const conflicts = await findMappingConflicts(client, target.indexPatterns);
  if (conflicts.length > 0) {
    throw new MappingConflictError(conflicts);
  }
  let retention: RetentionReport;
  if (options.manageRetention === false) {
    retention = { managed: false, reason: 'retention management was not requested' };
  } else {
    const ilm = await ilmAvailability(client);
    retention = ilm.available
      ? { managed: true, policy: target.name, retentionDays, status: await putLifecyclePolicy(client, target.name, policy) }
      : { managed: false, reason: ilm.reason };
  }
  const body = indexTemplate(target, retention.managed ? target.name : undefined);
  const status = await putTemplate(client, target.name, body);
  await addNewFieldsToExistingIndices(client, target.indexPatterns);
  return { template: { name: target.name, indexPatterns: target.indexPatterns, status }, retention };
}

export function retentionAdvice(target: TemplateTarget, retentionDays: number): string {
  const pattern = target.indexPatterns.join(',');
  return (
    `Old indices are not deleted automatically: delete those older than ${retentionDays} days yourself, e.g. from a daily job ` +
    `(GET _cat/indices/${pattern}?v&h=index,creation.date.string&s=creation.date lists them, oldest first; DELETE /<index> deletes one).`
  );
}

async function ilmAvailability(client: Client): Promise<{ available: true } | { available: false; reason: string }> {
  const response = await client.transport.request({ method: 'GET', path: '/_ilm/status' }, { ignore: [400, 403, 404, 405], meta: true });
  if (response.statusCode === 200) {
    return { available: true };
  }
  if (response.statusCode === 403) {
    return { available: false, reason: 'the user may not read ILM (403 on GET _ilm/status; it needs the manage_ilm cluster privilege), so retention is not managed' };
  }
  return { available: false, reason: 'this Elasticsearch has no index lifecycle management (ILM API _ilm absent), so retention is not managed' };
}

async function putLifecyclePolicy(client: Client, name: string, policy: LifecyclePolicyBody): Promise<InstallStatus> {
  const existing = await client.ilm.getLifecycle({ name }, { ignore: [404], meta: true });
  const stored = existing.statusCode === 200 ? (existing.body as Record<string, { policy?: unknown }>)[name]?.policy : undefined;
  // Elasticsearch adds defaults to a stored policy (e.g. delete_searchable_snapshot), so "unchanged"
  // means: everything we set is there with our value.
  if (stored && isSubset(policy, stored)) {
    return 'unchanged';
  }
  await client.ilm.putLifecycle({ name, policy: policy as never });
  return stored ? 'updated' : 'created';
}

/** The index template stored under `name`, or undefined when there is none. */
export async function storedIndexTemplate(client: Client, name: string) {
  const existing = await client.indices.getIndexTemplate({ name }, { ignore: [404], meta: true });
  return existing.statusCode === 200 ? existing.body.index_templates?.[0]?.index_template : undefined;
}

async function putTemplate(client: Client, name: string, body: IndexTemplateBody): Promise<InstallStatus> {
  const stored = await storedIndexTemplate(client, name);
  if (stored && canonical(comparable(stored as never)) === canonical(comparable(body))) {
    return 'unchanged';
  }
  await client.indices.putIndexTemplate({ name, ...(body as object) });
  return stored ? 'updated' : 'created';
}

interface ComparableTemplate {
  index_patterns?: string[] | string;
  priority?: number;
  template?: { settings?: object; mappings?: object };
  _meta?: object;
}

/** Elasticsearch stores settings nested with string values: compare them flattened and as strings. */
function comparable(template: ComparableTemplate) {
  return {
    index_patterns: [template.index_patterns ?? []].flat(),
    priority: template.priority,
    settings: flattenSettings(template.template?.settings ?? {}),
    mappings: template.template?.mappings ?? {},
    _meta: template._meta ?? {},
  };
}

function flattenSettings(settings: object, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(settings)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      flattenSettings(value, path, out);
    } else {
      out[path] = String(value);
    }
  }
  return out;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v
  );
}

function isSubset(wanted: unknown, actual: unknown): boolean {
  if (wanted && typeof wanted === 'object' && !Array.isArray(wanted)) {
    return (
      !!actual &&
      typeof actual === 'object' &&
      Object.entries(wanted).every(([key, value]) => isSubset(value, (actual as Record<string, unknown>)[key]))
    );
  }
  return canonical(wanted) === canonical(actual);
}

type MappingProperties = Record<string, { type?: string; properties?: MappingProperties }>;

/** Field path → type ("object" for plain objects), for every field of a mapping. */
function fieldTypes(properties: MappingProperties, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [name, field] of Object.entries(properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.set(path, field.type ?? 'object');
    if (field.properties) {
      fieldTypes(field.properties, path, out);
    }
  }
  return out;
}

export async function findMappingConflicts(client: Client, indexPatterns: string[]): Promise<MappingConflict[]> {
  const ours = fieldTypes(DOCUMENT_MAPPINGS.properties as unknown as MappingProperties);
  const response = await client.indices.getMapping({
    index: indexPatterns,
    allow_no_indices: true,
    ignore_unavailable: true,
    expand_wildcards: ['open', 'closed'],
  });
  const conflicts: MappingConflict[] = [];
  for (const [index, { mappings }] of Object.entries(response).sort(([a], [b]) => a.localeCompare(b))) {
    const theirs = fieldTypes((mappings?.properties ?? {}) as MappingProperties);
    for (const [field, expected] of ours) {
      const existing = theirs.get(field);
      if (existing !== undefined && existing !== expected) {
        conflicts.push({ index, field, existing, expected });
      }
    }
  }
  return conflicts;
}

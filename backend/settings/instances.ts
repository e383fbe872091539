import { parseSettings, type DatasourceSettings } from '../../src/settings/model';
import { onShutdown } from '../handlers/shutdown';
import type { PluginContext } from '../protocol/messages';
import { maskInLogs } from './datasourceSecrets';

/**
 * Per-datasource state, built once per datasource uid and settings version (lastUpdatedMS), the way
 * the Go SDK's instance manager does: settings arrive with every request, so nothing here needs to
 * survive a restart. Clients created for an instance are closed when its settings change.
 */
export interface DatasourceInstance {
  uid: string;
  name: string;
  updated: number;
  settings: DatasourceSettings;
  /** Resources (clients) tied to this settings version; disposed when it is replaced. */
  cache: Map<string, { value: unknown; close?: () => Promise<void> | void }>;
}

export type InstanceLookup = { instance: DatasourceInstance } | { error: string };

interface Entry {
  updated: number;
  lookup: InstanceLookup;
}

const entries = new Map<string, Entry>();

function decodeJsonData(bytes: Uint8Array | undefined): { value: unknown } | { error: string } {
  if (!bytes || bytes.length === 0) {
    return { value: {} };
  }
  try {
    return { value: JSON.parse(Buffer.from(bytes).toString('utf8')) };
  } catch {
    return { error: 'datasource settings: jsonData is not valid JSON; save the datasource settings again' };
  }
}

function build(ctx: PluginContext): InstanceLookup {
  const ds = ctx.dataSourceInstanceSettings!;
  const decoded = decodeJsonData(ds.jsonData);
  if ('error' in decoded) {
    return decoded;
  }
  const parsed = parseSettings(decoded.value, ds.decryptedSecureJsonData ?? {});
  if ('error' in parsed) {
    return parsed;
  }
  const instance: DatasourceInstance = { uid: ds.uid, name: ds.name, updated: ds.lastUpdatedMS, settings: parsed.settings, cache: new Map() };
  maskInLogs(instance);
  return { instance };
}

async function dispose(lookup: InstanceLookup): Promise<void> {
  if ('instance' in lookup) {
    for (const item of lookup.instance.cache.values()) {
      await item.close?.();
    }
    lookup.instance.cache.clear();
  }
}

export function getInstance(ctx: PluginContext | null | undefined): InstanceLookup {
  const ds = ctx?.dataSourceInstanceSettings;
  if (!ctx || !ds) {
    return { error: 'the request carries no datasource settings; this backend serves the Argo Workflows Performance datasource' };
  }
  const key = ds.uid || `id:${ds.id}`;
  const cached = entries.get(key);
  if (cached && cached.updated === ds.lastUpdatedMS) {
    return cached.lookup;
  }
  if (cached) {
    void dispose(cached.lookup);
  }
  const lookup = build(ctx);
  entries.set(key, { updated: ds.lastUpdatedMS, lookup });
  return lookup;
}

/** A value cached on the instance (a client), created on first use. */
export function instanceResource<T>(
  instance: DatasourceInstance,
  key: string,
  create: () => { value: T; close?: () => Promise<void> | void }
): T {
  let item = instance.cache.get(key);
  if (!item) {
    item = create();
    instance.cache.set(key, item);
  }
  return item.value as T;
}

export async function disposeAllInstances(): Promise<void> {
  for (const entry of entries.values()) {
    await dispose(entry.lookup);
  }
  entries.clear();
}

onShutdown(disposeAllInstances);

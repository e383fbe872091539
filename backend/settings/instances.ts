import { parseSettings, type DatasourceSettings } from '../../src/settings/model';
import { onShutdown } from '../handlers/shutdown';
import { logger } from '../log/logger';
import type { PluginContext } from '../protocol/messages';
import { maskInLogs } from './datasourceSecrets';

/**
 * Per-datasource state, built once per datasource uid and settings version (lastUpdatedMS), the way
 * the Go SDK's instance manager does: settings arrive with every request, so nothing here needs to
 * survive a restart. Each request holds its instance (a lease) until it ends; a version replaced by a
 * newer one closes its clients when its last request has finished, at once when it is idle.
 */
export interface DatasourceInstance {
  uid: string;
  name: string;
  updated: number;
  settings: DatasourceSettings;
  /** Resources (clients) tied to this settings version; closed when it is replaced and idle. */
  cache: Map<string, { value: unknown; close?: () => Promise<void> | void }>;
}

export type InstanceLookup = { instance: DatasourceInstance } | { error: string };

/** One settings version of one datasource and the requests holding it. */
interface Version {
  updated: number;
  lookup: InstanceLookup;
  leases: number;
  replaced: boolean;
  closed: boolean;
}

interface Datasource {
  current: Version;
  /** Replaced versions whose requests have not all ended yet. */
  draining: Version[];
}

const datasources = new Map<string, Datasource>();
/** Instances whose clients are closed: nothing may be cached on them any more. */
const closedInstances = new WeakSet<DatasourceInstance>();

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

/** Closes every client of a version, all at once; a client that fails to close is logged, never thrown. */
function close(version: Version): Promise<void> {
  if (version.closed) {
    return Promise.resolve();
  }
  version.closed = true;
  if (!('instance' in version.lookup)) {
    return Promise.resolve();
  }
  const { instance } = version.lookup;
  closedInstances.add(instance);
  const items = [...instance.cache.entries()];
  instance.cache.clear();
  const failed = (key: string) => (error: unknown) =>
    logger.warn('closing a datasource client failed', { datasource: instance.uid, client: key, error: (error as Error)?.message });
  // Each close starts now (not on a later tick), so an idle version's clients are closed when the new one starts.
  const closing = items.map(([key, item]) => {
    try {
      return Promise.resolve(item.close?.()).catch(failed(key));
    } catch (error) {
      failed(key)(error);
      return Promise.resolve();
    }
  });
  return Promise.all(closing).then(() => undefined);
}

function retire(datasource: Datasource, version: Version): void {
  version.replaced = true;
  if (version.leases === 0) {
    void close(version);
  } else {
    datasource.draining.push(version);
  }
}

const keyOf = (ctx: PluginContext) => ctx.dataSourceInstanceSettings!.uid || `id:${ctx.dataSourceInstanceSettings!.id}`;

/** The version a request with these settings uses, created when it is new. */
function versionFor(ctx: PluginContext): Version {
  const key = keyOf(ctx);
  const updated = ctx.dataSourceInstanceSettings!.lastUpdatedMS;
  const known = datasources.get(key);
  if (known && known.current.updated === updated) {
    return known.current;
  }
  const draining = known?.draining.find((version) => version.updated === updated && !version.closed);
  if (draining) {
    return draining;
  }
  const version: Version = { updated, lookup: build(ctx), leases: 0, replaced: false, closed: false };
  if (!known) {
    datasources.set(key, { current: version, draining: [] });
  } else if (updated > known.current.updated) {
    const previous = known.current;
    known.current = version;
    retire(known, previous);
  } else {
    // A request still carrying settings older than the current ones: served by its own version, which
    // ends with its requests, so the current one is not replaced by the older one.
    version.replaced = true;
    known.draining.push(version);
  }
  return version;
}

/** A request's hold on its datasource instance: `lookup` stays usable until `release()`. */
export interface InstanceLease {
  lookup: InstanceLookup;
  release(): void;
}

export function leaseInstance(ctx: PluginContext | null | undefined): InstanceLease {
  if (!ctx || !ctx.dataSourceInstanceSettings) {
    const lookup = { error: 'the request carries no datasource settings; this backend serves the Argo Workflows Performance datasource' };
    return { lookup, release: () => undefined };
  }
  const key = keyOf(ctx);
  const version = versionFor(ctx);
  version.leases++;
  let released = false;
  return {
    lookup: version.lookup,
    release: () => {
      if (released) {
        return;
      }
      released = true;
      version.leases--;
      if (version.replaced && version.leases === 0) {
        const datasource = datasources.get(key);
        if (datasource) {
          datasource.draining = datasource.draining.filter((other) => other !== version);
        }
        void close(version);
      }
    },
  };
}

/**
 * Runs one request with its datasource instance (or the reason there is none), holding the instance
 * until the request has ended. This is how every handler reaches its instance.
 */
export async function withInstance<T>(ctx: PluginContext | null | undefined, handle: (lookup: InstanceLookup) => Promise<T>): Promise<T> {
  const lease = leaseInstance(ctx);
  try {
    return await handle(lease.lookup);
  } finally {
    lease.release();
  }
}

/** A value cached on the instance (a client), created on first use; never on an instance already closed. */
export function instanceResource<T>(
  instance: DatasourceInstance,
  key: string,
  create: () => { value: T; close?: () => Promise<void> | void }
): T {
  if (closedInstances.has(instance)) {
    throw new Error(`datasource ${instance.uid}: its settings were replaced and its clients closed; run the query again`);
  }
  let item = instance.cache.get(key);
  if (!item) {
    item = create();
    instance.cache.set(key, item);
  }
  return item.value as T;
}

/** How many versions are current, draining (replaced, requests still running), for tests and diagnostics. */
export function instanceCounts(): { current: number; draining: number } {
  let draining = 0;
  for (const datasource of datasources.values()) {
    draining += datasource.draining.length;
  }
  return { current: datasources.size, draining };
}

/** Shutdown: closes every version, requests or not (the process is about to exit). */
export async function disposeAllInstances(): Promise<void> {
  const versions = [...datasources.values()].flatMap((datasource) => [datasource.current, ...datasource.draining]);
  datasources.clear();
  await Promise.all(versions.map(close));
}

onShutdown(disposeAllInstances);

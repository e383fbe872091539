import type { PluginContext } from '../protocol/messages';
import { pluginContext } from '../test/pluginContext';
import { disposeAllInstances, instanceCounts, instanceResource, leaseInstance, withInstance, type InstanceLookup } from './instances';

/**
 * Instance lifetime: a request holds its settings version until it ends; a replaced version closes its
 * clients when its last request ends (at once when idle); shutdown closes everything.
 */
const UID = 'lifetime';

function saved(version: number, uid = UID): PluginContext {
  const context = pluginContext({ elasticsearch: { url: 'http://127.0.0.1:9', timeoutSeconds: version } }, {}, uid);
  return { ...context, dataSourceInstanceSettings: { ...context.dataSourceInstanceSettings!, lastUpdatedMS: version } };
}

/** Caches a client on the instance that records when it is closed. */
function client(lookup: InstanceLookup, closed: string[], name: string): void {
  if (!('instance' in lookup)) {
    throw new Error(lookup.error);
  }
  instanceResource(lookup.instance, 'client', () => ({ value: name, close: () => void closed.push(name) }));
}

afterEach(() => disposeAllInstances());

it('closes a replaced version’s clients only when its last request ends', () => {
  const closed: string[] = [];
  const first = leaseInstance(saved(1));
  const second = leaseInstance(saved(1));
  client(first.lookup, closed, 'v1');
  expect(second.lookup).toBe(first.lookup);

  const newer = leaseInstance(saved(2));
  client(newer.lookup, closed, 'v2');
  expect(closed).toEqual([]);
  expect(instanceCounts()).toEqual({ current: 1, draining: 1 });
  first.release();
  first.release(); // releasing twice counts once
  expect(closed).toEqual([]);
  second.release();
  expect(closed).toEqual(['v1']);
  expect(instanceCounts()).toEqual({ current: 1, draining: 0 });
  newer.release();
  expect(closed).toEqual(['v1']);
});

it('closes an idle version at once when the settings change', () => {
  const closed: string[] = [];
  const first = leaseInstance(saved(1));
  client(first.lookup, closed, 'v1');
  first.release();
  expect(closed).toEqual([]);
  leaseInstance(saved(2)).release();
  expect(closed).toEqual(['v1']);
});

it('serves a late request with older settings on its own, without replacing the newer version', () => {
  const closed: string[] = [];
  const newer = leaseInstance(saved(5));
  client(newer.lookup, closed, 'v5');
  const late = leaseInstance(saved(4));
  const lateToo = leaseInstance(saved(4));
  expect(late.lookup).not.toBe(newer.lookup);
  expect(lateToo.lookup).toBe(late.lookup);
  client(late.lookup, closed, 'v4');
  late.release();
  lateToo.release();
  expect(closed).toEqual(['v4']);
  newer.release();
  expect(leaseInstance(saved(5)).lookup).toBe(newer.lookup);
  expect(closed).toEqual(['v4']);
});

it('holds the instance for the whole request, also when the request fails', async () => {
  const closed: string[] = [];
  let release!: () => void;
  const running = withInstance(saved(1), async (lookup) => {
    client(lookup, closed, 'v1');
    await new Promise<void>((resolve) => (release = resolve));
    throw new Error('the query failed');
  });
  await withInstance(saved(2), async () => undefined);
  expect(closed).toEqual([]);
  release();
  await expect(running).rejects.toThrow('the query failed');
  expect(closed).toEqual(['v1']);
});

it('refuses to cache a new client on a closed instance (it would never be closed)', () => {
  const first = leaseInstance(saved(1));
  first.release();
  leaseInstance(saved(2)).release();
  expect(() => client(first.lookup, [], 'late')).toThrow(/its settings were replaced and its clients closed/);
});

it('logs a client that fails to close and still closes the others', async () => {
  const closed: string[] = [];
  const first = leaseInstance(saved(1));
  if (!('instance' in first.lookup)) {
    throw new Error(first.lookup.error);
  }
  instanceResource(first.lookup.instance, 'broken', () => ({
    value: 0,
    close: () => {
      throw new Error('socket already gone');
    },
  }));
  instanceResource(first.lookup.instance, 'rejecting', () => ({ value: 0, close: () => Promise.reject(new Error('nope')) }));
  client(first.lookup, closed, 'v1');
  first.release();
  expect(() => leaseInstance(saved(2)).release()).not.toThrow();
  expect(closed).toEqual(['v1']);
  await new Promise((resolve) => setImmediate(resolve));
});

it('closes every version at shutdown, held or not, and keeps datasources apart', async () => {
  const closed: string[] = [];
  const held = leaseInstance(saved(1));
  client(held.lookup, closed, 'a1');
  client(leaseInstance(saved(1, 'other')).lookup, closed, 'b1');
  const draining = leaseInstance(saved(2));
  client(draining.lookup, closed, 'a2');
  leaseInstance(saved(3));
  await disposeAllInstances();
  expect(closed.sort()).toEqual(['a1', 'a2', 'b1']);
  expect(instanceCounts()).toEqual({ current: 0, draining: 0 });
});

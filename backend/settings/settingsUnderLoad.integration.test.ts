import { Client } from '@elastic/elasticsearch';

import { ArgoClient } from '../argo/client/argoClient';
import { callResource } from '../handlers/callResource';
import { checkHealth } from '../handlers/checkHealth';
import { queryData } from '../handlers/queryData';
import { HealthStatus, type PluginContext } from '../protocol/messages';
import { startArgoServer, type ArgoServerHandle } from '../test/argoServer/startArgoServer';
import { elasticsearchUrl, withHistoryIndex } from '../test/elasticsearch';
import { generateHistory } from '../test/history';
import { dataQuery, pluginContext } from '../test/pluginContext';
import { disposeAllInstances, instanceCounts } from './instances';

/**
 * "Save" in the datasource settings while dashboards are loading: the settings version (lastUpdatedMS)
 * changes again and again under many concurrent queries against the real Elasticsearch node and the Argo
 * double. No query may fail, and every replaced version's clients must be closed once its last request
 * ends: counted on the clients' own close methods, and compared with the number of versions sent.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TO = Date.UTC(2026, 0, 15, 12);
const FROM = TO - 2 * DAY;
const index = `argoperf-settings-load-${Date.now()}`;
const VERSIONS = 8;
const REQUESTS_PER_VERSION = 6;
const UID = 'settings-under-load';

let argo: ArgoServerHandle;

withHistoryIndex(index, () => generateHistory(FROM, TO));

beforeAll(async () => {
  argo = await startArgoServer({ history: { seed: 5, workflows: 60, days: 3, endMs: TO } });
  // Every Argo answer takes a while, so requests of one version are still in flight when the next arrives.
  argo.setFaults({ kind: 'delay', ms: 60 });
});

afterAll(async () => {
  await argo.close();
});

/** The datasource as saved for the `version`th time: a setting really changes with every save. */
function savedAs(version: number): PluginContext {
  const context = pluginContext(
    {
      elasticsearch: { url: elasticsearchUrl(), index, timeoutSeconds: 20 + version },
      argo: { url: argo.url, timeoutSeconds: 20 + version },
    },
    {},
    UID
  );
  return { ...context, dataSourceInstanceSettings: { ...context.dataSourceInstanceSettings!, lastUpdatedMS: 1_000 * version } };
}

const range = { fromEpochMS: FROM, toEpochMS: TO };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One dashboard refresh: Elasticsearch and Argo queries in one QueryData, plus a variable's values from Argo. */
async function refresh(version: number): Promise<string[]> {
  const signal = new AbortController().signal;
  const [data, values] = await Promise.all([
    queryData(
      {
        pluginContext: savedAs(version),
        headers: {},
        queries: [
          dataQuery('es', { queryType: 'durations', groupBy: ['workflow'], stats: ['p50', 'count'] }, range),
          dataQuery('esRuns', { queryType: 'runs', limit: 20 }, range),
          dataQuery('argo', { queryType: 'durations', source: 'argo', groupBy: ['namespace'], stats: ['count'] }, range),
        ],
      },
      signal
    ),
    callResource(
      { pluginContext: savedAs(version), path: 'namespaces', method: 'GET', url: `namespaces?source=argo&from=${FROM}&to=${TO}`, headers: {}, body: new Uint8Array() },
      signal
    ),
  ]);
  const failures = Object.entries(data.responses)
    .filter(([, answer]) => answer.error)
    .map(([refId, answer]) => `v${version} ${refId}: ${answer.error}`);
  if (values.code !== 200) {
    failures.push(`v${version} namespaces: ${values.code} ${Buffer.from(values.body).toString()}`);
  }
  return failures;
}

it('answers every query while the settings change, and closes each replaced version’s clients once', async () => {
  const esClose = jest.spyOn(Client.prototype, 'close');
  const argoClose = jest.spyOn(ArgoClient.prototype, 'close');
  const inFlight: Array<Promise<string[]>> = [];
  for (let version = 1; version <= VERSIONS; version++) {
    // "Save & test": the new version's health check runs beside the dashboards' queries.
    inFlight.push(
      checkHealth({ pluginContext: savedAs(version), headers: {} }, new AbortController().signal).then((health) =>
        health.status === HealthStatus.OK ? [] : [`v${version} health: ${health.message}`]
      )
    );
    for (let i = 0; i < REQUESTS_PER_VERSION; i++) {
      inFlight.push(refresh(version));
    }
    await sleep(40);
  }
  const failures = (await Promise.all(inFlight)).flat();
  expect(failures).toEqual([]);
  expect(instanceCounts()).toEqual({ current: 1, draining: 0 });

  // Every version but the current one was replaced; its two clients (one per service) are closed, once each.
  expect(new Set(esClose.mock.contexts).size).toBe(VERSIONS - 1);
  expect(esClose).toHaveBeenCalledTimes(VERSIONS - 1);
  expect(new Set(argoClose.mock.contexts).size).toBe(VERSIONS - 1);
  expect(argoClose).toHaveBeenCalledTimes(VERSIONS - 1);

  // The current version is idle: a new save closes its clients at once, before any request of the new one ends.
  const next = refresh(VERSIONS + 1);
  expect(esClose).toHaveBeenCalledTimes(VERSIONS);
  expect(argoClose).toHaveBeenCalledTimes(VERSIONS);
  expect(await next).toEqual([]);

  // Shutdown closes the last one: nothing is leaked.
  await disposeAllInstances();
  expect(new Set(esClose.mock.contexts).size).toBe(VERSIONS + 1);
  expect(new Set(argoClose.mock.contexts).size).toBe(VERSIONS + 1);
  esClose.mockRestore();
  argoClose.mockRestore();
});

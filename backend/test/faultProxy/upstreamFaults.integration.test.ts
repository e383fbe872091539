import type { Client } from '@elastic/elasticsearch';

import type { DataResponse, PluginContext, QueryDataRequest } from '../../protocol/messages';
import { startArgoServer, type ArgoServerHandle } from '../argoServer/startArgoServer';
import { createHistoryIndex, elasticsearchUrl } from '../elasticsearch';
import { generateHistory } from '../history';
import { pluginContext } from '../pluginContext';
import { startPlugin, type PluginProcess } from '../pluginProcess';
import { ELASTICSEARCH_INTERNALS } from './faultAnswers';
import { startFaultProxy, type FaultProxy, type ProxyFault } from './faultProxy';

/**
 * Mixed panels through the fault proxy: some refIds read Elasticsearch, some the Argo Server, and one
 * of the two fails in each of the ways a network or server fails. Every refId of the failing upstream
 * must report it, clearly, within the datasource timeout plus a margin; every other refId must still
 * answer; and once the fault is gone the very next query must succeed again.
 */
const TIMEOUT_SECONDS = 2;
/** The machine runs Elasticsearch, the double and the backend on 2 shared cores: a generous margin. */
const MARGIN_MS = 2500;
/** A whole panel (six queries) once the fault is gone: about a second, here with the same margin. */
const RECOVERY_MS = 1000 + MARGIN_MS;
const END_MS = Date.parse('2026-01-15T12:00:00Z');
const DAY = 86_400_000;
const INDEX = `argoperf-faults-${process.pid}`;

const ES_PANELS: Record<string, object> = {
  'es-durations': { queryType: 'durations', groupBy: ['workflow'], stats: ['p50', 'p95'] },
  'es-outcomes': { queryType: 'outcomes', groupBy: ['workflow'] },
};
const ARGO_PANELS: Record<string, object> = {
  'argo-cronDrift': { queryType: 'cronDrift', view: 'runs' },
  'argo-live': { queryType: 'live' },
  'argo-durations': { queryType: 'durations', source: 'argo', groupBy: ['workflow'] },
  'argo-runs': { queryType: 'runs', source: 'argo', limit: 20 },
};

/** Each fault, and the words its message must use (besides the service's name). */
const FAULTS: Array<{ fault: ProxyFault; says: RegExp }> = [
  { fault: { kind: 'refuse' }, says: /refused/i },
  { fault: { kind: 'reset' }, says: /closed the connection|reset/i },
  { fault: { kind: 'stall' }, says: new RegExp(`did not answer within ${TIMEOUT_SECONDS} s`) },
  { fault: { kind: 'drip', bytes: 8, everyMs: 250 }, says: new RegExp(`did not answer within ${TIMEOUT_SECONDS} s`) },
  { fault: { kind: 'truncate' }, says: /closed the connection|incomplete|truncated|cut short|ended/i },
  { fault: { kind: 'garbage' }, says: /not HTTP|HTTP\/1\.1 protocol|invalid|malformed|parse/i },
  { fault: { kind: 'status', status: 503 }, says: /503|unavailable/i },
];

function request(context: PluginContext): QueryDataRequest {
  const queries = Object.entries({ ...ES_PANELS, ...ARGO_PANELS }).map(([refId, json]) => ({
    refId,
    queryType: '',
    maxDataPoints: 500,
    intervalMS: 3_600_000,
    timeRange: { fromEpochMS: END_MS - 2 * DAY, toEpochMS: END_MS },
    json: Buffer.from(JSON.stringify(json)),
  }));
  return { pluginContext: context, headers: {}, queries } as unknown as QueryDataRequest;
}

describe('upstream faults through the fault proxy', () => {
  let es: Client;
  let argo: ArgoServerHandle;
  let proxies: Record<'Elasticsearch' | 'Argo Server', FaultProxy>;
  let plugin: PluginProcess;
  let context: PluginContext;

  beforeAll(async () => {
    es = await createHistoryIndex(INDEX, generateHistory(END_MS - 14 * DAY, END_MS, 11));
    argo = await startArgoServer({ history: { seed: 9, workflows: 40, days: 3, endMs: END_MS } });
    const esUrl = new URL(elasticsearchUrl());
    const argoUrl = new URL(argo.url);
    proxies = {
      Elasticsearch: await startFaultProxy({ host: esUrl.hostname, port: Number(esUrl.port) }),
      'Argo Server': await startFaultProxy({ host: argoUrl.hostname, port: Number(argoUrl.port) }),
    };
    plugin = await startPlugin({ ARGOPERF_LOG_LEVEL: 'error' });
    context = pluginContext({
      elasticsearch: { url: proxies.Elasticsearch.url(), index: INDEX, timeoutSeconds: TIMEOUT_SECONDS },
      argo: { url: proxies['Argo Server'].url(), timeoutSeconds: TIMEOUT_SECONDS },
    });
  }, 120_000);

  afterAll(async () => {
    await plugin?.stop();
    await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
    await argo?.close();
    await es?.indices.delete({ index: INDEX });
    await es?.close();
  });

  /** The panel's answers; none (and a problem) when the backend has not answered within 30 s. */
  const ask = async (problems: string[], name: string) => {
    const started = performance.now();
    try {
      const { entries } = await plugin.queryData(request(context), 30_000);
      return { answers: new Map<string, DataResponse>(entries), ms: performance.now() - started };
    } catch (error) {
      problems.push(`${name}: no answer (${(error as Error).message.split(',')[0]})`);
      return { answers: new Map<string, DataResponse>(), ms: performance.now() - started };
    }
  };
  const failed = (answers: Map<string, DataResponse>, refIds: string[]) =>
    refIds
      .filter((refId) => answers.get(refId)?.status !== 200 || answers.get(refId)?.error)
      .map((refId) => `${refId}: ${answers.get(refId)?.status} ${answers.get(refId)?.error ?? 'no answer'}`);

  it('answers every panel while both upstreams work', async () => {
    const problems: string[] = [];
    const { answers } = await ask(problems, 'no fault');
    expect([...problems, ...failed(answers, [...Object.keys(ES_PANELS), ...Object.keys(ARGO_PANELS)])]).toEqual([]);
  });

  it.each(['Elasticsearch', 'Argo Server'] as const)(
    'reports each fault of %s on its own refIds, in time, and recovers on the next query',
    async (service) => {
      const [faulty, healthy] = service === 'Elasticsearch' ? [ES_PANELS, ARGO_PANELS] : [ARGO_PANELS, ES_PANELS];
      const problems: string[] = [];
      for (const { fault, says } of FAULTS) {
        await proxies[service].setFault(fault);
        const name = `${service} ${fault.kind}`;
        const { answers, ms } = await ask(problems, name);
        if (ms > TIMEOUT_SECONDS * 1000 + MARGIN_MS) {
          problems.push(
            `${name}: answered after ${Math.round(ms)} ms, more than the ${TIMEOUT_SECONDS} s timeout + ${MARGIN_MS} ms`
          );
        }
        for (const refId of Object.keys(faulty)) {
          const answer = answers.get(refId);
          const message = answer?.error ?? '';
          const clear = message.includes(service) && says.test(message) && message.length <= 1000;
          const leaks = ELASTICSEARCH_INTERNALS.filter((internal) => message.includes(internal));
          if (!answer || !(answer.status! >= 500) || answer.errorSource !== 'downstream' || !clear || leaks.length) {
            problems.push(
              `${name}: ${refId} answered ${answer?.status} ${answer?.errorSource} "${message}"${leaks.length ? ` (shows ${leaks.join(', ')})` : ''}`
            );
          }
        }
        problems.push(
          ...failed(answers, Object.keys(healthy)).map((problem) => `${name}: the other service's ${problem}`)
        );
        await proxies[service].setFault({ kind: 'none' });
        const recovery = await ask(problems, `${name} (after removal)`);
        problems.push(
          ...failed(recovery.answers, [...Object.keys(faulty), ...Object.keys(healthy)]).map(
            (problem) => `${name}: after recovery ${problem}`
          )
        );
        if (recovery.ms > RECOVERY_MS) {
          problems.push(`${name}: the first query after the fault was removed took ${Math.round(recovery.ms)} ms`);
        }
        process.stdout.write(
          `${name.padEnd(24)} fault answered in ${String(Math.round(ms)).padStart(5)} ms, first query after removal in ${String(Math.round(recovery.ms)).padStart(5)} ms\n`
        );
      }
      expect(problems).toEqual([]);
    },
    5 * 60_000
  );
});

import type { CallResourceRequest, CheckHealthRequest, PluginContext, QueryDataRequest } from '../../protocol/messages';
import type { PluginProcess } from '../pluginProcess';
import {
  checkDataResponse,
  checkHealthAnswer,
  checkHugeSettings,
  checkRefIds,
  checkResourceAnswer,
  withHugeSettingsCause,
  type Violation,
} from './oracle';
import { payloadBuffer } from './queryPayloads';
import type { QueryDataCase } from './queryCases';
import type { CallResourceCase, CheckHealthCase } from './resourceCases';
import { namesOnlyHealthyUpstreams, type SettingsCase } from './settingsCases';

/**
 * Turns a generated case into the gRPC request Grafana would send (placeholders replaced by the
 * environment's addresses), sends it to the backend and applies the oracle to the answer.
 */
export type FuzzCase =
  | { service: 'QueryData'; request: QueryDataCase }
  | { service: 'CallResource'; request: CallResourceCase }
  | { service: 'CheckHealth'; request: CheckHealthCase };

export interface Lane {
  /** The datasource uid this lane uses for settings of its own (never two cases at once). */
  uid: string;
}

/** Requests larger than this are not sent: Grafana itself sends at most 16 MiB, as the backend accepts. */
export const MAX_REQUEST_BYTES = 15 * 1024 * 1024;

let settingsVersion = 1;

function substitute(text: string, substitutions: Record<string, string>): string {
  return text.replace(/\$(ES|ARGO|ECHO|CLOSED|INDEX)\b/g, (placeholder) => substitutions[placeholder] ?? placeholder);
}

function substituteDeep(value: unknown, substitutions: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return substitute(value, substitutions);
  }
  if (Array.isArray(value)) {
    return value.map((item) => substituteDeep(item, substitutions));
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: substituteDeep(item, substitutions),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

export function pluginContextFor(
  settings: SettingsCase,
  lane: Lane,
  substitutions: Record<string, string>
): PluginContext {
  const jsonData =
    'raw' in settings.jsonData
      ? Buffer.from(substitute(settings.jsonData.raw, substitutions), 'latin1')
      : Buffer.from(JSON.stringify(substituteDeep(settings.jsonData.value, substitutions)) ?? '');
  return {
    orgId: 1,
    pluginId: 'argoperf-workflows-datasource',
    user: { login: 'admin', name: 'Admin', email: 'admin@example.com', role: 'Admin' },
    dataSourceInstanceSettings: {
      id: 1,
      name: 'fuzz',
      url: '',
      // Settings of a case are a datasource saved anew (a new version), as Grafana would send them.
      uid: settings.standard ? 'fuzz-standard' : lane.uid,
      jsonData,
      decryptedSecureJsonData: settings.secure,
      lastUpdatedMS: settings.standard ? 1 : ++settingsVersion,
    },
    grafanaConfig: {},
    pluginVersion: '1.0.0',
    userAgent: 'argoperf-fuzz',
  } as PluginContext;
}

export function requestBytes(fuzzCase: FuzzCase): number {
  const settings = JSON.stringify(fuzzCase.request.settings).length;
  if (fuzzCase.service === 'QueryData') {
    return (
      settings +
      fuzzCase.request.queries.reduce((sum, q) => sum + payloadBuffer(q.payload).length + q.refId.length * 3, 0)
    );
  }
  if (fuzzCase.service === 'CallResource') {
    return settings + (fuzzCase.request.url.length + fuzzCase.request.path.length) * 3;
  }
  return settings;
}

/**
 * A settings save while queries run, as Grafana sends it: the next request carries the same uid with a
 * new version (here a QueryData without queries, 5 ms later). The queries already running must not fail.
 */
async function saveAgainSoon(
  plugin: PluginProcess,
  settings: SettingsCase,
  lane: Lane,
  substitutions: Record<string, string>,
  deadlineMs: number
): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const save = {
    pluginContext: pluginContextFor(settings, lane, substitutions),
    headers: {},
    queries: [],
  } as unknown as QueryDataRequest;
  await plugin.queryData(save, deadlineMs);
}

function grpcViolation(error: unknown): Violation {
  const { code, details, message } = error as { code?: number; details?: string; message?: string };
  // 4 = DEADLINE_EXCEEDED: the backend did not answer in time.
  return code === 4
    ? { rule: 'hang', detail: 'no answer before the deadline' }
    : { rule: 'grpc-error', detail: `code ${code}: ${details ?? message}` };
}

export async function runCase(
  plugin: PluginProcess,
  fuzzCase: FuzzCase,
  lane: Lane,
  substitutions: Record<string, string>,
  deadlineMs: number
): Promise<Violation[]> {
  // A datasource saved during the case is the lane's own (the standard one is shared by all lanes).
  const saved = fuzzCase.service === 'QueryData' && fuzzCase.request.savedWhileRunning;
  const settings = saved ? { ...fuzzCase.request.settings, standard: false } : fuzzCase.request.settings;
  const healthyUpstreams = namesOnlyHealthyUpstreams(settings);
  const pluginContext = pluginContextFor(settings, lane, substitutions);
  try {
    if (fuzzCase.service === 'QueryData') {
      const { queries, headers } = fuzzCase.request;
      const request = {
        pluginContext,
        headers,
        queries: queries.map((q) => ({
          refId: q.refId,
          queryType: q.queryType,
          json: payloadBuffer(q.payload),
          timeRange: q.timeRange,
          intervalMS: q.intervalMS,
          maxDataPoints: q.maxDataPoints,
        })),
      } as unknown as QueryDataRequest;
      const answer = plugin.queryData(request, deadlineMs);
      // Observed now: should the save below fail (the backend died), this answer's failure must not go unhandled.
      answer.catch(() => undefined);
      if (saved) {
        await saveAgainSoon(plugin, settings, lane, substitutions, deadlineMs);
      }
      const { entries } = await answer;
      const found = checkRefIds(
        queries.map((q) => q.refId),
        entries.map(([key]) => key)
      );
      for (const [refId, response] of entries) {
        const asked = queries.filter((q) => q.refId === refId);
        const huge =
          asked.length > 0 && asked.every((q) => q.hugeAtKnownField.length > 0) ? asked[0].hugeAtKnownField : [];
        found.push(...checkDataResponse(response, { healthyUpstreams, hugeAtKnownField: huge }, refId));
      }
      const outcomes = entries.map(([refId, response]) => ({ refId, status: response.status ?? 0 }));
      return withHugeSettingsCause(found, checkHugeSettings(settings.hugeAtKnownField, outcomes));
    }
    if (fuzzCase.service === 'CallResource') {
      const { path, method, url, body } = fuzzCase.request;
      const request = {
        pluginContext,
        path,
        method,
        url,
        headers: {},
        body: Buffer.from(body),
      } as unknown as CallResourceRequest;
      const messages = await plugin.callResource(request, deadlineMs);
      const outcomes = messages.slice(0, 1).map((message) => ({ status: message.code }));
      return withHugeSettingsCause(
        checkResourceAnswer(messages, { healthyUpstreams }),
        checkHugeSettings(settings.hugeAtKnownField, outcomes)
      );
    }
    const request = { pluginContext, headers: {} } as unknown as CheckHealthRequest;
    const health = await plugin.checkHealth(request, deadlineMs);
    // A refused datasource is a health check with status ERROR (2): counted as a 400 here.
    const outcomes = [{ status: Number(health.status) === 2 ? 400 : 200 }];
    return withHugeSettingsCause(
      checkHealthAnswer(health, { healthyUpstreams, standard: fuzzCase.request.settings.standard }),
      checkHugeSettings(settings.hugeAtKnownField, outcomes)
    );
  } catch (error) {
    return [grpcViolation(error)];
  }
}

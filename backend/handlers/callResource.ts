import { GROUP_KEYS, groupKeyProblem, NODE_ONLY_GROUP_KEYS, type GroupKey, type PlainGroupKey } from '../../src/query/groupBy';
import { inputMessages } from '../../src/query/inputMessages';
import type { Level } from '../../src/query/model';
import { readResourceParams, type ResourceParams } from '../../src/query/resourceParams';
import { quoteValue } from '../../src/query/validationMessage';
import type { ValuesRequest } from '../elasticsearch/fieldValues';
import { logger } from '../log/logger';
import { resourceLabel } from '../metrics/metricLabels';
import { observe, secondsSince } from '../metrics/pluginMetrics';
import type { CallResourceRequest, CallResourceResponse } from '../protocol/messages';
import { notConfigured } from '../errors/notConfigured';
import { QueryError } from '../errors/queryError';
import { restrictNamespaces } from '../queries/namespaceAccess';
import { withInstance, type DatasourceInstance, type InstanceLookup } from '../settings/instances';
import { maskResourceResponse, outputMasker } from './outputMasking';

/**
 * Resource.CallResource: lists for template variables, editor pickers and ad hoc filters.
 * GET namespaces|workflows|templates|tasks|crons[?namespace=a&namespace=b&from=ms&to=ms&level=node],
 * GET labels (label keys), GET values?key=<group key, e.g. phase or label:team> (its values),
 * GET keys (every key ad hoc filters can use), GET runs[?workflow=w] (run names, newest first). Each answers {"values": [...]};
 * GET template answers {"template": {installed, current, name, documentModelVersion, message}}; anything else is 404.
 * One response message, as Grafana reads only the first message's status and headers.
 */
const VALUE_LISTS: Record<string, { key: PlainGroupKey; level: Level }> = {
  namespaces: { key: 'namespace', level: 'workflow' },
  workflows: { key: 'workflow', level: 'workflow' },
  templates: { key: 'template', level: 'workflow' },
  tasks: { key: 'task', level: 'node' },
  crons: { key: 'cron', level: 'workflow' },
};
const OTHER_LISTS = ['labels', 'values', 'keys', 'runs', 'template'];
/** Most run names listed: a run variable wants the recent ones. */
const RUN_NAMES = 100;

function json(code: number, body: unknown): CallResourceResponse {
  return {
    code,
    headers: { 'Content-Type': { values: ['application/json'] } },
    body: Buffer.from(JSON.stringify(body)),
  };
}

/** The query parameters of the resource URL; a URL that cannot be parsed is the caller's mistake. */
function searchParams(url: string, path: string): ResourceParams {
  let search: URLSearchParams;
  try {
    search = new URL(url || path, 'http://resource/').searchParams;
  } catch {
    throw new QueryError(`url: ${inputMessages.notUrl(url)}`);
  }
  const read = readResourceParams(search);
  if ('error' in read) {
    throw new QueryError(read.error);
  }
  return read.params;
}

export async function callResource(request: CallResourceRequest, signal: AbortSignal): Promise<CallResourceResponse> {
  const started = performance.now();
  const response = await answerResource(request, signal);
  const path = request.path.replace(/^\/+|\/+$/g, '');
  // 502/503/504 are Elasticsearch or the Argo Server failing; other 4xx/5xx the request or this backend.
  const failed = [502, 503, 504].includes(response.code) ? 'downstream' : response.code >= 400 ? 'plugin' : undefined;
  observe('resources', resourceLabel(path, [...Object.keys(VALUE_LISTS), ...OTHER_LISTS]), secondsSince(started), failed);
  return maskResourceResponse(response, outputMasker(request.pluginContext));
}

async function answerResource(request: CallResourceRequest, signal: AbortSignal): Promise<CallResourceResponse> {
  const path = request.path.replace(/^\/+|\/+$/g, '');
  const list = VALUE_LISTS[path];
  if (!list && !OTHER_LISTS.includes(path)) {
    return json(404, {
      error: `no resource ${quoteValue(path)}; available: ${[...Object.keys(VALUE_LISTS), ...OTHER_LISTS].join(', ')}`,
    });
  }
  if (request.method !== 'GET') {
    return json(405, { error: `${path} answers GET only` });
  }
  return withInstance(request.pluginContext, (lookup) => answerList(request, path, lookup, signal));
}

async function answerList(request: CallResourceRequest, path: string, lookup: InstanceLookup, signal: AbortSignal): Promise<CallResourceResponse> {
  if ('error' in lookup) {
    return json(400, { error: lookup.error });
  }
  try {
    if (path === 'template') {
      return json(200, { template: await answerTemplate(lookup.instance, signal) });
    }
    const values = await listValues(lookup.instance, path, searchParams(request.url, path), signal);
    return json(200, { values });
  } catch (error) {
    if (error instanceof QueryError) {
      return json(error.status, { error: error.message });
    }
    logger.error('resource call failed', { path, error: (error as Error)?.message });
    return json(500, { error: (error as Error)?.message ?? 'internal error' });
  }
}

/** Whether our index template applies to the datasource's indices (the app's Home page asks). */
async function answerTemplate(instance: DatasourceInstance, signal: AbortSignal) {
  if (!instance.settings.elasticsearch) {
    throw notConfigured('path', 'template reads', 'elasticsearch');
  }
  const { templateStatus } = await import('../elasticsearch/templateStatus');
  return templateStatus(instance, signal);
}

async function listValues(
  instance: DatasourceInstance,
  path: string,
  params: ResourceParams,
  signal: AbortSignal
): Promise<string[]> {
  const list = VALUE_LISTS[path];
  const level: Level = params.level ?? list?.level ?? 'workflow';
  const filters = restrictNamespaces({ namespaces: params.namespaces }, instance.settings.namespaces);
  const scope: Omit<ValuesRequest, 'key'> = {
    level,
    namespaces: filters.namespaces,
    fromMs: params.fromMs,
    toMs: params.toMs,
    size: 1000,
  };
  const fromArgo = params.source === 'argo' || !instance.settings.elasticsearch;
  if (fromArgo && !instance.settings.argo) {
    throw notConfigured('source', 'lists with source=argo need', 'argo', 'leave out source=argo to list from Elasticsearch');
  }
  if (path === 'runs') {
    const request = { namespaces: filters.namespaces ?? [], workflows: params.workflows, fromMs: params.fromMs, toMs: params.toMs, size: RUN_NAMES };
    if (fromArgo) {
      // The Argo Server's list has no step counts (nodes are fetched per run): newest first there.
      const { argoRunNames } = await import('../argo/history/argoValues');
      return argoRunNames(instance, { ...request, signal });
    }
    const { runNames } = await import('../elasticsearch/runNames');
    return runNames(instance, { ...request, bySteps: params.level === 'node' }, signal);
  }
  if (path === 'labels' || path === 'keys') {
    return fromArgo ? listArgoKeys(instance, path, scope, signal) : listKeys(instance, path, scope, signal);
  }
  const key = list?.key ?? params.key ?? '';
  const problem = groupKeyProblem(key);
  if (problem) {
    throw new QueryError(`key: ${problem}`);
  }
  if (key === 'namespace' && instance.settings.namespaces?.length) {
    // The allow-list is the answer: no need to ask Elasticsearch or the Argo Server, and nothing else may be listed.
    return [...instance.settings.namespaces].sort((a, b) => a.localeCompare(b));
  }
  if (fromArgo && NODE_ONLY_GROUP_KEYS.includes(key) && !instance.settings.elasticsearch) {
    throw notConfigured('key', `${key} values (every run's steps) come from`, 'elasticsearch');
  }
  if (fromArgo) {
    const { argoValues } = await import('../argo/history/argoValues');
    return argoValues(instance, { ...argoRequest(scope, signal), key: key as GroupKey });
  }
  const { fieldValues } = await import('../elasticsearch/fieldValues');
  return fieldValues(instance, { ...scope, key: key as GroupKey }, signal);
}

/** Label keys (labels), or every key ad hoc filters can use (keys), from Elasticsearch. */
async function listKeys(
  instance: DatasourceInstance,
  path: 'labels' | 'keys',
  scope: Omit<ValuesRequest, 'key'>,
  signal: AbortSignal
): Promise<string[]> {
  const { labelKeys } = await import('../elasticsearch/fieldValues');
  const { keywordFields } = await import('../elasticsearch/searchElasticsearch');
  const labels = await labelKeys(instance, scope, signal, () => keywordFields(instance, signal));
  if (path === 'labels') {
    return labels;
  }
  return [
    ...GROUP_KEYS.filter((key) => scope.level === 'node' || !NODE_ONLY_GROUP_KEYS.includes(key)),
    ...labels.map((key) => `label:${key}`),
  ];
}

/** The same keys read from the Argo Server (no Elasticsearch, or ?source=argo). */
async function listArgoKeys(
  instance: DatasourceInstance,
  path: 'labels' | 'keys',
  scope: Omit<ValuesRequest, 'key'>,
  signal: AbortSignal
): Promise<string[]> {
  const { argoValues } = await import('../argo/history/argoValues');
  const labels = await argoValues(instance, { ...argoRequest(scope, signal), key: 'labels' });
  return path === 'labels' ? labels : [...ARGO_KEYS, ...labels.map((key) => `label:${key}`)];
}

function argoRequest(scope: Omit<ValuesRequest, 'key'>, signal: AbortSignal) {
  return { namespaces: scope.namespaces ?? [], fromMs: scope.fromMs, toMs: scope.toMs, signal };
}

/** Keys whose values the Argo Server's run list carries (steps need Elasticsearch). */
const ARGO_KEYS = GROUP_KEYS.filter((key) => !NODE_ONLY_GROUP_KEYS.includes(key));

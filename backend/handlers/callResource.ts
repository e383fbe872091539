import type { PlainGroupKey } from '../../src/query/groupBy';
import type { Level } from '../../src/query/model';
import { logger } from '../log/logger';
import type { CallResourceRequest, CallResourceResponse } from '../protocol/messages';
import { QueryError, restrictNamespaces } from '../queries/namespaceAccess';
import { getInstance } from '../settings/instances';

/**
 * Resource.CallResource: lists for template variables and editor pickers.
 * GET namespaces|workflows|templates|tasks|crons[?namespace=a&namespace=b&from=ms&to=ms&level=node]
 * answers {"values": [...]}; anything else is 404. One response message, as Grafana reads only the first
 * message's status and headers.
 */
const VALUE_LISTS: Record<string, { key: PlainGroupKey; level: Level }> = {
  namespaces: { key: 'namespace', level: 'workflow' },
  workflows: { key: 'workflow', level: 'workflow' },
  templates: { key: 'template', level: 'workflow' },
  tasks: { key: 'task', level: 'node' },
  crons: { key: 'cron', level: 'workflow' },
};

function json(code: number, body: unknown): CallResourceResponse {
  return {
    code,
    headers: { 'Content-Type': { values: ['application/json'] } },
    body: Buffer.from(JSON.stringify(body)),
  };
}

function numberParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value === '') {
    return undefined;
  }
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new QueryError(`${name}: "${value}" is not a number of epoch milliseconds`);
  }
  return number;
}

export async function callResource(request: CallResourceRequest, signal: AbortSignal): Promise<CallResourceResponse> {
  const path = request.path.replace(/^\/+|\/+$/g, '');
  const list = VALUE_LISTS[path];
  if (!list) {
    return json(404, { error: `no resource "${path}"; available: ${Object.keys(VALUE_LISTS).join(', ')}` });
  }
  if (request.method !== 'GET') {
    return json(405, { error: `${path} answers GET only` });
  }
  const lookup = getInstance(request.pluginContext);
  if ('error' in lookup) {
    return json(400, { error: lookup.error });
  }
  try {
    const params = new URL(request.url || path, 'http://resource/').searchParams;
    const level = params.get('level') === 'node' ? 'node' : list.level;
    const filters = restrictNamespaces({ namespaces: params.getAll('namespace').filter(Boolean) }, lookup.instance.settings.namespaces);
    const { fieldValues } = await import('../elasticsearch/fieldValues');
    const values = await fieldValues(
      lookup.instance,
      { key: list.key, level, namespaces: filters.namespaces, fromMs: numberParam(params, 'from'), toMs: numberParam(params, 'to'), size: 1000 },
      signal
    );
    return json(200, { values });
  } catch (error) {
    if (error instanceof QueryError) {
      return json(error.status, { error: error.message });
    }
    logger.error('resource call failed', { path, error: (error as Error)?.message });
    return json(500, { error: (error as Error)?.message ?? 'internal error' });
  }
}

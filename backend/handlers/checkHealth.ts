import { checkArgo, type ServiceHealth } from '../argo/checkArgo';
import { checkElasticsearch } from '../elasticsearch/checkElasticsearch';
import { logger } from '../log/logger';
import { HealthStatus, type CheckHealthRequest, type CheckHealthResponse } from '../protocol/messages';
import { withInstance, type InstanceLookup } from '../settings/instances';
import { maskHealth, outputMasker } from './outputMasking';

/**
 * Diagnostics.CheckHealth ("Save & test"): validates the settings, then checks each configured
 * service. Every failure is one plain sentence; details per service go to jsonDetails.
 */
export async function checkHealth(request: CheckHealthRequest, signal: AbortSignal): Promise<CheckHealthResponse> {
  const mask = outputMasker(request.pluginContext);
  return maskHealth(await withInstance(request.pluginContext, (lookup) => checkServices(lookup, signal)), mask);
}

async function checkServices(lookup: InstanceLookup, signal: AbortSignal): Promise<CheckHealthResponse> {
  if ('error' in lookup) {
    return { status: HealthStatus.ERROR, message: lookup.error };
  }
  const { settings } = lookup.instance;
  const checks: Array<Promise<[string, ServiceHealth]>> = [];
  if (settings.elasticsearch) {
    checks.push(checkElasticsearch(lookup.instance, signal).then((health) => ['elasticsearch', health]));
  }
  if (settings.argo) {
    const instance = lookup.instance;
    checks.push(
      checkArgo(settings.argo, settings.secrets, signal)
        .then((version) => import('../argo/checkArgoAccess').then(({ checkArgoAccess }) => checkArgoAccess(instance, version, signal)))
        .then((health) => ['argo', health])
    );
  }
  const results = await Promise.all(
    checks.map((check) =>
      check.catch((error: unknown): [string, ServiceHealth] => ['internal', { ok: false, message: `health check failed: ${(error as Error)?.message}` }])
    )
  );
  const ok = results.every(([, health]) => health.ok);
  const message = results.map(([, health]) => health.message).join('. ');
  if (!ok) {
    logger.info('health check failed', { datasource: lookup.instance.uid, message });
  }
  return {
    status: ok ? HealthStatus.OK : HealthStatus.ERROR,
    message,
    jsonDetails: Buffer.from(JSON.stringify(Object.fromEntries(results))),
  };
}

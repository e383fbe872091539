import { logger } from '../log/logger';
import { argoEndpoint } from '../metrics/metricLabels';
import { observe } from '../metrics/pluginMetrics';
import { notConfigured } from '../errors/notConfigured';
import { instanceResource, type DatasourceInstance } from '../settings/instances';
import { ArgoClient } from './client/argoClient';
import { argoClientOptions } from './client/clientOptions';

/**
 * The Argo Server client of a datasource instance: one per settings version, so the concurrency limit
 * holds across all the queries and resource calls of that datasource.
 */
export function argoClient(instance: DatasourceInstance): ArgoClient {
  const argo = instance.settings.argo;
  if (!argo) {
    // Requests check this first (requiredService, callResource); this names the setting should one not.
    throw notConfigured('datasource settings', 'this request needs', 'argo');
  }
  return instanceResource(instance, 'argoClient', () => {
    const onCall = ({ path, seconds, failed }: { path: string; seconds: number; failed: boolean }) =>
      observe('argo', argoEndpoint(path), seconds, failed ? 'downstream' : undefined);
    const client = new ArgoClient(argoClientOptions(argo, instance.settings.secrets, { logger, onCall }));
    return { value: client, close: () => client.close() };
  });
}

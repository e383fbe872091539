import type { DatasourceInstance } from '../settings/instances';
import { argoClient } from './argoInstance';
import type { ServiceHealth } from './checkArgo';
import { ArgoRequestError } from './client/argoErrors';

/**
 * The second half of the Argo health check: /api/v1/version answers any well-formed token in client
 * auth mode (Kubernetes only rejects a bad token on the first list), so list one workflow and one cron
 * workflow in the first allowed namespace (or all) to prove the token and its RBAC.
 */
export async function checkArgoAccess(instance: DatasourceInstance, version: ServiceHealth, signal: AbortSignal): Promise<ServiceHealth> {
  if (!version.ok) {
    return version;
  }
  const client = argoClient(instance);
  // Save & test re-reads the version for the datasource's queries too: an upgraded server is read as such at once.
  if (version.version) {
    client.noteVersion(version.version);
  }
  const namespace = instance.settings.namespaces?.[0] ?? '';
  try {
    await client.listWorkflows({ namespace, pageSize: 1, maxItems: 1 }, { signal });
    await client.listCronWorkflows({ namespace, pageSize: 1, maxItems: 1 }, { signal });
    const where = namespace ? `namespace ${namespace}` : 'all namespaces';
    return { ...version, message: `${version.message}; the token may list workflows and cron workflows in ${where}` };
  } catch (error) {
    if (error instanceof ArgoRequestError) {
      return { ok: false, version: version.version, message: error.message };
    }
    throw error;
  }
}

/**
 * `resources.*` of a history document from Argo's `resourcesDuration` (docs/document-model.md): Argo
 * counts cpu in 1-core seconds, memory in 100Mi seconds and other resources (nvidia.com/gpu) in
 * 1-unit seconds.
 */
export interface DocumentResources {
  cpu_core_seconds?: number;
  memory_mib_seconds?: number;
  gpu_seconds?: number;
}

export function resourcesFromArgo(resourcesDuration: Record<string, number> | undefined): DocumentResources | undefined {
  if (!resourcesDuration) {
    return undefined;
  }
  const resources: DocumentResources = {};
  if (resourcesDuration.cpu !== undefined) {
    resources.cpu_core_seconds = resourcesDuration.cpu;
  }
  if (resourcesDuration.memory !== undefined) {
    resources.memory_mib_seconds = resourcesDuration.memory * 100;
  }
  if (resourcesDuration['nvidia.com/gpu'] !== undefined) {
    resources.gpu_seconds = resourcesDuration['nvidia.com/gpu'];
  }
  return Object.keys(resources).length > 0 ? resources : undefined;
}

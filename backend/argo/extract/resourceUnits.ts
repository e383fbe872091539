import { isObject } from './argoFields';
import type { Resources } from './documents';
import { type Problems, shown } from './problems';

/**
 * Argo's `resourcesDuration` is integer seconds of "requested quantity ÷ base amount": cpu per 1 core
 * (already core-seconds), memory per 100Mi (so × 100 gives MiB-seconds), any other resource per 1
 * unit (`nvidia.com/gpu` is GPU-seconds). Storage and other resources have no field in the model.
 */
const MIB_PER_ARGO_MEMORY_UNIT = 100;
/** GPU resource names counted into `gpu_seconds`: the one the document model and the Argo notes name. */
const GPU_RESOURCE_NAMES: readonly string[] = ['nvidia.com/gpu'];

function seconds(value: unknown, field: string, problems: Problems): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return value;
  }
  problems.add(field, `${shown(value)} is not a number of seconds`);
  return undefined;
}

/** The model's `resources` from a `resourcesDuration` map; undefined when it has none of our resources. */
export function resourcesFromArgo(resourcesDuration: unknown, field: string, problems: Problems): Resources | undefined {
  if (resourcesDuration === undefined || resourcesDuration === null) {
    return undefined;
  }
  if (!isObject(resourcesDuration)) {
    problems.add(field, `${shown(resourcesDuration)} is not an object`);
    return undefined;
  }
  const resources: Resources = {};
  let found = false;
  if (resourcesDuration.cpu !== undefined) {
    const cpu = seconds(resourcesDuration.cpu, `${field}.cpu`, problems);
    if (cpu !== undefined) {
      resources.cpu_core_seconds = cpu;
      found = true;
    }
  }
  if (resourcesDuration.memory !== undefined) {
    const memory = seconds(resourcesDuration.memory, `${field}.memory`, problems);
    if (memory !== undefined) {
      resources.memory_mib_seconds = memory * MIB_PER_ARGO_MEMORY_UNIT;
      found = true;
    }
  }
  for (const name of GPU_RESOURCE_NAMES) {
    if (resourcesDuration[name] !== undefined) {
      const gpu = seconds(resourcesDuration[name], `${field}[${JSON.stringify(name)}]`, problems);
      if (gpu !== undefined) {
        resources.gpu_seconds = (resources.gpu_seconds ?? 0) + gpu;
        found = true;
      }
    }
  }
  return found ? resources : undefined;
}

import { resourcesFromArgo } from './argoResources';

describe('resourcesFromArgo', () => {
  it('keeps cpu core-seconds and gpu seconds, and turns 100Mi-seconds into MiB-seconds', () => {
    expect(resourcesFromArgo({ cpu: 3, memory: 1, 'nvidia.com/gpu': 12 })).toEqual({
      cpu_core_seconds: 3,
      memory_mib_seconds: 100,
      gpu_seconds: 12,
    });
  });

  it('leaves out what Argo did not count', () => {
    expect(resourcesFromArgo({ cpu: 2 })).toEqual({ cpu_core_seconds: 2 });
    expect(resourcesFromArgo({})).toBeUndefined();
    expect(resourcesFromArgo(undefined)).toBeUndefined();
  });
});

/**
 * Grafana unit ids the dashboards use, named for what the backend answers (docs/contracts.md):
 * durations are seconds, rates 0–1, memory averages MiB (Grafana's `mbytes` is mebibytes, so 28672
 * shows as 28 GiB), cores a plain number with a suffix.
 */
export const UNITS = {
  seconds: 's',
  ratio: 'percentunit',
  count: 'short',
  /** A plain number: vs_baseline and the like (1 = as usual). */
  times: 'suffix:×',
  cores: 'suffix: cores',
  coreSeconds: 'suffix: core·s',
  mebibytes: 'mbytes',
  mibSeconds: 'suffix: MiB·s',
  gpuSeconds: 's',
  none: 'none',
} as const;
export type Unit = (typeof UNITS)[keyof typeof UNITS];

const MIB_PER_GIB = 1024;

/** A memory amount in GiB as the backend's MiB (for thresholds on `avg_memory`). */
export const gibAsMib = (gib: number): number => gib * MIB_PER_GIB;

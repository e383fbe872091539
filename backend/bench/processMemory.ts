import { readFileSync } from 'node:fs';

/** Memory of a local process from /proc/<pid>/status, in MB (1 MB = 2^20 bytes). */
export interface ProcessMemory {
  rss: number;
  /** Anonymous pages: the heap, malloc arenas, buffers. */
  rssAnon: number;
  /** File pages: the executable and libraries mapped in. */
  rssFile: number;
}

const field = (status: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;

export function processMemory(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: field(status, 'VmRSS'), rssAnon: field(status, 'RssAnon'), rssFile: field(status, 'RssFile') };
  } catch {
    return undefined;
  }
}

/** The V8 figures of the backend's `memory` debug log line (ARGOPERF_MEMORY_LOG_MS), in MB. */
export interface HeapFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export function heapFiguresOf(logLine: string): HeapFigures | undefined {
  if (!logLine.includes('"@message":"memory"')) {
    return undefined;
  }
  try {
    const entry = JSON.parse(logLine) as Record<string, number>;
    return { heapUsed: entry.heapUsedMB, heapTotal: entry.heapTotalMB, external: entry.externalMB, arrayBuffers: entry.arrayBuffersMB };
  } catch {
    return undefined;
  }
}

/** Load averages (1, 5, 15 min) of this machine, as `uptime` prints them. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
}

/** CPU time (user + system, ms) a local process and its threads have spent, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime (fields 14 and 15 of stat) are 11 and 12 once the pid and name are removed; in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
